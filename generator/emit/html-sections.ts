import type { CodeValue } from "../catalog.js";
import type { CatalogModel, CommonCodeModel, Deprecation, ModuleModel, ReservedModel } from "../model.js";
import { COMMON_SECTION, MODULES_SECTION } from "./docs.js";
import {
  type CommonGroup,
  categoryHeading,
  commonGroups,
  reservedText,
  type SentenceFormat,
  statusShown,
  typesShown,
} from "./docs-tables.js";
import { htmlText } from "./escape.js";
import { fillTemplate, type PageText } from "./page-text.js";
import type { ModulePieces } from "./pieces.js";

/** What the sections of one page need. */
export interface PageContext {
  readonly model: CatalogModel;
  readonly locale: string;
  readonly words: PageText;
  /** Every code's permalink: an old anchor equal to one of these is not repeated as an alias. */
  readonly anchors: ReadonlySet<string>;
  readonly developers: boolean;
  /** What is kept of each module between runs of `--watch`. */
  readonly pieces: ModulePieces;
}

const text = (context: PageContext, localized: Readonly<Record<string, string>>) =>
  htmlText(localized[context.locale] ?? "");

const codeHtml = (code: CodeValue) => (typeof code === "number" ? String(code) : `<code>${htmlText(code)}</code>`);

/**
 * The first cell: the visible permalink (styled by `tbody th > a`: no class or title, which 30,000
 * rows would pay for in bytes), and the old anchor as an empty alias target.
 */
function codeCell(context: PageContext, entry: { code: CodeValue; anchor: string; legacyAnchor: string }): string {
  const alias = context.anchors.has(entry.legacyAnchor) ? "" : `<span id="${htmlText(entry.legacyAnchor)}"></span>`;
  const href = htmlText(entry.anchor);
  return `<th scope="row"><a href="#${href}">${codeHtml(entry.code)}</a>${alias}</th>`;
}

function deprecatedNote(
  context: PageContext,
  deprecated: Deprecation | undefined,
  anchorOf: (code: CodeValue) => string | undefined,
): string {
  if (!deprecated) return "";
  const by = deprecated.replacedBy;
  const anchor = by === undefined ? undefined : anchorOf(by);
  const link = by === undefined ? "" : anchor ? `<a href="#${htmlText(anchor)}">${codeHtml(by)}</a>` : codeHtml(by);
  const instead = by === undefined ? "" : ` ${fillTemplate(context.words.useInstead, { code: link }, htmlText)}`;
  return `<p class="deprecated"><strong>${htmlText(context.words.deprecated)}</strong> ${htmlText(deprecated.reason)}${instead}</p>`;
}

/** A row's attributes: its permalink and, for search, the code's name. */
const rowStart = (entry: { anchor: string; name: string; deprecated?: Deprecation }) =>
  `<tr id="${htmlText(entry.anchor)}" data-n="${htmlText(entry.name)}"${entry.deprecated ? ' class="old"' : ""}>`;

function head(cells: readonly string[]): string {
  return `<thead><tr>${cells.map((cell) => `<th scope="col">${htmlText(cell)}</th>`).join("")}</tr></thead>`;
}

/** Sections hold a size estimate, so that unrendered ones (`content-visibility: auto`) keep the scrollbar right. */
const sectionStart = (id: string, rows: number, module: string, title: string) =>
  `<section class="codes" id="${htmlText(id)}" data-m="${htmlText(module)}" data-t="${title}" style="contain-intrinsic-size:auto ${rows * 40 + 90}px">`;

function commonSection(context: PageContext, group: CommonGroup): string {
  const { words, model } = context;
  const anchorOf = (code: CodeValue) => model.common.find((entry) => entry.code === code)?.anchor;
  const id = group.category === undefined ? COMMON_SECTION : group.category.anchor;
  const showType = typesShown(model, context.locale);
  const showStatus = statusShown(model);
  const heading =
    group.category === undefined
      ? `<h2>${htmlText(words.common)}</h2>`
      : `<h3>${categoryHeading(group.category, words, context.locale, HTML)}</h3>${categoryAbout(context, group)}`;
  const columns = [
    words.code,
    ...(context.developers ? [words.name] : []),
    ...(showType ? [words.type] : []),
    words.description,
    words.fault,
    words.retry,
    ...(showStatus ? [words.httpStatus] : []),
  ];
  const rows = group.entries.map((entry: CommonCodeModel) =>
    [
      rowStart(entry),
      codeCell(context, entry),
      context.developers ? `<td><code>${htmlText(entry.className)}</code></td>` : "",
      showType ? `<td>${text(context, entry.type)}</td>` : "",
      `<td>${deprecatedNote(context, entry.deprecated, anchorOf)}${text(context, entry.description)}</td>`,
      `<td class="f-${entry.fault}">${htmlText(words.faults[entry.fault])}</td>`,
      `<td>${htmlText(entry.retryable ? words.yes : words.no)}</td>`,
      showStatus ? `<td>${entry.httpStatus ?? ""}</td>` : "",
      "</tr>",
    ].join(""),
  );
  const table = rows.length === 0 ? "" : `<table>${head(columns)}<tbody>\n${rows.join("\n")}\n</tbody></table>`;
  return `${sectionStart(id, rows.length, "", htmlText(words.common))}${heading}${table}${reserved(context, group.category === undefined ? model.reserved : [])}</section>`;
}

function moduleSection(context: PageContext, module: ModuleModel): string {
  const { words } = context;
  const anchorOf = (code: CodeValue) => module.codes.find((entry) => entry.code === code)?.anchor;
  const title = module.titled
    ? `${text(context, module.title)} <code>${htmlText(module.id)}</code>`
    : `<code>${htmlText(module.id)}</code>`;
  const columns = [words.code, ...(context.developers ? [words.name] : []), words.description];
  const rows = module.codes.map((entry) =>
    [
      rowStart(entry),
      codeCell(context, entry),
      context.developers ? `<td><code>${htmlText(`${module.enumName}.${entry.name}`)}</code></td>` : "",
      `<td>${deprecatedNote(context, entry.deprecated, anchorOf)}${text(context, entry.description)}</td></tr>`,
    ].join(""),
  );
  const table =
    rows.length === 0
      ? `<p>${htmlText(words.noCodes)}</p>`
      : `<table>${head(columns)}<tbody>\n${rows.join("\n")}\n</tbody></table>`;
  return `${sectionStart(module.anchor, rows.length, module.id, module.titled ? text(context, module.title) : htmlText(module.id))}<h3>${title}</h3>${table}${reserved(context, module.reserved)}</section>`;
}

/** How the page writes a code span and plain words. */
const HTML: SentenceFormat = { code: (text) => `<code>${htmlText(text)}</code>`, words: htmlText };

/** A declared category's description under its heading. */
function categoryAbout(context: PageContext, group: CommonGroup): string {
  const about = group.category ? text(context, group.category.description) : "";
  return about === "" ? "" : `<p>${about}</p>`;
}

function reserved(context: PageContext, codes: readonly ReservedModel[]): string {
  if (codes.length === 0) return "";
  return `<p class="reserved">${htmlText(context.words.reserved)} ${codes.map((entry) => reservedText(entry, codeHtml, HTML.code)).join(", ")}</p>`;
}

/** Every section of codes: the common codes (by category), then each module. */
export function codeSections(context: PageContext, moduleIntro: string): string {
  const { model, words } = context;
  return [
    ...commonGroups(model).map((group) => commonSection(context, group)),
    `<section id="${MODULES_SECTION}" class="intro"><h2>${htmlText(words.modules)}</h2>${moduleIntro}</section>`,
    ...model.modules.map((module) =>
      context.pieces.piece(module, `page:${context.locale}`, () => moduleSection(context, module)),
    ),
  ].join("\n");
}

/** The table of contents: the common codes with their categories, the modules with their code counts. */
export function tableOfContents(context: PageContext): string {
  const { model, words } = context;
  const link = (id: string, label: string, count?: number) =>
    `<li><a href="#${htmlText(id)}">${label}</a>${count === undefined ? "" : ` <span class="n">${htmlText(words.codes(count))}</span>`}`;
  const categories = commonGroups(model)
    .filter((group) => group.category !== undefined)
    .map(
      (group) =>
        `${link(group.category?.anchor ?? "", group.category ? categoryHeading(group.category, words, context.locale, HTML) : "", group.entries.length)}</li>`,
    );
  const modules = model.modules.map(
    (module) =>
      `${link(module.anchor, module.titled ? text(context, module.title) : htmlText(module.id), module.codes.length)}</li>`,
  );
  const nested = (items: string[]) => (items.length === 0 ? "" : `<ul>${items.join("")}</ul>`);
  return `<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">${htmlText(words.contents)}</h2><ul>${link(COMMON_SECTION, htmlText(words.common), model.common.length)}${nested(categories)}</li>${link(MODULES_SECTION, htmlText(words.modules))}${nested(modules)}</li></ul></nav>`;
}

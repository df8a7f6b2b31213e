import type { CodeValue } from "../catalog.js";
import type { CatalogModel, CommonCodeModel, Deprecation, Localized, ModuleModel } from "../model.js";
import { markdownCell, markdownCode, markdownCodeCell, markdownInline, markdownWords } from "./escape.js";
import { fillTemplate, type PageText } from "./page-text.js";

/** What the markdown tables of one docs file need: its locale, page text and the anchors in use. */
export interface DocsContext {
  readonly model: CatalogModel;
  readonly locale: string;
  readonly words: PageText;
  /** Every code's permalink: an old anchor equal to one of these is not repeated as an alias. */
  readonly anchors: ReadonlySet<string>;
}

export const localText = (context: DocsContext, text: Localized): string => text[context.locale] ?? "";

const codeText = (code: CodeValue) => (typeof code === "number" ? String(code) : markdownCodeCell(code));

/** A visible permalink, with the old anchor kept as an alias: `<a id="4400"></a>[4400](#4400)`. */
function codeCell(context: DocsContext, entry: { code: CodeValue; anchor: string; legacyAnchor: string }): string {
  const alias = context.anchors.has(entry.legacyAnchor) ? "" : `<a id="${entry.legacyAnchor}"></a>`;
  return `<a id="${entry.anchor}"></a>${alias}[${codeText(entry.code)}](#${entry.anchor})`;
}

/** A deprecated code's marker before its description, linking its replacement when the table holds it. */
function deprecatedCell(
  context: DocsContext,
  deprecated: Deprecation | undefined,
  anchorOf: (code: CodeValue) => string | undefined,
): string {
  if (!deprecated) return "";
  const by = deprecated.replacedBy;
  const anchor = by === undefined ? undefined : anchorOf(by);
  const link = by === undefined ? "" : anchor ? `[${codeText(by)}](#${anchor})` : codeText(by);
  const instead = by === undefined ? "" : ` ${fillTemplate(context.words.useInstead, { code: link }, markdownWords)}`;
  return `**${markdownCell(context.words.deprecated)}** ${markdownCell(deprecated.reason)}${instead}<br>`;
}

/** Whether the common codes' types say more than their codes (string codes default their type to the code). */
export function typesShown(model: CatalogModel, locale: string): boolean {
  return model.common.some((entry) => entry.type[locale] !== String(entry.code));
}

const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;

/** The common codes' table. */
export function commonTable(context: DocsContext, entries: readonly CommonCodeModel[]): string[] {
  const { words, model } = context;
  const developers = model.output.docsAudience === "developers";
  const anchorOf = (code: CodeValue) => model.common.find((entry) => entry.code === code)?.anchor;
  const showType = typesShown(model, context.locale);
  const head = [
    words.code,
    ...(developers ? [words.name] : []),
    ...(showType ? [words.type] : []),
    words.description,
    words.fault,
    words.retry,
  ];
  const lines = [row(head.map(markdownCell)), row(head.map((_, index) => (index === 0 ? "---:" : "---")))];
  for (const entry of entries) {
    lines.push(
      row([
        codeCell(context, entry),
        ...(developers ? [markdownCodeCell(entry.className)] : []),
        ...(showType ? [markdownCell(localText(context, entry.type))] : []),
        deprecatedCell(context, entry.deprecated, anchorOf) + markdownCell(localText(context, entry.description)),
        markdownCell(words.faults[entry.fault]),
        markdownCell(entry.retryable ? words.yes : words.no),
      ]),
    );
  }
  return lines;
}

/** A module's table, or the sentence saying it lists no codes. */
export function moduleTable(context: DocsContext, module: ModuleModel): string[] {
  const { words, model } = context;
  if (module.codes.length === 0) return [markdownInline(words.noCodes)];
  const developers = model.output.docsAudience === "developers";
  const anchorOf = (code: CodeValue) => module.codes.find((entry) => entry.code === code)?.anchor;
  const head = [words.code, ...(developers ? [words.name] : []), words.description];
  const lines = [row(head.map(markdownCell)), row(head.map((_, index) => (index === 0 ? "---:" : "---")))];
  for (const entry of module.codes) {
    lines.push(
      row([
        codeCell(context, entry),
        ...(developers ? [markdownCodeCell(`${module.enumName}.${entry.name}`)] : []),
        deprecatedCell(context, entry.deprecated, anchorOf) + markdownCell(localText(context, entry.description)),
      ]),
    );
  }
  return lines;
}

/** `Retired, never to be reused: 4700, 4800.` */
export function reservedLine(context: DocsContext, codes: readonly { code: CodeValue }[]): string[] {
  if (codes.length === 0) return [];
  return ["", `${markdownInline(context.words.reserved)} ${codes.map((entry) => codeText(entry.code)).join(", ")}`];
}

export interface CommonGroup {
  readonly category?: string;
  readonly entries: readonly CommonCodeModel[];
}

/** The common codes grouped for sections: the top-level ones, then one group per category of dotted codes. */
export function commonGroups(model: CatalogModel): CommonGroup[] {
  const groups: CommonGroup[] = [{ entries: model.common.filter((entry) => entry.category === undefined) }];
  for (const { category } of model.categories) {
    const entries = model.common.filter((entry) => entry.category === category);
    if (entries.length > 0) groups.push({ category, entries });
  }
  return groups;
}

/** The anchor of a category's section: `category-InvalidParameter`. */
export const categoryAnchor = (category: string) =>
  `category-${category.replace(/[^A-Za-z0-9._-]/g, (char) => `~${char.charCodeAt(0).toString(16).padStart(4, "0")}`)}`;

/** A module's heading text: `Account (account)`, or the id alone when the catalog gives no title. */
export function moduleHeading(context: DocsContext, module: ModuleModel): string {
  const id = markdownCode(module.id);
  return module.titled ? `${markdownInline(localText(context, module.title))} (${id})` : id;
}

import type { CodeValue } from "../catalog.js";
import type {
  CatalogModel,
  CategoryModel,
  CommonCodeModel,
  Deprecation,
  Localized,
  ModuleModel,
  ReservedModel,
} from "../model.js";
import { markdownCell, markdownCode, markdownCodeCell, markdownInline, markdownWords } from "./escape.js";
import { fillTemplate, type PageText } from "./page-text.js";
import type { ModulePieces } from "./pieces.js";

/** What the markdown tables of one docs file need: its locale, page text and the anchors in use. */
export interface DocsContext {
  readonly model: CatalogModel;
  readonly locale: string;
  readonly words: PageText;
  /** Every code's permalink: an old anchor equal to one of these is not repeated as an alias. */
  readonly anchors: ReadonlySet<string>;
  /** What is kept of each module between runs of `--watch`. */
  readonly pieces: ModulePieces;
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
  const showStatus = statusShown(model);
  const head = [
    words.code,
    ...(developers ? [words.name] : []),
    ...(showType ? [words.type] : []),
    words.description,
    words.fault,
    words.retry,
    ...(showStatus ? [words.httpStatus] : []),
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
        ...(showStatus ? [entry.httpStatus === undefined ? "" : String(entry.httpStatus)] : []),
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

/** `Retired, never to be reused: 4700, 1054 (OldBadField), 2000–2999.` */
export function reservedLine(context: DocsContext, codes: readonly ReservedModel[]): string[] {
  if (codes.length === 0) return [];
  const shown = codes.map((entry) => reservedText(entry, codeText, markdownCode));
  return ["", `${markdownInline(context.words.reserved)} ${shown.join(", ")}`];
}

/** A reserved entry as text: a code, a code with the name it had, or a range. */
export function reservedText(
  entry: ReservedModel,
  code: (value: CodeValue) => string,
  name: (text: string) => string,
): string {
  if ("from" in entry) return `${code(entry.from)}–${code(entry.to)}`;
  return entry.name === undefined ? code(entry.code) : `${code(entry.code)} (${name(entry.name)})`;
}

export interface CommonGroup {
  readonly category?: CategoryModel;
  readonly entries: readonly CommonCodeModel[];
}

/** The common codes grouped for sections: those of no category, then one group per category, with its text as the heading. */
export function commonGroups(model: CatalogModel): CommonGroup[] {
  const groups: CommonGroup[] = [{ entries: model.common.filter((entry) => entry.category === undefined) }];
  for (const category of model.categories) {
    const entries = model.common.filter((entry) => entry.category === category.prefix);
    if (entries.length > 0 || category.declared) groups.push({ category, entries });
  }
  return groups;
}

/**
 * A category's heading: a declared category's own title and prefix (`Integrity constraint violation
 * (23)`), or `Category InvalidParameter` for the first segment of dotted codes.
 */
export function categoryHeading(
  category: CategoryModel,
  words: PageText,
  locale: string,
  format: SentenceFormat,
): string {
  if (!category.declared) return fillTemplate(words.category, { name: format.code(category.prefix) }, format.words);
  const title = category.type[locale] ?? Object.values(category.type)[0] ?? category.name;
  return `${format.words(title)} (${format.code(category.prefix)})`;
}

/** A module's heading text: `Account (account)`, or the id alone when the catalog gives no title. */
export function moduleHeading(context: DocsContext, module: ModuleModel): string {
  const id = markdownCode(module.id);
  return module.titled ? `${markdownInline(localText(context, module.title))} (${id})` : id;
}

/** How a page writes a path, a value and plain words: markdown or HTML. */
export interface SentenceFormat {
  readonly code: (text: string) => string;
  readonly words: (text: string) => string;
}

/** Where the code is and what success looks like, in the page's words, for any success rule. */
export function successSentence(model: CatalogModel, words: PageText, format: SentenceFormat): string {
  const field = (path: readonly string[]) => format.code(path.join("."));
  const codeField = model.envelope.code.map(field).join(format.words(words.or));
  const rule = model.success;
  if ("codes" in rule) {
    const success = rule.codes.map((code) => format.code(String(code))).join(", ");
    const template = rule.codes.length === 1 ? words.successByCode : words.successByCodes;
    return fillTemplate(template, { codeField, success }, format.words);
  }
  if ("absent" in rule) {
    const container = rule.absent.length > 1 ? field(rule.absent.slice(0, -1)) : format.words(words.body);
    return fillTemplate(words.successByAbsence, { container, field: field(rule.absent), codeField }, format.words);
  }
  const matches = "when" in rule ? rule.when : rule.unless;
  const conditions = matches
    .map((match) =>
      fillTemplate(
        words.fieldIs,
        { field: field(match.path), value: format.code(JSON.stringify(match.value)) },
        format.words,
      ),
    )
    .join(format.words(words.and));
  return fillTemplate(
    "when" in rule ? words.successWhen : words.successUnless,
    { conditions, codeField },
    format.words,
  );
}

/** Whether the tables get an HTTP status column: when the catalog gives any code one. */
export function statusShown(model: CatalogModel): boolean {
  return model.common.some((entry) => entry.httpStatus !== undefined);
}

import type {
  CatalogDocument,
  CodeValue,
  DeprecatedDocument,
  EnvelopeDocument,
  Fault,
  FieldValue,
  ModuleDocument,
  ReservedDocument,
  SuccessDocument,
  TextDocument,
} from "./catalog.js";
import {
  categoryAnchor,
  categoryNames,
  categoryOf,
  codeAnchor,
  errorClassName,
  errorGuardName,
  isUriCode,
  legacyCodeAnchor,
  moduleNames,
  nameFromCode,
} from "./names.js";
import { type Problem, toPointer } from "./problems.js";

/** The regex used when a catalog lists no patterns: `(100004) incorrect projectId`. */
export const DEFAULT_PATTERN = {
  name: "parenthesized",
  regex: String.raw`^\((?<code>-?\d+)\)\s*(?<text>[\s\S]*)$`,
  format: "({code}) {text}",
  examples: [{ message: "(100004) incorrect projectId", code: 100004, text: "incorrect projectId" }],
} as const;

/** A text in every locale of the catalog. */
export type Localized = Readonly<Record<string, string>>;

/** Where an entity was written: the catalog file (as the user named it) and a JSON pointer in it. */
export interface Origin {
  readonly file: string;
  readonly pointer: string;
}

/**
 * What the emitters read: every identifier derived from the catalog, and each module's file name, is
 * derived here and nowhere else. The fixed file names (`common.ts`, `error-codes.md`, …) are spelled
 * once in `emit/index.ts` and `emit/docs.ts`.
 */
export interface CatalogModel {
  /** The catalog path written in every header, relative to the output folder's parent, POSIX separators. */
  readonly sourcePath: string;
  /** Every catalog file read: the catalog, then its included files. */
  readonly sources: readonly string[];
  readonly title: Localized;
  /** The default locale first. */
  readonly locales: readonly string[];
  readonly defaultLocale: string;
  /** Brands errors so that two copies of the same generated module recognise each other's errors. */
  readonly catalogId: string;
  /** Where `catalogId` came from: the catalog's `id`, or (with a warning) its title's default text. */
  readonly catalogIdFrom: "id" | "title";
  /** Whether codes are integers or strings; the common list decides. */
  readonly codeKind: "number" | "string";
  readonly success: SuccessRule;
  readonly envelope: Envelope;
  /** The HTTP status of codes whose own and category's give none. */
  readonly defaultHttpStatus?: number;
  /** Where module codes arrive: parsed out of the message, or in the code field itself. */
  readonly moduleErrorsIn: "message" | "code";
  /** Empty when the catalog declares no module errors: then no message is parsed for one. */
  readonly patterns: readonly PatternModel[];
  /** Ordered by code. */
  readonly common: readonly CommonCodeModel[];
  readonly reserved: readonly ReservedModel[];
  /** In catalog order, included files' modules last. */
  readonly modules: readonly ModuleModel[];
  /**
   * The declared prefix categories, then the implied first segments of dotted string codes, each
   * sorted by prefix; each gets a guard, declared ones a class too.
   */
  readonly categories: readonly CategoryModel[];
  readonly enumStyle: "enum" | "const";
  readonly output: OutputModel;
  readonly origin: Origin;
  /** What validation found valid but probably a mistake, located; printed, never refused. */
  readonly warnings: readonly Problem[];
}

/** What to write besides the code. */
export interface OutputModel {
  /** Whether to write the HTML reference page. */
  readonly html: boolean;
  /** `users`: the docs name no TypeScript identifier; `developers`: a column of them. */
  readonly docsAudience: "users" | "developers";
  /** Whether the docs get one file per module (the catalog holds more codes than `output.docs.splitAbove`). */
  readonly splitDocs: boolean;
  /** The extension of the output's own import specifiers: `.js`, or `.ts` for Deno and type stripping. */
  readonly importExtension: ".js" | ".ts";
}

/** A body field compared with a value by a success rule. */
export interface FieldMatch {
  readonly path: readonly string[];
  readonly value: FieldValue;
}

/**
 * What means success: one of the codes; the absence (or null) of a path; every field equal to its
 * value (`when`); or anything but every field equal to its value (`unless`).
 */
export type SuccessRule =
  | { readonly codes: readonly CodeValue[] }
  | { readonly absent: readonly string[] }
  | { readonly when: readonly FieldMatch[] }
  | { readonly unless: readonly FieldMatch[] };

/** Where the fields live in a response body; each a path of property names. */
export interface Envelope {
  /** Tried in order: the first path holding a code wins. */
  readonly code: readonly (readonly string[])[];
  readonly message: readonly string[];
  readonly requestId: readonly string[];
  readonly requestIdHeader?: string;
  /** A body field carrying the HTTP status. */
  readonly status?: readonly string[];
  /** Extra values copied into `error.fields`, in catalog order. */
  readonly fields: readonly { readonly name: string; readonly path: readonly string[] }[];
}

export interface Deprecation {
  readonly reason: string;
  readonly replacedBy?: CodeValue;
}

export interface CommonCodeModel {
  readonly code: CodeValue;
  readonly name: string;
  /** Whether the name was derived from a string code rather than written in the catalog. */
  readonly derivedName: boolean;
  readonly aliases: readonly AliasModel[];
  readonly type: Localized;
  readonly description: Localized;
  /** Its own, else its category's; `undefined` (a problem validation reports) when neither gives one. */
  readonly fault: Fault;
  readonly faultGiven: boolean;
  /** Its own, else its category's, else false. */
  readonly retryable: boolean;
  /** Its own, else its category's, else the catalog's default. */
  readonly httpStatus?: number;
  /**
   * The prefix of the category the code belongs to: the declared one that covers it, else the
   * implied first segment of a dotted string code; one of `categories`.
   */
  readonly category?: string;
  readonly deprecated?: Deprecation;
  readonly className: string;
  /** Whether `className` was written in the catalog. */
  readonly classNameGiven: boolean;
  readonly guardName: string;
  /** The permalink on the page and in the docs: `4400` (see `codeAnchor`). */
  readonly anchor: string;
  /** The anchor earlier versions gave it, kept as an alias: `code-4400`. */
  readonly legacyAnchor: string;
  readonly origin: Origin;
}

/** Another name for a code: an enum member and a guard of the same value. */
export interface AliasModel {
  readonly name: string;
  readonly guardName: string;
  readonly origin: Origin;
}

/** A retired code (with the name it had, when given), or a range of retired integer codes. */
export type ReservedModel =
  | { readonly code: CodeValue; readonly name?: string; readonly origin: Origin }
  | { readonly from: number; readonly to: number; readonly origin: Origin };

export interface PatternModel {
  readonly name: string;
  readonly regex: string;
  /** How a module error is written back into a message: `({code}) {text}`. */
  readonly format?: string;
  readonly examples: readonly { readonly message: string; readonly code: CodeValue; readonly text: string }[];
  readonly origin: Origin;
}

export interface ModuleModel {
  readonly id: string;
  readonly title: Localized;
  /** Whether the catalog gave a title (else the id stands for it). */
  readonly titled: boolean;
  readonly enumName: string;
  readonly guardName: string;
  readonly constName: string;
  /** The module's lean table, `accountModule`: its codes and names without their texts. */
  readonly tableName: string;
  /** Path of the module's file inside the output folder: `modules/storage-box.ts`. */
  readonly file: string;
  /** The module's file stem: `storage-box`. */
  readonly stem: string;
  readonly anchor: string;
  /** The docs file that lists its codes: `error-codes.md`, or `error-codes/storage-box.md` when split. */
  readonly docsFile: string;
  /** Ordered by code. */
  readonly codes: readonly ModuleCodeModel[];
  readonly reserved: readonly ReservedModel[];
  readonly origin: Origin;
}

export interface ModuleCodeModel {
  readonly code: CodeValue;
  readonly name: string;
  readonly derivedName: boolean;
  readonly description: Localized;
  /** Overrides of the common code's metadata, as the catalog gives them. */
  readonly fault?: Fault;
  readonly retryable?: boolean;
  readonly httpStatus?: number;
  readonly deprecated?: Deprecation;
  /** The permalink: `account-100004`, `account-minus1` (see `codeAnchor`). */
  readonly anchor: string;
  /** The anchor earlier versions gave it, kept as an alias: `m-account--100004`. */
  readonly legacyAnchor: string;
  readonly origin: Origin;
}

/** A category: declared with a prefix, or implied by the first segment of dotted string codes. */
export interface CategoryModel {
  readonly prefix: string;
  /** Whether the catalog declares it (`categories:`), rather than dotted codes implying it. */
  readonly declared: boolean;
  readonly name: string;
  readonly guardName: string;
  /** The class of codes it covers that the catalog does not list; declared categories only. */
  readonly className: string;
  readonly type: Localized;
  readonly description: Localized;
  readonly fault?: Fault;
  readonly retryable?: boolean;
  readonly httpStatus?: number;
  readonly anchor: string;
  readonly origin: Origin;
}

/** One catalog file's modules, as read from the catalog or from an included file. */
export interface ModuleSource {
  readonly file: string;
  readonly modules: readonly ModuleDocument[];
  /** The JSON pointer of the modules list in that file. */
  readonly pointer: string;
}

/** Each module document's model, with the settings it was built under: what a document read again reuses. */
const keptModules = new WeakMap<object, { readonly key: string; readonly model: ModuleModel }>();

/**
 * Builds the model of schema-valid documents. `moduleSources` are the catalog's own modules
 * followed by each included file's; `sourcePath` is what headers name.
 */
export function buildModel(
  doc: CatalogDocument,
  file: string,
  moduleSources: readonly ModuleSource[],
  sourcePath: string,
): CatalogModel {
  const defaultLocale = doc.defaultLocale ?? doc.locales?.[0] ?? "en";
  const locales = [defaultLocale, ...(doc.locales ?? []).filter((locale) => locale !== defaultLocale)];
  const localize = (text: TextDocument | undefined, fallback: string): Localized => {
    if (text === undefined) return Object.fromEntries(locales.map((locale) => [locale, fallback]));
    if (typeof text === "string") return Object.fromEntries(locales.map((locale) => [locale, text]));
    return Object.fromEntries(locales.map((locale) => [locale, text[locale] ?? text[defaultLocale] ?? fallback]));
  };
  const origin = (pointer: string, at = file): Origin => ({ file: at, pointer });
  const success = successRule(doc.success);
  const codeKind = listKind([...doc.common.map((entry) => entry.code), ...("codes" in success ? success.codes : [])]);
  const title = localize(doc.title, "API error codes");
  const codeCount =
    doc.common.length +
    moduleSources.reduce((sum, source) => sum + source.modules.reduce((n, m) => n + m.codes.length, 0), 0);
  const split = codeCount > (doc.output?.docs?.splitAbove ?? 1000);
  const declared = (doc.categories ?? []).map((category, index): CategoryModel => {
    const names = categoryNames(category.name);
    return {
      prefix: category.prefix,
      declared: true,
      name: category.name,
      ...names,
      type: localize(category.type, category.name),
      description: localize(category.description, ""),
      ...defined({ fault: category.fault, retryable: category.retryable, httpStatus: category.httpStatus }),
      anchor: categoryAnchor(category.prefix),
      origin: origin(toPointer(["categories", index])),
    };
  });
  const common = byCode(
    doc.common.map((entry, index): CommonCodeModel => {
      const derived = entry.name === undefined;
      const name = entry.name ?? nameFromCode(String(entry.code)) ?? "";
      const category = categoryOfCode(declared, entry.code);
      const className = entry.className ?? errorClassName(name);
      const httpStatus = entry.httpStatus ?? category?.httpStatus ?? doc.defaultHttpStatus;
      const pointer = toPointer(["common", index]);
      return {
        code: entry.code,
        name,
        derivedName: derived,
        aliases: (entry.aliases ?? []).map((alias, at) => ({
          name: alias,
          guardName: errorGuardName(errorClassName(alias)),
          origin: origin(`${pointer}/aliases/${at}`),
        })),
        type: localize(entry.type, String(entry.code)),
        description: localize(entry.description, ""),
        fault: entry.fault ?? category?.fault ?? "server",
        faultGiven: (entry.fault ?? category?.fault) !== undefined,
        retryable: entry.retryable ?? category?.retryable ?? false,
        ...defined({ httpStatus, category: category?.prefix }),
        ...deprecation(entry.deprecated),
        className,
        classNameGiven: entry.className !== undefined,
        guardName: errorGuardName(className),
        anchor: codeAnchor({}, entry.code),
        legacyAnchor: legacyCodeAnchor({}, entry.code),
        origin: origin(pointer),
      };
    }),
  );
  const modules = moduleSources.flatMap((source) =>
    source.modules.map((module, moduleIndex): ModuleModel => {
      const names = moduleNames(module.name);
      const pointer = `${source.pointer}/${moduleIndex}`;
      // The same document read again (`--watch`, its file unchanged) under the same settings keeps its model.
      const key = JSON.stringify([locales, source.file, pointer, split]);
      const kept = keptModules.get(module);
      if (kept?.key === key) return kept.model;
      const model: ModuleModel = {
        id: module.name,
        title: localize(module.title, module.name),
        titled: module.title !== undefined,
        enumName: names.enumName,
        guardName: names.guardName,
        constName: names.constName,
        tableName: names.tableName,
        file: `modules/${names.fileStem}.ts`,
        stem: names.fileStem,
        anchor: `module-${names.fileStem}`,
        docsFile: split ? `error-codes/${names.fileStem}.md` : "error-codes.md",
        reserved: reservedList(module.reserved, (index) => origin(`${pointer}/reserved/${index}`, source.file)),
        origin: origin(pointer, source.file),
        codes: byCode(
          module.codes.map((entry, index) => {
            const name = entry.name ?? nameFromCode(String(entry.code)) ?? "";
            return {
              code: entry.code,
              name,
              derivedName: entry.name === undefined,
              description: localize(entry.description, ""),
              ...defined({ fault: entry.fault, retryable: entry.retryable, httpStatus: entry.httpStatus }),
              ...deprecation(entry.deprecated),
              anchor: codeAnchor({ module: names.fileStem }, entry.code),
              legacyAnchor: legacyCodeAnchor({ module: names.fileStem }, entry.code),
              origin: origin(`${pointer}/codes/${index}`, source.file),
            };
          }),
        ),
      };
      keptModules.set(module, { key, model });
      return model;
    }),
  );
  const moduleErrorsIn = doc.moduleErrors?.in ?? "message";
  // Patterns apply only where the catalog declares module errors: otherwise a message such as
  // "(503) upstream connect error" would report a module code nobody defined.
  const declaresModules = doc.moduleErrors?.patterns !== undefined || modules.length > 0;
  const patterns = doc.moduleErrors?.patterns ?? (declaresModules ? [DEFAULT_PATTERN] : []);
  const model: CatalogModel = {
    sourcePath,
    sources: [file, ...new Set(moduleSources.map((source) => source.file).filter((source) => source !== file))],
    title,
    locales,
    defaultLocale,
    catalogId: doc.id ?? title[defaultLocale] ?? "",
    catalogIdFrom: doc.id === undefined ? "title" : "id",
    codeKind,
    success,
    envelope: envelope(doc.envelope),
    ...defined({ defaultHttpStatus: doc.defaultHttpStatus }),
    moduleErrorsIn,
    patterns: patterns.map((pattern, index) => ({
      name: pattern.name,
      regex: pattern.regex,
      ...defined({ format: "format" in pattern ? pattern.format : undefined }),
      examples: pattern.examples ?? [],
      origin: origin(doc.moduleErrors?.patterns ? toPointer(["moduleErrors", "patterns", index]) : ""),
    })),
    common,
    reserved: reservedList(doc.reserved, (index) => origin(`/reserved/${index}`)),
    modules,
    categories: [
      ...declared.sort((a, b) => compareCodes(a.prefix, b.prefix)),
      ...impliedCategories(codeKind, new Set(declared.map((category) => category.prefix)), [
        ...common.map((entry) => entry.code),
        ...modules.flatMap((module) => module.codes.map((entry) => entry.code)),
      ]),
    ],
    enumStyle: doc.output?.enumStyle ?? "const",
    output: {
      html: doc.output?.html ?? true,
      docsAudience: doc.output?.docs?.audience ?? "users",
      splitDocs: split,
      importExtension: doc.output?.importExtension ?? ".js",
    },
    origin: origin(""),
    warnings: [],
  };
  return withStrictAnchors(withImpliedCategories(model));
}

/** A dotted string code no declared category covers belongs to its implied first segment, for the docs' groups. */
function withImpliedCategories(model: CatalogModel): CatalogModel {
  const implied = new Set(model.categories.filter((entry) => !entry.declared).map((entry) => entry.prefix));
  if (implied.size === 0) return model;
  const common = model.common.map((entry) => {
    if (entry.category !== undefined || typeof entry.code !== "string" || isUriCode(entry.code)) return entry;
    const category = categoryOf(entry.code);
    return category !== undefined && implied.has(category) ? { ...entry, category } : entry;
  });
  return { ...model, common };
}

/** Common string codes spelled like a module anchor or a section id take the strict form (see `codeAnchor`). */
function withStrictAnchors(model: CatalogModel): CatalogModel {
  // Module code anchors and section ids ("common-codes", "module-account", "category-Auth") all hold a dash or a colon.
  const taken = new Set([
    "common-codes",
    "module-codes",
    ...model.categories.map((entry) => entry.anchor),
    ...model.modules.flatMap((module) => [module.anchor, ...module.codes.map((entry) => entry.anchor)]),
  ]);
  if (!model.common.some((entry) => taken.has(entry.anchor))) return model;
  const common = model.common.map((entry) =>
    taken.has(entry.anchor) ? { ...entry, anchor: codeAnchor({ strict: true }, entry.code) } : entry,
  );
  return { ...model, common };
}

function successRule(success: SuccessDocument): SuccessRule {
  if (typeof success !== "object") return { codes: [success] };
  if (isCodeList(success)) return { codes: [...success] };
  const matches = (fields: Readonly<Record<string, FieldValue>>) =>
    Object.entries(fields).map(([path, value]) => ({ path: path.split("."), value }));
  if ("absent" in success) return { absent: success.absent.split(".") };
  if ("when" in success) return { when: matches(success.when) };
  return { unless: matches(success.unless) };
}

function isCodeList(value: SuccessDocument): value is readonly CodeValue[] {
  return Array.isArray(value);
}

function envelope(doc: EnvelopeDocument | undefined): Envelope {
  const code = doc?.code ?? "code";
  return {
    code: (typeof code === "string" ? [code] : code).map((path) => path.split(".")),
    message: (doc?.message ?? "message").split("."),
    requestId: (doc?.requestId ?? "requestId").split("."),
    ...defined({ requestIdHeader: doc?.requestIdHeader, status: doc?.status?.split(".") }),
    fields: Object.entries(doc?.fields ?? {}).map(([name, path]) => ({ name, path: path.split(".") })),
  };
}

function reservedList(
  entries: readonly ReservedDocument[] | undefined,
  origin: (index: number) => Origin,
): ReservedModel[] {
  return (entries ?? []).map((entry, index): ReservedModel => {
    if (typeof entry !== "object") return { code: entry, origin: origin(index) };
    if ("from" in entry) return { from: entry.from, to: entry.to, origin: origin(index) };
    return { code: entry.code, name: entry.name, origin: origin(index) };
  });
}

/**
 * The kind of a list of codes. A list that mixes kinds is a string list when one of its strings
 * looks like a number with letters in it (`0A000` beside an unquoted `23505`), so that the integers
 * are the ones reported; otherwise the kind most codes have.
 */
export function listKind(codes: readonly CodeValue[]): "number" | "string" {
  const strings = codes.filter((code) => typeof code === "string");
  if (strings.length === 0) return "number";
  if (strings.length === codes.length) return "string";
  if (strings.some((code) => /^[0-9]/.test(code) && !/^-?[0-9]+$/.test(code))) return "string";
  return strings.length * 2 >= codes.length ? "string" : "number";
}

/** The kind of a code value. */
export function kindOf(code: CodeValue): "number" | "string" {
  return typeof code === "number" ? "number" : "string";
}

/** The reserved entry that holds a code: the code itself, or a range of integers around it. */
export function findReserved(list: readonly ReservedModel[], code: CodeValue): ReservedModel | undefined {
  return list.find((entry) =>
    "from" in entry ? typeof code === "number" && code >= entry.from && code <= entry.to : entry.code === code,
  );
}

/** Whether a code falls under a prefix: dotted codes by whole segments, others by characters. */
export function inPrefix(code: CodeValue, prefix: string): boolean {
  const text = String(code);
  return text.includes(".") ? text === prefix || text.startsWith(`${prefix}.`) : text.startsWith(prefix);
}

/** The declared category a code belongs to: the longest prefix it falls under. */
export function categoryOfCode<T extends { readonly prefix: string }>(
  categories: readonly T[],
  code: CodeValue,
): T | undefined {
  let found: T | undefined;
  for (const category of categories) {
    if (inPrefix(code, category.prefix) && category.prefix.length > (found?.prefix.length ?? -1)) found = category;
  }
  return found;
}

/** The object of the fields whose value is defined, so optional fields stay absent. */
export function defined<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

function deprecation(deprecated: DeprecatedDocument | undefined): { deprecated?: Deprecation } {
  if (!deprecated) return {};
  return {
    deprecated:
      deprecated.replacedBy === undefined
        ? { reason: deprecated.reason }
        : { reason: deprecated.reason, replacedBy: deprecated.replacedBy },
  };
}

/** First segments of dotted identifier codes; URI codes (`https://...`) are never split. */
function impliedCategories(
  kind: "number" | "string",
  declared: ReadonlySet<string>,
  codes: readonly CodeValue[],
): CategoryModel[] {
  if (kind !== "string") return [];
  const found = new Set<string>();
  for (const code of codes) {
    const category = typeof code === "string" && !isUriCode(code) ? categoryOf(code) : undefined;
    if (category !== undefined && !declared.has(category) && nameFromCode(category) !== undefined) found.add(category);
  }
  return [...found].sort().map((prefix) => {
    const name = nameFromCode(prefix) ?? prefix;
    return {
      prefix,
      declared: false,
      name,
      ...categoryNames(name),
      type: {},
      description: {},
      anchor: categoryAnchor(prefix),
      origin: { file: "", pointer: "" },
    };
  });
}

/** Orders codes: integers numerically, strings by UTF-16 code units; equal codes keep catalog order. */
export function compareCodes(a: CodeValue, b: CodeValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a !== typeof b) return typeof a === "number" ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function byCode<T extends { readonly code: CodeValue }>(entries: T[]): T[] {
  return entries.sort((a, b) => compareCodes(a.code, b.code));
}

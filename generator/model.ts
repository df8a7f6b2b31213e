import type { CatalogDocument, CodeValue, DeprecatedDocument, Fault, ModuleDocument, TextDocument } from "./catalog.js";
import {
  categoryGuardName,
  categoryOf,
  codeAnchor,
  errorClassName,
  errorGuardName,
  legacyCodeAnchor,
  moduleNames,
  nameFromCode,
} from "./names.js";
import { toPointer } from "./problems.js";

/** The regex used when a catalog lists no patterns: `(100004) incorrect projectId`. */
export const DEFAULT_PATTERN = {
  name: "parenthesized",
  regex: String.raw`^\((?<code>-?\d+)\)\s*(?<text>[\s\S]*)$`,
  examples: [{ message: "(100004) incorrect projectId", code: 100004, text: "incorrect projectId" }],
} as const;

/** A text in every locale of the catalog. */
export type Localized = Readonly<Record<string, string>>;

/** Where an entity was written: the catalog file (as the user named it) and a JSON pointer in it. */
export interface Origin {
  readonly file: string;
  readonly pointer: string;
}

/** What the emitters read: every identifier and file name is derived here and nowhere else. */
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
  /** Whether codes are integers or strings; the common list decides. */
  readonly codeKind: "number" | "string";
  readonly success: { readonly code: CodeValue } | { readonly absent: readonly string[] };
  readonly envelope: Envelope;
  /** Where module codes arrive: parsed out of the message, or in the code field itself. */
  readonly moduleErrorsIn: "message" | "code";
  readonly patterns: readonly PatternModel[];
  /** Ordered by code. */
  readonly common: readonly CommonCodeModel[];
  readonly reserved: readonly ReservedModel[];
  /** In catalog order, included files' modules last. */
  readonly modules: readonly ModuleModel[];
  /** First segments of dotted string codes, sorted; each gets a guard. */
  readonly categories: readonly CategoryModel[];
  readonly enumStyle: "enum" | "const";
  readonly output: OutputModel;
  readonly origin: Origin;
}

/** What to write besides the code. */
export interface OutputModel {
  /** Whether to write the HTML reference page. */
  readonly html: boolean;
  /** `users`: the docs name no TypeScript identifier; `developers`: a column of them. */
  readonly docsAudience: "users" | "developers";
  /** Whether the docs get one file per module (the catalog holds more codes than `output.docs.splitAbove`). */
  readonly splitDocs: boolean;
}

/** Where the fields live in a response body; each a path of property names. */
export interface Envelope {
  readonly code: readonly string[];
  readonly message: readonly string[];
  readonly requestId: readonly string[];
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
  readonly type: Localized;
  readonly description: Localized;
  readonly fault: Fault;
  readonly retryable: boolean;
  readonly deprecated?: Deprecation;
  readonly className: string;
  readonly guardName: string;
  /** The permalink on the page and in the docs: `4400` (see `codeAnchor`). */
  readonly anchor: string;
  /** The anchor earlier versions gave it, kept as an alias: `code-4400`. */
  readonly legacyAnchor: string;
  /** The category a dotted string code belongs to (one of `categories`): `InvalidParameter`. */
  readonly category?: string;
  readonly origin: Origin;
}

export interface ReservedModel {
  readonly code: CodeValue;
  readonly origin: Origin;
}

export interface PatternModel {
  readonly name: string;
  readonly regex: string;
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
  readonly deprecated?: Deprecation;
  /** The permalink: `account-100004`, `account-minus1` (see `codeAnchor`). */
  readonly anchor: string;
  /** The anchor earlier versions gave it, kept as an alias: `m-account--100004`. */
  readonly legacyAnchor: string;
  readonly origin: Origin;
}

export interface CategoryModel {
  readonly category: string;
  readonly guardName: string;
}

/** One catalog file's modules, as read from the catalog or from an included file. */
export interface ModuleSource {
  readonly file: string;
  readonly modules: readonly ModuleDocument[];
  /** The JSON pointer of the modules list in that file. */
  readonly pointer: string;
}

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
  const codeKind = kindOf(doc.common[0]?.code ?? (typeof doc.success === "object" ? "" : doc.success));
  const title = localize(doc.title, "API error codes");
  const codeCount =
    doc.common.length +
    moduleSources.reduce((sum, source) => sum + source.modules.reduce((n, m) => n + m.codes.length, 0), 0);
  const split = codeCount > (doc.output?.docs?.splitAbove ?? 1000);
  const common = byCode(
    doc.common.map((entry, index) => {
      const derived = entry.name === undefined;
      const name = entry.name ?? nameFromCode(String(entry.code)) ?? "";
      return {
        code: entry.code,
        name,
        derivedName: derived,
        type: localize(entry.type, String(entry.code)),
        description: localize(entry.description, ""),
        fault: entry.fault,
        retryable: entry.retryable ?? false,
        ...deprecation(entry.deprecated),
        className: errorClassName(name),
        guardName: errorGuardName(name),
        anchor: codeAnchor({}, entry.code),
        legacyAnchor: legacyCodeAnchor({}, entry.code),
        origin: origin(toPointer(["common", index])),
      };
    }),
  );
  const modules = moduleSources.flatMap((source) =>
    source.modules.map((module, moduleIndex) => {
      const names = moduleNames(module.name);
      const pointer = `${source.pointer}/${moduleIndex}`;
      return {
        id: module.name,
        title: localize(module.title, module.name),
        titled: module.title !== undefined,
        enumName: names.enumName,
        guardName: names.guardName,
        constName: names.constName,
        file: `modules/${names.fileStem}.ts`,
        stem: names.fileStem,
        anchor: `module-${names.fileStem}`,
        docsFile: split ? `error-codes/${names.fileStem}.md` : "error-codes.md",
        reserved: (module.reserved ?? []).map((code, index) => ({
          code,
          origin: origin(`${pointer}/reserved/${index}`, source.file),
        })),
        origin: origin(pointer, source.file),
        codes: byCode(
          module.codes.map((entry, index) => {
            const name = entry.name ?? nameFromCode(String(entry.code)) ?? "";
            return {
              code: entry.code,
              name,
              derivedName: entry.name === undefined,
              description: localize(entry.description, ""),
              ...deprecation(entry.deprecated),
              anchor: codeAnchor({ module: names.fileStem }, entry.code),
              legacyAnchor: legacyCodeAnchor({ module: names.fileStem }, entry.code),
              origin: origin(`${pointer}/codes/${index}`, source.file),
            };
          }),
        ),
      };
    }),
  );
  const moduleErrorsIn = doc.moduleErrors?.in ?? "message";
  const model: CatalogModel = {
    sourcePath,
    sources: [file, ...new Set(moduleSources.map((source) => source.file).filter((source) => source !== file))],
    title,
    locales,
    defaultLocale,
    catalogId: title[defaultLocale] ?? "",
    codeKind,
    success: typeof doc.success === "object" ? { absent: doc.success.absent.split(".") } : { code: doc.success },
    envelope: {
      code: (doc.envelope?.code ?? "code").split("."),
      message: (doc.envelope?.message ?? "message").split("."),
      requestId: (doc.envelope?.requestId ?? "requestId").split("."),
    },
    moduleErrorsIn,
    patterns: (doc.moduleErrors?.patterns ?? [DEFAULT_PATTERN]).map((pattern, index) => ({
      name: pattern.name,
      regex: pattern.regex,
      examples: pattern.examples ?? [],
      origin: origin(doc.moduleErrors?.patterns ? toPointer(["moduleErrors", "patterns", index]) : ""),
    })),
    common,
    reserved: (doc.reserved ?? []).map((code, index) => ({ code, origin: origin(`/reserved/${index}`) })),
    modules,
    categories: categories(codeKind, [
      ...common.map((entry) => entry.code),
      ...modules.flatMap((module) => module.codes.map((entry) => entry.code)),
    ]),
    enumStyle: doc.output?.enumStyle ?? "enum",
    output: {
      html: doc.output?.html ?? true,
      docsAudience: doc.output?.docs?.audience ?? "users",
      splitDocs: split,
    },
    origin: origin(""),
  };
  return withStrictAnchors(withCategories(model));
}

/** Each common code of a category knows it, so the docs can group them. */
function withCategories(model: CatalogModel): CatalogModel {
  if (model.categories.length === 0) return model;
  const known = new Set(model.categories.map((entry) => entry.category));
  const common = model.common.map((entry) => {
    const category = typeof entry.code === "string" ? categoryOf(entry.code) : undefined;
    return category !== undefined && known.has(category) ? { ...entry, category } : entry;
  });
  return { ...model, common };
}

/** Common string codes spelled like a module anchor or a section id take the strict form (see `codeAnchor`). */
function withStrictAnchors(model: CatalogModel): CatalogModel {
  // Module code anchors and section ids ("common-codes", "module-account", "category-Auth") all hold a dash or a colon.
  const taken = new Set([
    "common-codes",
    "module-codes",
    ...model.categories.map((entry) => `category-${entry.category}`),
    ...model.modules.flatMap((module) => [module.anchor, ...module.codes.map((entry) => entry.anchor)]),
  ]);
  if (!model.common.some((entry) => taken.has(entry.anchor))) return model;
  const common = model.common.map((entry) =>
    taken.has(entry.anchor) ? { ...entry, anchor: codeAnchor({ strict: true }, entry.code) } : entry,
  );
  return { ...model, common };
}

/** The kind of a code value. */
export function kindOf(code: CodeValue): "number" | "string" {
  return typeof code === "number" ? "number" : "string";
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

function categories(kind: "number" | "string", codes: readonly CodeValue[]): CategoryModel[] {
  if (kind !== "string") return [];
  const found = new Set<string>();
  for (const code of codes) {
    const category = typeof code === "string" ? categoryOf(code) : undefined;
    if (category !== undefined && nameFromCode(category) !== undefined) found.add(category);
  }
  return [...found].sort().map((category) => ({ category, guardName: categoryGuardName(category) }));
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

/**
 * fast-check arbitraries for the fuzz tests: hostile text, valid identifiers, and whole valid
 * catalogs whose every free-text field is hostile.
 */
import fc from "fast-check";
import type {
  CatalogDocument,
  CodeValue,
  IncludedDocument,
  ModuleDocument,
  PatternExampleDocument,
  TextDocument,
} from "../../generator/catalog.js";
import {
  categoryOf,
  derivesReadableName,
  errorClassName,
  errorGuardName,
  moduleNames,
  nameFromCode,
  RUNTIME_EXPORTS,
} from "../../generator/names.js";
import { compilePattern, parseMessage } from "../../generator/patterns.js";

const TEMPLATE = "$" + "{x}"; // `${x}`, spelled so that no linter mistakes it for a template slip

/**
 * Strings that break a naive emitter in some output context: comment ends and starts, string and
 * template delimiters, escapes, every kind of line terminator, control characters, HTML, markdown
 * structure, bidi and zero-width marks, astral characters, lone surrogates.
 *
 * YAML carries all of them: the `yaml` package writes control characters, lone surrogates and the
 * BOM as double-quoted escapes (`"\0"`, `"\ud800"`), and every catalog is checked to parse back to
 * exactly the data it was written from, so nothing is filtered out.
 */
export const HOSTILE_PIECES: readonly string[] = [
  "*/",
  "/*",
  "/**",
  "**/",
  "*\\/",
  "*/ __errcatInjected__(); /*",
  "// line",
  TEMPLATE,
  "$" + "{",
  "}",
  "`",
  "```",
  "`` ` ``",
  "'",
  '"',
  "\\",
  "\\\\",
  "\\u0041",
  "\\n",
  "\\x41",
  "\\u{1F600}",
  '"); __errcatInjected__(); ("',
  "'); __errcatInjected__(); ('",
  "`); __errcatInjected__(); (`",
  "\u2028",
  "\u2029",
  "\0",
  "\b",
  "\u0001",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\u009f",
  "\t",
  "\v",
  "\f",
  "\n",
  "\r",
  "\r\n",
  "\n\n",
  " \n * @internal",
  "</script>",
  "<script>__errcatInjected__()</script>",
  "<!--",
  "-->",
  "--!>",
  "<b>bold</b>",
  '<a id="code-4400"></a>',
  "<br>",
  "<img src=x onerror=__errcatInjected__()>",
  "&amp;",
  "&lt;",
  "&#124;",
  "|",
  "\\|",
  "||",
  "| --- |",
  "[link](https://evil.example/)",
  "[x]: https://evil.example/",
  "![img](x.png)",
  "<https://evil.example/>",
  "**bold**",
  "_em_",
  "# heading",
  "## heading",
  "- item",
  "> quote",
  "---",
  "===",
  "@param x",
  "@see",
  "{@link ApiError}",
  "\u202e",
  "\u202d",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  "\ufeff",
  "\u00a0",
  "\u3000",
  "🙂",
  "👨‍👩‍👧",
  "🏳️‍🌈",
  "%s",
  "%d",
  "%%",
  "中文错误信息",
  "エラーが発生しました",
  "오류",
  "עברית",
  "العربية",
  "\ud800",
  "\udfff",
  "\ud83d",
  "\ude00x",
  "e\u0301",
  "\ufffd",
  "\ufffe",
  "\uffff",
  "\u{10ffff}",
  "__proto__",
  "constructor",
  "toString",
  "null",
  "undefined",
  "NaN",
  "]]>",
  "#!/bin/sh",
  "*",
  "/",
  " ",
  "  ",
];

/** Single UTF-16 units that are easy to mishandle: C0/C1 controls, DEL, and every surrogate. */
const awkwardUnit = fc.oneof(
  fc.integer({ min: 0, max: 0x9f }).map((unit) => String.fromCharCode(unit)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  fc.constantFrom("\u2028", "\u2029", "\u202e", "\u200b", "\ufeff"),
);

const piece = fc.constantFrom(...HOSTILE_PIECES);

/** A 2,000-character string: a hostile piece repeated, or random text. */
const long = fc.oneof(
  piece.map((text) => text.repeat(Math.ceil(2000 / text.length)).slice(0, 2000)),
  fc.string({ minLength: 2000, maxLength: 2000 }),
  fc.string({ unit: "binary", minLength: 1000, maxLength: 1000 }).map((text) => text.slice(0, 2000).padEnd(2000, "|")),
);

/**
 * Hostile text: pieces alone, pieces mixed with random text (`fc.string()`, and
 * `fc.string({ unit: "binary" })`, fast-check 4's replacement of `fullUnicodeString`), lone
 * surrogates and controls, and now and then 2,000 characters.
 */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: piece },
  {
    weight: 8,
    arbitrary: fc
      .array(
        fc.oneof(
          { weight: 4, arbitrary: piece },
          { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
          { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
          { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
          { weight: 2, arbitrary: fc.string({ unit: awkwardUnit, maxLength: 3 }) },
        ),
        { minLength: 1, maxLength: 8 },
      )
      .map((parts) => parts.join("")),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: long },
);

/** Hostile text the schema accepts where `minLength: 1` applies. */
export const hostileNonEmpty: fc.Arbitrary<string> = hostileText.map((text) => (text === "" ? "*/" : text));

// ---------------------------------------------------------------------------------------------
// Codes and identifiers

/** Identifiers the generated runtime defines itself; a catalog name deriving one is rejected. */
const RESERVED_NAMES = new Set(RUNTIME_EXPORTS);
const usableName = (name: string | undefined): name is string =>
  name !== undefined &&
  !RESERVED_NAMES.has(errorClassName(name)) &&
  !RESERVED_NAMES.has(errorGuardName(errorClassName(name)));

/** PascalCase names, with a bias to names that mean something to JavaScript or to errcat. */
export const codeName: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      "NaN",
      "Infinity",
      "Constructor",
      "Prototype",
      "Proto",
      "ToString",
      "ValueOf",
      "HasOwnProperty",
      "Then",
      "Type",
      "Range",
      "Syntax",
      "Error",
      "Object",
      "Symbol",
      "Map",
      "Promise",
      "Undefined",
      "Default",
      "Class",
      "Await",
      "Unknown",
      "Malformed",
      "ApiError",
      "Module",
      "Common",
      "CommonErrorCode",
      "Describe",
      "A",
      "Z9",
    ),
    fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,10}$/),
  )
  .filter(usableName);

/** Integer codes: small, negative, zero and the extremes of the safe integers. */
export const integerCode: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1000, max: 200_000 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      0,
      -1,
      1,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      2 ** 31,
      -(2 ** 31),
      2 ** 32,
    ),
  },
  { weight: 1, arbitrary: fc.maxSafeInteger() },
);

/** Printable ASCII without the space: all a string code may hold, and hostile enough. */
const printable = fc.integer({ min: 0x21, max: 0x7e }).map((unit) => String.fromCharCode(unit));
const ASCII_PIECES = [
  "*/",
  "/*",
  TEMPLATE,
  "`",
  "'",
  '"',
  "\\",
  "\\u0041",
  "\\n",
  "</script>",
  "<b>x</b>",
  "|",
  "\\|",
  "-->",
  "--!>",
  "[x](https://evil.example/)",
  "@see",
  "%s",
  "#",
  "&amp;",
  "**",
  "~",
  "__proto__",
  "constructor",
  "toString",
  "Api",
  "UnknownApi",
  "InvalidParameter",
  "InvalidParameter.ProjectIdNotExist",
  "NOT_SUPPORT_THIS_ACTION",
  "MissingParameter.cmq",
  "InternalError.",
  ".",
  "0",
  "-1",
  "1e3",
  "NaN",
];

/** What the schema admits as a string code: no control characters, no space at either end, 200 at most. */
const asStringCode = (text: string): string =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the schema refuses exactly these.
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .slice(0, 200)
    .replace(/^\s+|\s+$/g, "") || "X";

/**
 * String codes (`InvalidParameter.Foo`, `SIGN ERROR`): printable ASCII pieces and hostile text
 * (inner spaces, line separators, C1 controls, lone surrogates...), often dotted, up to 200 long.
 */
export const stringCode: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 2, arbitrary: fc.constantFrom(...ASCII_PIECES) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          fc.array(
            fc.oneof(
              { weight: 3, arbitrary: fc.constantFrom(...ASCII_PIECES) },
              { weight: 2, arbitrary: fc.string({ unit: printable, minLength: 1, maxLength: 6 }) },
              { weight: 2, arbitrary: piece },
            ),
            { minLength: 1, maxLength: 4 },
          ),
          fc.constantFrom("", ".", "_", " "),
        )
        .map(([parts, separator]) => parts.join(separator)),
    },
    { weight: 1, arbitrary: fc.string({ unit: printable, minLength: 200, maxLength: 200 }) },
    { weight: 1, arbitrary: hostileText },
  )
  .map(asStringCode);

/** Module ids as the schema admits them: lowerCamelCase, kebab or snake segments. */
export const moduleId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "constructor",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "prototype",
    "proto",
    "then",
    "account",
    "storageBox",
    "face-pay",
    "cvm-v20170312",
    "a",
    "a_b",
    "x-1",
    "aB-C_d9",
    "api",
    "common",
    "code",
    "module",
    "nan",
  ),
  fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}(?:[-_][A-Za-z0-9]{1,5}){0,2}$/),
);

const patternName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("parenthesized", "constructor", "toString", "hasOwnProperty", "p"),
  fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/),
);

// ---------------------------------------------------------------------------------------------
// Catalogs

/** How the first pattern frames a module code in a message, so the round trip can write messages. */
export interface MessageFrame {
  readonly before: string;
  readonly after: string;
  /** The default pattern's `\s*` drops whitespace before the text. */
  readonly trimsText: boolean;
}

export interface YamlStyle {
  readonly options: "default" | "no-folding" | "double-quoted" | "single-quoted" | "block-literal" | "narrow";
  readonly crlf: boolean;
  readonly bom: boolean;
}

/** A generated catalog: the documents, how they are written, and what the round trip needs to know. */
export interface FuzzCatalog {
  readonly doc: CatalogDocument;
  /** Files the catalog includes, by path relative to the catalog's folder. */
  readonly included: readonly { readonly path: string; readonly doc: IncludedDocument }[];
  /** The catalog's path inside the case folder; hostile folder and file names where the OS allows. */
  readonly file: string;
  readonly yaml: YamlStyle;
  /** How the first pattern writes a module code into a message (module codes in messages only). */
  readonly frame: MessageFrame;
}

const DEFAULT_FRAME: MessageFrame = { before: "(", after: ") ", trimsText: true };

/** Locale setups: none (one implicit `en`), one, several, a default that is not the first. */
const LOCALE_SETUPS: readonly { locales?: string[]; defaultLocale?: string }[] = [
  {},
  { defaultLocale: "en" },
  { locales: ["en"] },
  { locales: ["en", "zh"] },
  { locales: ["zh-Hans", "en", "pt-BR"], defaultLocale: "en" },
  { locales: ["ar", "fr"], defaultLocale: "fr" },
];

/** A text or (now and then) a map with every declared locale. */
function localized(declared: readonly string[], required: boolean): fc.Arbitrary<TextDocument> {
  const text = required ? hostileNonEmpty : hostileText;
  return fc.oneof(
    { weight: 3, arbitrary: text },
    {
      weight: 1,
      arbitrary: fc.record(Object.fromEntries(declared.map((locale) => [locale, text])), { noNullPrototype: true }),
    },
  );
}

/** A deprecation for about one code in four. */
const deprecation = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ reason: hostileNonEmpty, replaced: fc.boolean() }) },
);

interface DrawnEntry {
  readonly code: CodeValue;
  readonly name?: string;
  readonly deprecate?: { reason: string; replaced: boolean } | undefined;
}

/** The name an entry ends up with: its own, or the one derived from a string code. */
const effectiveName = (entry: { code: CodeValue; name?: string | undefined }) =>
  entry.name ?? (typeof entry.code === "string" ? nameFromCode(entry.code) : undefined);

/** A code and a name: integers always named, strings named or deriving a usable name. */
function namedCode(code: fc.Arbitrary<CodeValue>) {
  return fc
    .tuple(code, codeName, fc.boolean())
    .map(([value, name, derive]) =>
      typeof value === "string" && derive && usableName(nameFromCode(value)) && derivesReadableName(value)
        ? { code: value }
        : { code: value, name },
    );
}

/** Unique by code and by name, as the validator wants them. */
const sameCodeOrName = (a: DrawnEntry, b: DrawnEntry) => a.code === b.code || effectiveName(a) === effectiveName(b);

/** `deprecated`, its `replacedBy` pointing to another code of the same list. */
function withDeprecation<T extends DrawnEntry>(entries: readonly T[]) {
  return entries.map(({ deprecate, ...entry }, index) => {
    if (!deprecate) return entry;
    const other = entries[(index + 1) % entries.length];
    const replacedBy = deprecate.replaced && other && other !== entries[index] ? other.code : undefined;
    if (replacedBy === undefined) return { ...entry, deprecated: { reason: deprecate.reason } };
    return { ...entry, deprecated: { reason: deprecate.reason, replacedBy } };
  });
}

/**
 * A character of a regex source, escaped when special; other punctuation (`/` among it: a source
 * needs no escape for it, a literal does) escaped at random, as identity escapes.
 */
const regexChar = (char: string, identityEscape: boolean): string =>
  /[\\^$.*+?()[\]{}|]/.test(char) || (identityEscape && !/[A-Za-z0-9]/.test(char)) ? `\\${char}` : char;

const regexText = (text: string, escapes: readonly boolean[]): string =>
  [...text].map((char, index) => regexChar(char, escapes[index % Math.max(1, escapes.length)] ?? false)).join("");

/** Hostile regex text, lone surrogates included. */
const regexHostile = fc
  .array(
    fc.oneof({ weight: 3, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ unit: awkwardUnit, maxLength: 2 }) }),
    {
      maxLength: 2,
    },
  )
  // Short: the validator's recheck takes 100 ms and more on long sources full of escapes.
  .map((parts) => parts.join("").slice(0, 16));

/** A pattern framing the code with hostile literal text: `^<before>(?<code>-?\d+)<after>(?<text>[\s\S]*)$`. */
const customPattern = fc
  .record({
    name: patternName,
    before: regexHostile,
    // Not empty and not starting with a digit: the code's digits end where `after` starts.
    after: regexHostile.map((text) => (text === "" || /^\d/.test(text) ? `)${text}` : text)),
    escapes: fc.array(fc.boolean(), { maxLength: 8 }),
    examples: fc.array(fc.record({ code: integerCode, text: hostileText }), { maxLength: 3 }),
  })
  .map(({ name, before, after, escapes, examples }) => ({
    name,
    frame: { before, after, trimsText: false },
    regex: `^${regexText(before, escapes)}(?<code>-?\\d+)${regexText(after, escapes)}(?<text>[\\s\\S]*)$`,
    examples: examples.map(({ code, text }) => ({ message: `${before}${code}${after}${text}`, code, text })),
  }));

/** The examples of each pattern that it, and no earlier pattern, parses as written. */
function keepParsableExamples<P extends { name: string; regex: string; examples: readonly PatternExampleDocument[] }>(
  patterns: readonly P[],
): P[] {
  const compiled = patterns.map((pattern) => ({ name: pattern.name, regex: compilePattern(pattern.regex) }));
  return patterns.map((pattern) => ({
    ...pattern,
    examples: pattern.examples.filter((example) => {
      const parsed = parseMessage(compiled, example.message);
      return parsed?.pattern === pattern.name && parsed.code === example.code && parsed.text === example.text;
    }),
  }));
}

/** Envelope path segments: hostile, without the dots that separate them or the spaces the schema refuses. */
const pathSegment = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "toString", "Response", "Error", "code", "message", "requestId"),
  hostileNonEmpty.map((text) => text.replace(/[.\s]/g, "") || "x"),
);
const envelopePath = fc.array(pathSegment, { minLength: 1, maxLength: 3 });

/** No envelope path equals another or runs through it, so one body can hold all three fields. */
function independent(paths: readonly (readonly string[])[]): boolean {
  return paths.every((a, i) =>
    paths.every((b, j) => i === j || a.length > b.length || a.some((segment, k) => segment !== b[k])),
  );
}

/** Envelope paths: dotted paths of hostile segments, independent of one another. */
function envelopeOf() {
  return fc
    .record(
      { code: envelopePath, message: envelopePath, requestId: envelopePath },
      { requiredKeys: [], noNullPrototype: true },
    )
    .filter((value) =>
      independent([value.code ?? ["code"], value.message ?? ["message"], value.requestId ?? ["requestId"]]),
    )
    .map((value) => ({
      ...(value.code ? { code: value.code.join(".") } : {}),
      ...(value.message ? { message: value.message.join(".") } : {}),
      ...(value.requestId ? { requestId: value.requestId.join(".") } : {}),
    }));
}

/** Folder and file names for the catalog: they reach every header through the source path. */
const FILE_PIECES = [
  "*",
  "-->",
  "--!>",
  "--",
  "`",
  TEMPLATE,
  "\n",
  "\r",
  "\u2028",
  "\\",
  "'",
  '"',
  "<b>",
  "|",
  "🙂",
  "\u202e",
];
const fileNamePart = fc
  .array(fc.oneof(fc.constantFrom(...FILE_PIECES), fc.stringMatching(/^[a-z]{1,4}$/)), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(""));
const catalogFile: fc.Arbitrary<string> =
  process.platform === "win32"
    ? fc.constant("catalog.yaml")
    : fc.oneof(
        fc.constant("catalog.yaml"),
        // A folder ending in `*` puts `*/` into the source path. No backslash in the folder:
        // tinyglobby 0.2 finds no file under a `cwd` holding one, so `include` would match nothing.
        fc.tuple(fileNamePart, fileNamePart).map(([dir, file]) => `${dir.replace(/\\/g, "")}*/${file}.yaml`),
      );

const yamlStyle: fc.Arbitrary<YamlStyle> = fc.record({
  options: fc.constantFrom(
    "default" as const,
    "no-folding" as const,
    "double-quoted" as const,
    "single-quoted" as const,
    "block-literal" as const,
    "narrow" as const,
  ),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

/** Category guards (`isInvalidParameterCategory`) must not clash: two first segments may derive one name. */
function categoriesDistinct(codes: readonly CodeValue[]): boolean {
  const byName = new Map<string, string>();
  for (const code of codes) {
    const category = typeof code === "string" ? categoryOf(code) : undefined;
    const name = category === undefined ? undefined : nameFromCode(category);
    if (category === undefined || name === undefined) continue;
    if ((byName.get(name) ?? category) !== category) return false;
    byName.set(name, category);
  }
  return true;
}

function catalogOf(kind: "number" | "string", setup: (typeof LOCALE_SETUPS)[number]): fc.Arbitrary<FuzzCatalog> {
  const declared = setup.locales ?? [setup.defaultLocale ?? "en"];
  const defaultLocale = setup.defaultLocale ?? declared[0] ?? "en";
  const code: fc.Arbitrary<CodeValue> = kind === "number" ? integerCode : stringCode;
  const text = localized(declared, true);
  const common = fc.uniqueArray(
    fc
      .tuple(
        namedCode(code),
        fc.record(
          {
            type: text,
            description: text,
            fault: fc.constantFrom("client" as const, "server" as const),
            retryable: fc.boolean(),
          },
          // Integer codes need a type; string codes fall back to the code.
          {
            requiredKeys: kind === "number" ? ["type", "description", "fault"] : ["description", "fault"],
            noNullPrototype: true,
          },
        ),
        deprecation,
      )
      .map(([named, fields, deprecate]) => ({ ...named, ...fields, deprecate })),
    // At least one: the list's first code decides the catalog's code kind (an empty list has its own test).
    { comparator: sameCodeOrName, minLength: 1, maxLength: 5 },
  );
  const moduleErrorsIn = fc.constantFrom(undefined, "message" as const, "code" as const);
  return fc
    .record(
      {
        title: text,
        success: fc.oneof(
          { weight: 3, arbitrary: code },
          {
            weight: 1,
            arbitrary: envelopePath.map((path) =>
              path.length === 1 ? { absent: path[0] || "error" } : { absent: path.join(".") },
            ),
          },
        ),
        reserved: fc.array(code, { maxLength: 3 }),
        common,
        moduleErrorsIn,
        patterns: fc.uniqueArray(customPattern, { minLength: 1, maxLength: 2, selector: (pattern) => pattern.name }),
        include: fc.boolean(),
        enumStyle: fc.constantFrom("enum" as const, "const" as const),
        file: catalogFile,
        yaml: yamlStyle,
      },
      { requiredKeys: ["success", "common", "moduleErrorsIn", "include", "file", "yaml"], noNullPrototype: true },
    )
    .chain((drawn) => {
      // Module codes parsed from messages are integers; in the code field they are the catalog's kind.
      const moduleCode: fc.Arbitrary<CodeValue> =
        (drawn.moduleErrorsIn ?? "message") === "message" ? integerCode : code;
      const moduleArbitrary = fc.record(
        {
          name: moduleId,
          title: text,
          reserved: fc.array(moduleCode, { maxLength: 2 }),
          codes: fc.uniqueArray(
            fc
              .tuple(namedCode(moduleCode), localized(declared, false), deprecation)
              .map(([named, description, deprecate]) => ({ ...named, description, deprecate })),
            { comparator: sameCodeOrName, maxLength: 4 },
          ),
        },
        { requiredKeys: ["name", "codes"], noNullPrototype: true },
      );
      const modules = fc.uniqueArray(moduleArbitrary, {
        maxLength: 3,
        // Distinct files and identifiers: `fooBar` and `foo-bar` would share `modules/foo-bar.ts`.
        comparator: (a, b) => {
          const x = moduleNames(a.name);
          const y = moduleNames(b.name);
          return x.fileStem === y.fileStem || x.pascal === y.pascal || x.constName === y.constName;
        },
      });
      return fc
        .tuple(modules, fc.option(envelopeOf(), { nil: undefined }))
        .map(([drawnModules, envelope]) => ({ drawn, drawnModules, envelope }));
    })
    .map(({ drawn, drawnModules, envelope }): FuzzCatalog => {
      // The success code is no error code: when a common code took it, success takes another.
      const taken = new Set<CodeValue>(drawn.common.map((entry) => entry.code));
      const fresh = [0, -2, 1, Number.MIN_SAFE_INTEGER, "OK", "Success", "0"].find(
        (value) => typeof value === kind && !taken.has(value),
      );
      const success =
        typeof drawn.success !== "object" && taken.has(drawn.success) ? (fresh ?? drawn.success) : drawn.success;
      const commonEntries = withDeprecation(drawn.common).map(({ type, ...entry }) => {
        // An integer code whose type reads as the code itself counts as untyped.
        if (type === undefined || typeof entry.code !== "number")
          return type === undefined ? entry : { ...entry, type };
        const main = typeof type === "string" ? type : (type[defaultLocale] ?? "");
        return { ...entry, type: main === String(entry.code) ? `${main}!` : type };
      });
      const used = new Set<CodeValue>(commonEntries.map((entry) => entry.code));
      const reserved = [...new Set(drawn.reserved)].filter((value) => !used.has(value));
      const inMessages = (drawn.moduleErrorsIn ?? "message") === "message";
      const patterns = inMessages && drawn.patterns ? keepParsableExamples(drawn.patterns) : undefined;
      const modules: ModuleDocument[] = drawnModules.map(
        ({ reserved: moduleReserved, codes: drawnCodes, ...module }) => {
          // In the code field a module code may not be the success code: validation refuses it.
          const codes = inMessages ? drawnCodes : drawnCodes.filter((entry) => entry.code !== success);
          const codeSet = new Set<CodeValue>(codes.map((entry) => entry.code));
          const kept = [...new Set(moduleReserved ?? [])].filter((value) => !codeSet.has(value));
          return {
            ...module,
            ...(kept.length > 0 ? { reserved: kept } : {}),
            codes: withDeprecation(codes),
          };
        },
      );
      // With `include`, the last module moves to a file of its own.
      const includedModules = drawn.include && modules.length > 1 ? modules.splice(-1) : [];
      const moduleErrors = {
        ...(drawn.moduleErrorsIn === undefined ? {} : { in: drawn.moduleErrorsIn }),
        ...(patterns
          ? {
              patterns: patterns.map(({ name, regex, examples }) =>
                examples.length > 0 ? { name, regex, examples } : { name, regex },
              ),
            }
          : {}),
        ...(modules.length > 0 ? { modules } : {}),
      };
      const doc: CatalogDocument = {
        format: 1,
        ...(drawn.title === undefined ? {} : { title: drawn.title }),
        ...setup,
        success,
        ...(envelope === undefined ? {} : { envelope }),
        ...(reserved.length > 0 ? { reserved } : {}),
        common: commonEntries,
        ...(Object.keys(moduleErrors).length > 0 ? { moduleErrors } : {}),
        ...(includedModules.length > 0 ? { include: ["included/*.yaml"] } : {}),
        ...(drawn.enumStyle === undefined ? {} : { output: { enumStyle: drawn.enumStyle } }),
      };
      return {
        doc,
        included: includedModules.length > 0 ? [{ path: "included/more.yaml", doc: { modules: includedModules } }] : [],
        file: drawn.file,
        yaml: drawn.yaml,
        frame: patterns?.[0]?.frame ?? DEFAULT_FRAME,
      };
    })
    .filter((fuzz) =>
      categoriesDistinct([
        ...fuzz.doc.common.map((entry) => entry.code),
        ...[...(fuzz.doc.moduleErrors?.modules ?? []), ...fuzz.included.flatMap((file) => file.doc.modules)].flatMap(
          (module) => module.codes.map((entry) => entry.code),
        ),
      ]),
    );
}

/**
 * A valid catalog whose every free-text field is hostile: integer or string codes, one or several
 * locales, deprecations, reserved codes, custom patterns or codes in the code field, an envelope
 * of hostile paths, success as a code or as an absent field, enums or const objects, includes.
 */
export const fuzzCatalog: fc.Arbitrary<FuzzCatalog> = fc
  .tuple(fc.constantFrom("number" as const, "string" as const), fc.constantFrom(...LOCALE_SETUPS))
  .chain(([kind, setup]) => catalogOf(kind, setup));

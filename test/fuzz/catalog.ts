/**
 * One fuzz case: a hostile catalog goes through the loader, the validator and every emitter, and
 * its output is checked as text, as markdown and at run time.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse, stringify, type ToStringOptions } from "yaml";
import type { CodeValue, TextDocument } from "../../generator/catalog.js";
import { tsPropertyKey } from "../../generator/emit/escape.js";
import { render, validate } from "../../generator/generate.js";
import { type CatalogModel, compareCodes, DEFAULT_PATTERN } from "../../generator/model.js";
import {
  categoryNames,
  categoryOf,
  errorClassName,
  isUriCode,
  moduleNames,
  nameFromCode,
} from "../../generator/names.js";
import type { FuzzCatalog, YamlStyle } from "./arbitraries.js";
import { htmlHeaderIntact, htmlIds, htmlTags } from "./html.js";
import { type Exports, loadOutput } from "./load.js";
import { anchors, headerCommentIntact, lineShapes, rawHtml, tableProblems } from "./markdown.js";
import { jsdocTags, skeleton, skeletonDifference, strayCommentEnds } from "./source.js";

/** The title errcat gives a catalog without one. */
const DEFAULT_TITLE = "API error codes";

/**
 * Known bugs, each shown by an `it.fails` test in `test/fuzz.test.ts`. The exemptions are as narrow
 * as the bug: when it is fixed, the `it.fails` test fails, and its exemption goes too.
 */
export const KNOWN_BUGS = {
  /**
   * `parseModuleMessage` mends text cut by the 4,096-character window by appending the rest of the
   * message, after the pattern's `\s*` has eaten the window's whitespace: `(1)` + 5,000 spaces + `x`
   * parses to 904 spaces + `x`, while `(1)` + 50 spaces + `x` parses to `x`. The round-trip
   * property in `responses.ts` skips messages whose leading whitespace crosses the window.
   */
  whitespaceAcrossScanLimit: true,
};

const YAML_OPTIONS: Record<YamlStyle["options"], ToStringOptions> = {
  default: {},
  "no-folding": { lineWidth: 0 },
  "double-quoted": { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" },
  "single-quoted": { defaultStringType: "QUOTE_SINGLE", defaultKeyType: "PLAIN" },
  "block-literal": { defaultStringType: "BLOCK_LITERAL", defaultKeyType: "PLAIN" },
  narrow: { lineWidth: 20, minContentWidth: 0 },
};

/** What a YAML file reads back as, once written as UTF-8. */
export function readBack(text: string): unknown {
  return parse(
    Buffer.from(text, "utf8")
      .toString("utf8")
      .replace(/^\ufeff/, ""),
  );
}

/** A plain scalar such as `1_000`, which errcat refuses as ambiguous. */
const UNDERSCORED_NUMBER = /(?:^|[\s:[{,-])[-+]?[0-9]+(?:_[0-9]+)+(?=$|[\s,\]}])/m;

/**
 * A document as YAML text in the case's style, when `yaml` writes that style faithfully; else
 * without folding; else as JSON, which is YAML too. `yaml` 2.9.1 folds long double-quoted scalars
 * between the halves of a surrogate pair (`"…\ud800\\\n  \udc00…"`), which UTF-8 cannot store,
 * writes a string of spaces as an empty block literal, and escapes a line's leading space in a
 * multi-line double-quoted scalar as `\\ ` (a backslash) instead of `\ `.
 */
export function toYaml(data: unknown, style: YamlStyle): string {
  const write = (text: string) => `${style.bom ? "\ufeff" : ""}${style.crlf ? text.replace(/\n/g, "\r\n") : text}`;
  const chosen = YAML_OPTIONS[style.options];
  const attempts = [
    () => write(stringify(data, chosen)),
    () => write(stringify(data, { ...chosen, lineWidth: 0 })),
    () => write(`${JSON.stringify(data, null, 2)}\n`),
  ];
  for (const attempt of attempts) {
    const text = attempt();
    // errcat refuses a plain `1_000`, which YAML 1.1 reads as a number; JSON quotes it.
    if (isDeepStrictEqual(readBack(text), data) && !UNDERSCORED_NUMBER.test(text)) return text;
  }
  // Not errcat's business, but nothing else means anything if YAML changed the strings.
  return assert.fail(`yaml does not round-trip ${JSON.stringify(data).slice(0, 2000)}`);
}

/** The catalog and its included files as they are written, by path relative to the case folder. */
export function catalogFiles(fuzz: FuzzCatalog): Map<string, string> {
  const files = new Map([[fuzz.file, toYaml(fuzz.doc, fuzz.yaml)]]);
  for (const included of fuzz.included) {
    files.set(join(dirname(fuzz.file), included.path), toYaml(included.doc, fuzz.yaml));
  }
  return files;
}

export interface CaseResult {
  /** The catalog files as written, by path relative to the case folder. */
  readonly catalog: ReadonlyMap<string, string>;
  /** Every generated file, by path in the output folder. */
  readonly files: ReadonlyMap<string, string>;
  /** Responses, messages and lookups the round trip ran through the generated runtime. */
  readonly responses: number;
  /** Markdown table rows whose columns were counted. */
  readonly tableRows: number;
}

/**
 * Writes the catalog under `dir`, validates and renders it, and checks the output. Throws an
 * `AssertionError` naming the property that fails.
 */
export async function checkCatalog(fuzz: FuzzCatalog, dir: string): Promise<CaseResult> {
  const written = catalogFiles(fuzz);
  for (const [path, text] of written) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const model = validate(join(dir, fuzz.file));
  const files = render(model);
  const twin = render(benignTwin(model));
  assert.deepStrictEqual([...files.keys()], [...twin.keys()], "the file list depends on catalog text");

  // (c) Catalog text stays inside string literals, regex literals and comments.
  for (const [path, source] of files) {
    if (!path.endsWith(".ts")) continue;
    const benign = twin.get(path) ?? "";
    assert.deepStrictEqual(strayCommentEnds(source), [], `${path}: a line holds a comment end errcat did not write`);
    const difference = skeletonDifference(skeleton(source), skeleton(benign));
    assert.equal(difference, undefined, `${path}: catalog text changed the code around it: ${difference}`);
    assert.deepStrictEqual(jsdocTags(source), jsdocTags(benign), `${path}: catalog text started or ended a JSDoc tag`);
  }
  for (const [path, source] of files) {
    const lines = source.split("\n").filter((line) => line.includes("[object Object]"));
    assert.deepStrictEqual(lines, [], `${path}: an object was written as text`);
  }

  // (d) The markdown keeps its tables, lines, anchors and HTML.
  let tableRows = 0;
  for (const [path, docs] of files) {
    if (!path.endsWith(".md")) continue;
    const tables = tableProblems(docs);
    tableRows += tables.rows;
    assert.deepStrictEqual(tables.problems, [], `${path}: a table row lost or gained columns`);
    assert.deepStrictEqual(
      lineShapes(docs),
      lineShapes(twin.get(path) ?? ""),
      `${path}: catalog text changed the layout`,
    );
    assert.deepStrictEqual(rawHtml(docs), [], `${path}: catalog text became raw HTML`);
    assert.ok(headerCommentIntact(docs), `${path}: the header comment ends early: ${docs.split("\n", 1)[0]}`);
    const ids = anchors(docs);
    assert.deepStrictEqual(
      ids.filter((id, index) => ids.indexOf(id) !== index),
      [],
      `${path}: two anchors share an id`,
    );
  }
  // (e) The reference page keeps its tags, its script and style whole, its header, one element per id.
  for (const [path, page] of files) {
    if (!path.endsWith(".html")) continue;
    assert.deepStrictEqual(htmlTags(page), htmlTags(twin.get(path) ?? ""), `${path}: catalog text changed the tags`);
    assert.ok(htmlHeaderIntact(page), `${path}: the header comment ends early`);
    const ids = htmlIds(page);
    assert.deepStrictEqual(
      ids.filter((id, index) => ids.indexOf(id) !== index),
      [],
      `${path}: two elements share an id`,
    );
  }
  const manifest = JSON.parse(files.get(".errcat-manifest.json") ?? "") as { source?: unknown };
  assert.equal(manifest.source, model.sourcePath, "the manifest does not name the catalog");

  // (b) The runtime returns exactly the catalog's strings; loading it also proves the JavaScript runs.
  // (The skeleton already shows that no file declares or exports anything its twin does not.)
  let injected = false;
  const loaded = await loadOutput(files, () => {
    injected = true;
  });
  const api = loaded.get("all.ts") ?? {};
  assert.deepStrictEqual(Object.keys(api).sort(), await expectedAllExports(model, Object.keys(api)), "all.ts exports");
  const responses = roundTrip(fuzz, api);
  assert.equal(injected, false, "a payload in catalog text ran");
  return { catalog: written, files, responses, tableRows };
}

/**
 * The same catalog with every free-text field, string code and envelope path replaced by plain
 * words: identifiers, integer codes, order and structure stay. Its output is what the hostile
 * output must look like once literals and comments are set aside.
 */
export function benignTwin(model: CatalogModel): CatalogModel {
  const words = (text: Readonly<Record<string, string>>, word: string) =>
    Object.fromEntries(Object.keys(text).map((locale) => [locale, word]));
  const codes = new Map<CodeValue, CodeValue>();
  // Codes that are identifiers stay (they are object keys as they are); others become `C-0`, `C-1`...
  const code = <T extends CodeValue>(value: T): T => {
    if (typeof value === "number" || value === "__proto__" || tsPropertyKey(value) === value) return value;
    if (!codes.has(value)) codes.set(value, `C-${codes.size}`);
    return codes.get(value) as T;
  };
  // A `__proto__` key stays: the body writer takes another path around it, as it must.
  const segment = (key: string, word: string) => (key === "__proto__" ? key : word);
  const deprecated = (entry: { deprecated?: { reason: string; replacedBy?: CodeValue } }) =>
    entry.deprecated === undefined
      ? {}
      : {
          deprecated:
            entry.deprecated.replacedBy === undefined
              ? { reason: "Reason" }
              : { reason: "Reason", replacedBy: code(entry.deprecated.replacedBy) },
        };
  return {
    ...model,
    sourcePath: "catalog.yaml",
    title: words(model.title, "Title"),
    catalogId: "Title",
    success:
      "codes" in model.success
        ? { codes: model.success.codes.map(code) }
        : "absent" in model.success
          ? { absent: model.success.absent.map((key) => segment(key, "a")) }
          : model.success,
    envelope: {
      ...model.envelope,
      code: model.envelope.code.map((path) => path.map((key) => segment(key, "c"))),
      message: model.envelope.message.map((key) => segment(key, "m")),
      requestId: model.envelope.requestId.map((key) => segment(key, "r")),
    },
    patterns: model.patterns.map((pattern) => ({
      ...pattern,
      regex: "^(?<code>\\d+) (?<text>.*)$",
      examples: pattern.examples.map(() => ({ message: "1 m", code: 1, text: "m" })),
    })),
    common: model.common.map((entry) => ({
      ...entry,
      code: code(entry.code),
      ...(entry.category === undefined
        ? {}
        : { category: `K${model.categories.findIndex((category) => category.prefix === entry.category)}` }),
      // A type equal to its code is not shown (string codes default to it): the twin keeps that.
      type: Object.fromEntries(
        Object.entries(entry.type).map(([locale, type]) => [
          locale,
          type === String(entry.code) ? String(code(entry.code)) : "Type",
        ]),
      ),
      description: words(entry.description, "Description"),
      ...deprecated(entry),
    })),
    reserved: model.reserved.map((entry) => ("code" in entry ? { ...entry, code: code(entry.code) } : entry)),
    modules: model.modules.map((module) => ({
      ...module,
      title: words(module.title, "Title"),
      reserved: module.reserved.map((entry) => ("code" in entry ? { ...entry, code: code(entry.code) } : entry)),
      codes: module.codes.map((entry) => ({
        ...entry,
        code: code(entry.code),
        description: words(entry.description, "Description"),
        ...deprecated(entry),
      })),
    })),
    categories: model.categories.map((category, index) => ({ ...category, prefix: `K${index}`, name: `K${index}` })),
  };
}

/** `all.ts`'s value exports without catalog entries, by whether the catalog has a success code. */
const runtimeExports = new Map<boolean, readonly string[]>();

/** The value exports `all.ts` must have: errcat's own, and a class, guard, enum... per catalog entry. */
async function expectedAllExports(model: CatalogModel, actual: readonly string[]): Promise<string[]> {
  const hasSuccessCode = "codes" in model.success;
  let runtime = runtimeExports.get(hasSuccessCode);
  if (!runtime) {
    const bare = render({ ...benignTwin(model), common: [], modules: [], categories: [], reserved: [] });
    runtime = Object.keys((await loadOutput(bare, () => {})).get("all.ts") ?? {});
    runtimeExports.set(hasSuccessCode, runtime);
  }
  const derived = [
    ...model.common.flatMap((entry) => [entry.className, entry.guardName]),
    ...model.categories.map((category) => category.guardName),
    ...model.modules.flatMap((module) => [module.constName, module.enumName, module.guardName, module.tableName]),
  ];
  const extra = actual.filter((name) => !derived.includes(name) && !runtime.includes(name));
  return [...derived, ...runtime, ...extra.map((name) => `unexpected export ${name}`)].sort();
}

type Fn = (...args: unknown[]) => unknown;
type Ctor = new (...args: unknown[]) => unknown;
type Body = Record<string, unknown>;

function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Sets `value` at `path`, creating objects on the way, every step an own property (`__proto__` too). */
function setPath(body: Body, path: readonly string[], value: unknown): void {
  let node = body;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      defineOwn(node, key, value);
      return;
    }
    if (!Object.hasOwn(node, key)) defineOwn(node, key, {});
    const next = node[key];
    if (typeof next !== "object" || next === null) return;
    node = next as Body;
  }
}

/**
 * The generated runtime against the catalog documents (not the model): metadata, locales, enums,
 * guards, and `errorFromResponse` / `parseModuleMessage` for every code. Returns how many
 * responses, messages and lookups it ran.
 */
function roundTrip(fuzz: FuzzCatalog, api: Exports): number {
  const { doc, frame } = fuzz;
  const fn = (name: string) => api[name] as Fn;
  const defaultLocale = doc.defaultLocale ?? doc.locales?.[0] ?? "en";
  const locales = [defaultLocale, ...(doc.locales ?? []).filter((locale) => locale !== defaultLocale)];
  const others = locales.slice(1);
  const textIn = (text: TextDocument | undefined, locale: string, fallback: string) =>
    text === undefined ? fallback : typeof text === "string" ? text : (text[locale] ?? fallback);
  const byCode = <T extends { readonly code: CodeValue }>(entries: readonly T[]) =>
    [...entries].sort((a, b) => compareCodes(a.code, b.code));
  const nameOf = (entry: { code: CodeValue; name?: string }) => entry.name ?? nameFromCode(String(entry.code)) ?? "";
  const deprecated = (entry: { deprecated?: { reason: string; replacedBy?: CodeValue } }) =>
    entry.deprecated ? { deprecated: entry.deprecated } : {};
  const kind = typeof (doc.common[0]?.code ?? (typeof doc.success === "object" ? "" : doc.success));
  const inCode = doc.moduleErrors?.in === "code";
  const absent = typeof doc.success === "object" && "absent" in doc.success ? doc.success.absent.split(".") : undefined;
  const codePath = doc.envelope?.code ?? "code";
  const paths = {
    code: (typeof codePath === "string" ? codePath : (codePath[0] ?? "code")).split("."),
    message: (doc.envelope?.message ?? "message").split("."),
    requestId: (doc.envelope?.requestId ?? "requestId").split("."),
  };
  /** A body with the fields at the envelope's paths; with `{ absent }` success, the error object present. */
  const body = (fields: Record<string, unknown>): Body => {
    const made: Body = {};
    for (const [field, value] of Object.entries(fields)) setPath(made, paths[field as keyof typeof paths], value);
    if (absent) {
      let node: unknown = made;
      for (const key of absent) {
        if (typeof node !== "object" || node === null) break;
        if (!Object.hasOwn(node, key)) defineOwn(node, key, {});
        node = (node as Body)[key];
      }
    }
    return made;
  };
  const errorFromResponse = fn("errorFromResponse");
  const parseModuleMessage = fn("parseModuleMessage");
  const isApiError = fn("isApiError");
  const describe = fn("describe");
  let responses = 0;

  assert.equal(api.CATALOG_ID, textIn(doc.title, defaultLocale, DEFAULT_TITLE), "CATALOG_ID");
  assert.deepStrictEqual(api.LOCALES, locales, "LOCALES");
  assert.equal(api.DEFAULT_LOCALE, defaultLocale, "DEFAULT_LOCALE");
  if (!absent) assert.equal(api.SUCCESS_CODE, doc.success, "SUCCESS_CODE");
  assert.deepStrictEqual(
    api.COMMON_ERRORS,
    byCode(doc.common).map((entry) => ({
      code: entry.code,
      name: nameOf(entry),
      type: textIn(entry.type, defaultLocale, String(entry.code)),
      description: textIn(entry.description, defaultLocale, ""),
      fault: entry.fault,
      retryable: entry.retryable ?? false,
      ...deprecated(entry),
      ...(others.length === 0
        ? {}
        : {
            translations: Object.fromEntries(
              others.map((locale) => [
                locale,
                {
                  type: textIn(entry.type, locale, String(entry.code)),
                  description: textIn(entry.description, locale, ""),
                },
              ]),
            ),
          }),
    })),
    "COMMON_ERRORS",
  );
  const modules = [...(doc.moduleErrors?.modules ?? []), ...fuzz.included.flatMap((file) => file.doc.modules)];
  assert.deepStrictEqual(
    api.MODULES,
    modules.map((module) => ({
      id: module.name,
      title: textIn(module.title, defaultLocale, module.name),
      errors: byCode(module.codes).map((entry) => ({ code: entry.code, name: nameOf(entry), ...deprecated(entry) })),
    })),
    "MODULES",
  );

  const commonCodes = new Set<unknown>(doc.common.map((entry) => entry.code));
  for (const entry of doc.common) {
    const name = nameOf(entry);
    const className = errorClassName(name);
    assert.equal((api.CommonErrorCode as Record<string, unknown>)[name], entry.code, `CommonErrorCode.${name}`);
    assert.equal((fn("commonErrorInfo")(entry.code) as { name?: unknown })?.name, name, "commonErrorInfo");
    for (const locale of locales) {
      assert.deepStrictEqual(
        describe(entry.code, locale),
        {
          type: textIn(entry.type, locale, String(entry.code)),
          description: textIn(entry.description, locale, ""),
        },
        `describe(${JSON.stringify(entry.code)}, ${locale})`,
      );
      responses++;
    }
    const type = textIn(entry.type, defaultLocale, String(entry.code));
    const message = textIn(entry.description, defaultLocale, "");
    const sent = body({ code: entry.code, message, requestId: type });
    const error = errorFromResponse(sent) as Record<string, unknown>;
    responses++;
    assert.ok(isApiError(error), `errorFromResponse(code ${JSON.stringify(entry.code)}) is not an ApiError`);
    assert.ok(error instanceof (api[className] as Ctor), `errorFromResponse(code ${entry.code}) is not a ${className}`);
    assert.ok(fn(`is${className}`)(error), `is${className}`);
    assert.deepStrictEqual(
      {
        name: error.name,
        code: error.code,
        type: error.type,
        message: error.message,
        fault: error.fault,
        retryable: error.retryable,
        requestId: error.requestId,
      },
      {
        name: className,
        code: entry.code,
        type,
        message,
        fault: entry.fault,
        retryable: entry.retryable ?? false,
        requestId: type,
      },
      `errorFromResponse(code ${JSON.stringify(entry.code)})`,
    );
    assert.equal(error.response, sent, "the error keeps the body");
    const category = typeof entry.code === "string" && !isUriCode(entry.code) ? categoryOf(entry.code) : undefined;
    const categoryName = category === undefined ? undefined : nameFromCode(category);
    if (categoryName !== undefined) {
      const guard = categoryNames(categoryName).guardName;
      assert.ok(fn(guard)(error), `${guard}(${entry.code})`);
    }
  }

  if (absent) {
    const success: Body = {};
    if (absent.length > 1) setPath(success, absent.slice(0, -1), {});
    assert.equal(errorFromResponse(success), undefined, "a body without the error object is success");
  } else {
    assert.equal(errorFromResponse(body({ code: doc.success })), undefined, "the success code is not an error");
  }
  const unknownCode = [123_456_789, -987_654_321, "Errcat~Unknown", "Errcat~Unknown2"].find(
    (value) => typeof value === kind && !commonCodes.has(value) && value !== doc.success,
  );
  const unknown = errorFromResponse(body({ code: unknownCode }));
  assert.ok(fn("isUnknownApiError")(unknown), `code ${String(unknownCode)}, which the catalog lacks, is unknown`);
  const malformed = errorFromResponse(body({ code: kind === "number" ? String(unknownCode) : 7 }));
  assert.ok(fn("isMalformedResponseError")(malformed), "a code of the wrong kind is malformed");
  responses += 3;

  /** In the code field, a module code has the class of its longest dotted prefix that is a common code. */
  const prefixClass = (code: CodeValue): string => {
    if (typeof code === "number") {
      const known = doc.common.find((entry) => entry.code === code);
      return known ? `${nameOf(known)}Error` : "UnknownApiError";
    }
    for (let prefix = code; ; prefix = prefix.slice(0, prefix.lastIndexOf("."))) {
      const known = doc.common.find((entry) => entry.code === prefix);
      if (known) return `${nameOf(known)}Error`;
      if (!prefix.includes(".")) return "UnknownApiError";
    }
  };
  const patternName = doc.moduleErrors?.patterns?.[0]?.name ?? DEFAULT_PATTERN.name;
  for (const [index, module] of modules.entries()) {
    const names = moduleNames(module.name);
    const enumObject = api[names.enumName] as Record<string, unknown>;
    assert.equal(api[names.constName], (api.MODULES as { errors: unknown }[])[index]?.errors, names.constName);
    for (const entry of module.codes) {
      const name = nameOf(entry);
      const text = textIn(entry.description, defaultLocale, "");
      assert.equal(enumObject[name], entry.code, `${names.enumName}.${name}`);
      assert.ok(fn(names.guardName)(entry.code), names.guardName);
      for (const locale of locales) {
        assert.deepStrictEqual(
          describe(entry.code, locale, module.name),
          { description: textIn(entry.description, locale, "") },
          `describe(${JSON.stringify(entry.code)}, ${locale}, ${module.name})`,
        );
        responses++;
      }
      if (inCode) {
        const error = errorFromResponse(body({ code: entry.code, message: text }), { module: module.name });
        const { name: errorName, moduleError } = error as { name?: unknown; moduleError?: unknown };
        assert.equal(errorName, prefixClass(entry.code), `the class of module code ${JSON.stringify(entry.code)}`);
        assert.deepStrictEqual(
          moduleError,
          { code: entry.code, text, module: module.name, name },
          `the module error of code ${JSON.stringify(entry.code)}`,
        );
        responses++;
        continue;
      }
      const message = `${frame.before}${entry.code}${frame.after}${text}`;
      const parsed = {
        code: entry.code,
        text: frame.trimsText ? text.replace(/^\s+/, "") : text,
        pattern: patternName,
      };
      const named = errorFromResponse(body({ code: unknownCode, message }), { module: module.name });
      assert.deepStrictEqual(
        (named as { moduleError?: unknown }).moduleError,
        { ...parsed, module: module.name, name },
        `the module error in ${JSON.stringify(message)}`,
      );
      const owners = modules.filter((other) => other.codes.some((code) => code.code === entry.code));
      const guessed = errorFromResponse(body({ code: unknownCode, message }));
      assert.deepStrictEqual(
        (guessed as { moduleError?: unknown }).moduleError,
        owners.length === 1 ? { ...parsed, module: module.name, name } : parsed,
        `the module error in ${JSON.stringify(message)} without a module`,
      );
      responses += 2;
    }
  }

  for (const pattern of inCode ? [] : (doc.moduleErrors?.patterns ?? [])) {
    for (const example of pattern.examples ?? []) {
      assert.deepStrictEqual(
        parseModuleMessage(example.message),
        { code: example.code, text: example.text, pattern: pattern.name },
        `parseModuleMessage(${JSON.stringify(example.message)})`,
      );
      responses++;
    }
  }
  return responses;
}

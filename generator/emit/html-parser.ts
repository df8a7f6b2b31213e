import type { CatalogModel } from "../model.js";
import { MESSAGE_SCAN_LIMIT, PATTERN_FLAGS } from "../patterns.js";
import { scriptJson } from "./escape.js";

/**
 * The reference page's "paste an error" parser, as browser JavaScript: the same envelope, success
 * rule, code rule and patterns as the generated `errorFromResponse` and `parseModuleMessage`, read
 * from the same model. Each concept of the model is one function below, so a new kind of success
 * rule or envelope changes one of them. The page and the tests evaluate this same text:
 *
 * `parseErrorBody(body, known)` →
 *   `{ kind: "success" }` | `{ kind: "malformed" }` |
 *   `{ kind: "error", code, common, category, module: { code, modules } | undefined }`
 * `parseMessageText(message)` → `{ code, text }` | `undefined`
 *
 * where `known` is `{ common: Set<string>, modules: Map<string, string[]> }`: the common codes and,
 * per module code, the ids of the modules that list it (codes as strings).
 */
export function pageParser(model: CatalogModel): string {
  return [
    envelopeSource(model),
    codeRuleSource(model),
    successSource(model),
    patternsSource(model),
    commonCodeSource(model),
    categorySource(model),
    moduleCodeSource(model),
    PARSE_BODY,
  ].join("\n");
}

/** Where the fields live: paths of own property names. */
function envelopeSource(model: CatalogModel): string {
  const { code, message } = model.envelope;
  return `const ENVELOPE = { code: ${scriptJson(code)}, message: ${scriptJson(message)} };
function readCode(body) {
  for (const path of ENVELOPE.code) {
    const code = readField(body, path);
    if (isCode(code)) return code;
  }
  return undefined;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function readField(body, path) {
  let value = body;
  for (const key of path) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}`;
}

/** Which values are codes: safe integers, or non-empty strings. */
function codeRuleSource(model: CatalogModel): string {
  return model.codeKind === "number"
    ? `function isCode(code) {
  return typeof code === "number" && Number.isSafeInteger(code);
}`
    : `function isCode(code) {
  return typeof code === "string" && code !== "";
}`;
}

/** Success: a code of a list, a path absent or null, or fields equal (`when`) or not all equal (`unless`) to values. */
function successSource(model: CatalogModel): string {
  const rule = model.success;
  if ("codes" in rule) {
    return `const SUCCESS_CODES = ${scriptJson(rule.codes)};
function successBeforeCode(body) {
  return false;
}
function isSuccessCode(code) {
  return SUCCESS_CODES.includes(code);
}`;
  }
  const before =
    "absent" in rule
      ? `const container = readField(body, ${scriptJson(rule.absent.slice(0, -1))});
  const key = ${scriptJson(rule.absent[rule.absent.length - 1] ?? "")};
  return isRecord(container) && (!Object.hasOwn(container, key) || container[key] === null);`
      : `const matches = ${scriptJson(("when" in rule ? rule.when : rule.unless).map((match) => [match.path, match.value]))}.every(([path, value]) => readField(body, path) === value);
  return ${"when" in rule ? "matches" : "!matches"};`;
  return `function successBeforeCode(body) {
  ${before}
}
function isSuccessCode(code) {
  return false;
}`;
}

/** The module patterns, tried in order on the first characters of a message. */
function patternsSource(model: CatalogModel): string {
  const patterns = model.patterns.map((pattern) => ({ name: pattern.name, source: pattern.regex }));
  return `const MESSAGE_SCAN_LIMIT = ${MESSAGE_SCAN_LIMIT};
const PATTERNS = ${scriptJson(patterns)}.map(({ name, source }) => ({ name, regex: new RegExp(source, ${scriptJson(PATTERN_FLAGS)}) }));
function parseMessageText(message) {
  if (typeof message !== "string") return undefined;
  const window = message.length > MESSAGE_SCAN_LIMIT ? message.slice(0, MESSAGE_SCAN_LIMIT) : message;
  for (const { name, regex } of PATTERNS) {
    const match = regex.exec(window);
    const { code, text = "" } = (match && match.groups) || {};
    if (!match || code === undefined || !/^-?\\d+$/.test(code)) continue;
    const value = Number(code);
    if (!Number.isSafeInteger(value)) continue;
    const span = match.indices && match.indices.groups ? match.indices.groups.text : undefined;
    const cut = window.length < message.length && span !== undefined && span[1] === window.length;
    return { code: value, text: cut ? text + message.slice(window.length) : text, pattern: name };
  }
  return undefined;
}`;
}

/** The common code a code stands for: itself, or for dotted codes in the code field its longest common prefix. */
function commonCodeSource(model: CatalogModel): string {
  if (model.moduleErrorsIn === "code" && model.codeKind === "string") {
    return `function commonCodeOf(code, known) {
  for (let prefix = code; ; prefix = prefix.slice(0, prefix.lastIndexOf("."))) {
    if (known.common.has(prefix)) return prefix;
    if (!prefix.includes(".")) return undefined;
  }
}`;
  }
  return `function commonCodeOf(code, known) {
  return known.common.has(String(code)) ? code : undefined;
}`;
}

/** The declared category that covers a code the catalog does not list: its longest prefix. */
function categorySource(model: CatalogModel): string {
  const declared = model.categories.filter((category) => category.declared);
  const prefixes = declared.map((category) => category.prefix).sort((a, b) => b.length - a.length);
  const anchors = Object.fromEntries(declared.map((category) => [category.prefix, category.anchor]));
  return `const CATEGORY_PREFIXES = ${scriptJson(prefixes)};
const CATEGORY_ANCHORS = ${scriptJson(anchors)};
function categoryOf(code) {
  const text = String(code);
  const dotted = text.includes(".");
  return CATEGORY_PREFIXES.find((prefix) => (dotted ? text === prefix || text.startsWith(\`\${prefix}.\`) : text.startsWith(prefix)));
}`;
}

/** Where a module code is: parsed out of the message, or the code itself. */
function moduleCodeSource(model: CatalogModel): string {
  if (model.moduleErrorsIn === "code") {
    return `function moduleCodeOf(code, message, known) {
  const modules = known.modules.get(String(code)) || [];
  // A common code that no module lists is a plain common error.
  if (modules.length === 0 && known.common.has(String(code))) return undefined;
  return { code, modules };
}`;
  }
  return `function moduleCodeOf(code, message, known) {
  const parsed = typeof message === "string" ? parseMessageText(message) : undefined;
  if (!parsed) return undefined;
  return { code: parsed.code, modules: known.modules.get(String(parsed.code)) || [] };
}`;
}

const PARSE_BODY = `function parseErrorBody(body, known) {
  try {
    if (!isRecord(body)) return { kind: "malformed" };
    if (successBeforeCode(body)) return { kind: "success" };
    const code = readCode(body);
    if (code === undefined) return { kind: "malformed" };
    if (isSuccessCode(code)) return { kind: "success" };
    const message = readField(body, ENVELOPE.message);
    const common = commonCodeOf(code, known);
    const category = common === undefined ? categoryOf(code) : undefined;
    return { kind: "error", code, common, category, module: moduleCodeOf(code, message, known) };
  } catch {
    return { kind: "malformed" };
  }
}`;

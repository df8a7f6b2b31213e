import type { CatalogModel } from "../model.js";
import { MESSAGE_SCAN_LIMIT, PATTERN_FLAGS } from "../patterns.js";
import { regexLiteral, tsString } from "./escape.js";
import { writeBodyReaders } from "./response-body.js";
import { responseDoc } from "./response-doc.js";
import { codeKey, codeType, createWriter, finish, importLine } from "./writer.js";

type Writer = ReturnType<typeof createWriter>;

/** Globals that a class of the catalog may be named after: error constructors of the language. */
const SHADOWED_GLOBALS: ReadonlySet<string> = new Set([
  "AggregateError",
  "Error",
  "EvalError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "TypeError",
  "URIError",
]);

/** `response.ts`: from a response body to the error it reports, and module codes out of messages. */
export function emitResponse(model: CatalogModel): string {
  const writer = createWriter(model);
  writeImports(writer, model);
  writeDeclarations(writer, model);
  writeErrorFromResponse(writer, model);
  writeParseModuleMessage(writer);
  writeClassLookup(writer, model);
  writeModuleLookup(writer, model);
  writeBodyReaders(writer, model);
  return finish(writer);
}

function writeImports(writer: Writer, model: CatalogModel): void {
  const classNames = model.common.map((entry) => entry.className);
  const categoryClasses = model.categories.filter((each) => each.declared).map((each) => each.className);
  writer.blankLine();
  writer.writeLine(
    `import { type ApiError, type ApiErrorInit, MalformedResponseError, UnknownApiError } from "./api-error.js";`,
  );
  if ("codes" in model.success) writer.writeLine(`import { SUCCESS_CODES } from "./common.js";`);
  if (classNames.length + categoryClasses.length > 0) {
    writer.writeLine(importLine([...classNames, ...categoryClasses].map(importedClass), "./errors.js"));
  }
  if (categoryClasses.length > 0) writer.writeLine(`import { categoryPrefixOf } from "./guards.js";`);
  writer.writeLine(`import { isModuleName, moduleErrorInfo, modulesWithCode } from "./modules.js";`);
  const types = [
    "ErrorFields",
    ...(model.envelope.fields.length > 0 ? ["FieldValue"] : []),
    "ModuleError",
    "ModuleErrorInfo",
    "ModuleName",
  ];
  writer.writeLine(importLine(types, "./types.js", true));
  writer.blankLine();
}

/**
 * Classes named like a global (`SyntaxError`, `TypeError`) are imported under another local name,
 * so that this file's own uses of the global keep meaning the global.
 */
function localClassName(className: string): string {
  return SHADOWED_GLOBALS.has(className) ? `${className}Class` : className;
}

function importedClass(className: string): string {
  const local = localClassName(className);
  return local === className ? className : `${className} as ${local}`;
}

function writeDeclarations(writer: Writer, model: CatalogModel): void {
  const type = codeType(model);
  writer.write(`/** Called with each code the catalog does not list, and the body it came in. */
export type UnknownCodeListener = (code: ${type}, body: unknown) => void;

/** Options of {@link errorFromResponse}. */
export interface ErrorFromResponseOptions {
  /** The module that answered: its codes name the module error code. */
  readonly module?: ModuleName | undefined;
  /** Called when the code is one the catalog does not list, besides the listeners of {@link onUnknownCode}. */
  readonly onUnknownCode?: UnknownCodeListener | undefined;
}

/** A module error code found in a message by {@link parseModuleMessage}. */
export interface ParsedModuleMessage {
  readonly code: number;
  readonly text: string;
  /** The name of the catalog pattern that matched. */
  readonly pattern: string;
}

interface ErrorClass {
  new (init?: ApiErrorInit): ApiError;
}

/** Patterns only see this many leading characters of a message, so a huge message cannot stall them. */
const MESSAGE_SCAN_LIMIT = ${MESSAGE_SCAN_LIMIT};

`);
  if (model.patterns.length === 0) {
    writer.writeLine("/** The catalog declares no module errors, so no message is searched for one. */");
  } else {
    writer.writeLine(
      "/** The catalog's patterns, tried in order; `d` gives group indices, to mend text cut by the limit. */",
    );
  }
  writer.write("const PATTERNS: readonly { readonly name: string; readonly regex: RegExp }[] = [");
  if (model.patterns.length > 0) {
    writer.newLine().indent(() => {
      for (const pattern of model.patterns) {
        writer.writeLine(`{ name: ${tsString(pattern.name)}, regex: ${regexLiteral(pattern.regex, PATTERN_FLAGS)} },`);
      }
    });
  }
  writer.write(`];

/** The class of each common code, by code: an object literal, which the compiler checks at any size. */
const ERROR_CLASSES: Readonly<Record<${type}, ErrorClass>> = {
${model.common.map((entry) => `  ${codeKey(entry.code)}: ${localClassName(entry.className)},\n`).join("")}};
`);
  const declared = model.categories.filter((each) => each.declared);
  if (declared.length > 0) {
    writer.write(`
/** The class of each declared category, by prefix: codes it covers that the catalog does not list. */
const CATEGORY_CLASSES: Readonly<Record<string, new (code: ${type}, init?: ApiErrorInit) => ApiError>> = {
${declared.map((each) => `  ${codeKey(each.prefix)}: ${localClassName(each.className)},\n`).join("")}};
`);
  }
  writer.write(`
const unknownCodeListeners = new Set<UnknownCodeListener>();

/**
 * Listens for codes the catalog does not list, to learn which codes it lacks; returns a function
 * that stops listening. A listener that throws is ignored.
 *
 * @example
 * onUnknownCode((code) => metrics.increment("api.unknown_code", { code }));
 */
export function onUnknownCode(listener: UnknownCodeListener): () => void {
  unknownCodeListeners.add(listener);
  return () => unknownCodeListeners.delete(listener);
}
`);
}

function writeErrorFromResponse(writer: Writer, model: CatalogModel): void {
  const declared = model.categories.some((each) => each.declared);
  const inCode = model.moduleErrorsIn === "code";
  const several = model.envelope.code.length > 1;
  writer.blankLine();
  writer.write(responseDoc(model));
  writer.write(`export function errorFromResponse(body: unknown, options?: ErrorFromResponseOptions): ApiError | undefined {
  try {
    // Success is decided before any other field is read: a hostile field cannot turn it into an error.
    const malformed = malformedReason(body);
    if (malformed !== undefined) return malformedError(malformed, body);
`);
  if (!("codes" in model.success)) writer.writeLine("    if (reportsSuccess(body)) return undefined;");
  writer.write(`    const found = readCode(body);
    if (found === undefined) return malformedError(codeReason(body), body);
    const { code } = found;
`);
  if ("codes" in model.success) writer.writeLine("    if (SUCCESS_CODES.includes(code)) return undefined;");
  writer.write(`    const init = readInit(body);
    const Known = errorClass(code);
    const module = ${
      inCode
        ? 'codeModuleError(code, init.message ?? "", options?.module, Object.hasOwn(ERROR_CLASSES, code))'
        : "init.message === undefined ? undefined : findModuleError(init.message, options?.module)"
    };
    const full: ApiErrorInit = { ...init, ${several ? "codeField: found.field, " : ""}moduleError: module?.error, ...overrides(module?.info) };
    if (Known) return new Known(full);
    notifyUnknownCode(code, body, options?.onUnknownCode);
`);
  if (declared) {
    writer.write(`    const prefix = categoryPrefixOf(code);
    const Category = prefix === undefined ? undefined : CATEGORY_CLASSES[prefix];
    if (Category) return new Category(code, full);
`);
  }
  writer.write(`    return new UnknownApiError(code, full);
  } catch (cause) {
    // A hostile body (a throwing getter or proxy) is still an error response, never a crash.
    const reason = "the body could not be read";
    return new MalformedResponseError({ message: \`Malformed response: \${reason}\`, reason, response: body, cause });
  }
}

/** What a body says besides its code. */
function readInit(body: unknown): ApiErrorInit {
  return {
    message: readString(body, MESSAGE_PATH),
    requestId: readString(body, REQUEST_ID_PATH),
    status: readStatus(body),
    fields: readFields(body),
    response: body,
  };
}

/** A malformed response keeps the server's text in its message, after why it is malformed. */
function malformedError(reason: string, body: unknown): MalformedResponseError {
  const init = readInit(body);
  const message = init.message === undefined ? \`Malformed response: \${reason}\` : \`Malformed response (\${reason}): \${init.message}\`;
  return new MalformedResponseError({ ...init, message, reason });
}

/** What a module code states over the common code it arrives under. */
function overrides(info: ModuleErrorInfo | undefined): ApiErrorInit {
  if (info === undefined) return {};
  return { fault: info.fault, retryable: info.retryable, httpStatus: info.httpStatus };
}
`);
}

function writeParseModuleMessage(writer: Writer): void {
  writer.write(`
/**
 * Finds a module error code in a message: the first pattern that matches with an integer code wins.
 * \`parseModuleMessage("(100004) incorrect projectId")\` → \`{ code: 100004, text: "incorrect projectId", pattern: "parenthesized" }\`.
 */
export function parseModuleMessage(message: string): ParsedModuleMessage | undefined {
  if (typeof message !== "string") return undefined;
  const window = message.length > MESSAGE_SCAN_LIMIT ? message.slice(0, MESSAGE_SCAN_LIMIT) : message;
  for (const { name, regex } of PATTERNS) {
    const match = regex.exec(window);
    const { code, text = "" } = match?.groups ?? {};
    if (!match || code === undefined || !/^-?\\d+$/.test(code)) continue;
    const value = Number(code);
    if (!Number.isSafeInteger(value)) continue;
    // Text that runs to the end of a cut window continues in the rest of the message.
    const { text: span } = match.indices?.groups ?? {};
    const cut = window.length < message.length && span?.[1] === window.length;
    return { code: value, text: cut ? text + message.slice(window.length) : text, pattern: name };
  }
  return undefined;
}
`);
}

function writeClassLookup(writer: Writer, model: CatalogModel): void {
  const type = codeType(model);
  if (model.moduleErrorsIn === "code" && type === "string") {
    writer.write(`
/** The class of a code: its own, or that of its longest dotted prefix that is a common code. */
function errorClass(code: string): ErrorClass | undefined {
  for (let prefix = code; ; prefix = prefix.slice(0, prefix.lastIndexOf("."))) {
    if (Object.hasOwn(ERROR_CLASSES, prefix)) return ERROR_CLASSES[prefix];
    if (!prefix.includes(".")) return undefined;
  }
}
`);
    return;
  }
  writer.write(`
function errorClass(code: ${type}): ErrorClass | undefined {
  return Object.hasOwn(ERROR_CLASSES, code) ? ERROR_CLASSES[code] : undefined;
}
`);
}

function writeModuleLookup(writer: Writer, model: CatalogModel): void {
  const type = codeType(model);
  writer.write(`
/** A module error and what its module says of it. */
interface FoundModuleError {
  readonly error: ModuleError;
  readonly info?: ModuleErrorInfo | undefined;
}
`);
  if (model.moduleErrorsIn === "code") {
    writer.write(`
function codeModuleError(
  code: ${type},
  text: string,
  module: ModuleName | undefined,
  isCommon: boolean,
): FoundModuleError | undefined {
  const owners = module !== undefined && isModuleName(module) ? [module] : modulesWithCode(code);
  const owner = owners.length === 1 ? owners[0] : undefined;
  const info = owner === undefined ? undefined : moduleErrorInfo(owner, code);
  // A common code that no module lists is a plain common error.
  if (info === undefined && isCommon) return undefined;
  if (owner === undefined) return { error: { code, text } };
  const error = info === undefined ? { code, text, module: owner } : { code, text, module: owner, name: info.name };
  return { error, info };
}
`);
    return;
  }
  writer.write(`
function findModuleError(message: string, module: ModuleName | undefined): FoundModuleError | undefined {
  const parsed = parseModuleMessage(message);
  if (!parsed) return undefined;
  const owners = module !== undefined && isModuleName(module) ? [module] : modulesWithCode(parsed.code);
  const owner = owners.length === 1 ? owners[0] : undefined;
  if (owner === undefined) return { error: parsed };
  const info = moduleErrorInfo(owner, parsed.code);
  const error = info === undefined ? { ...parsed, module: owner } : { ...parsed, module: owner, name: info.name };
  return { error, info };
}
`);
}

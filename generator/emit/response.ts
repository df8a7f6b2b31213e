import type { CatalogModel } from "../model.js";
import { MESSAGE_SCAN_LIMIT, PATTERN_FLAGS } from "../patterns.js";
import { commentText, regexLiteral, tsString } from "./escape.js";
import { codeKey, codeType, createWriter, finish, importLine } from "./writer.js";

/** `response.ts`: from a response body to the error it reports, and module codes out of messages. */
export function emitResponse(model: CatalogModel): string {
  const writer = createWriter(model);
  const path = (segments: readonly string[]) => `[${segments.map(tsString).join(", ")}]`;
  const dotted = (segments: readonly string[]) => commentText(segments.join("."));
  const classNames = model.common.map((entry) => entry.className);
  const type = codeType(model);
  const inCode = model.moduleErrorsIn === "code";
  const absent = "absent" in model.success ? model.success.absent : undefined;
  const validCode = type === "number" ? "a safe integer" : "a non-empty string";
  const container = absent && absent.length > 1 ? `a \`${dotted(absent.slice(0, -1))}\`` : "a body";
  const successText = absent
    ? `${container} without \`${dotted(absent)}\``
    : `code ${commentText(String("code" in model.success ? model.success.code : ""))}`;
  // Dotted prefixes name the class of a string code that arrives in the code field.
  const byPrefix = inCode && type === "string";
  writer.blankLine();
  writer.writeLine(
    `import { type ApiError, type ApiErrorInit, MalformedResponseError, UnknownApiError } from "./api-error.js";`,
  );
  if (!absent) writer.writeLine(`import { SUCCESS_CODE } from "./common.js";`);
  if (classNames.length > 0) writer.writeLine(importLine(classNames, "./errors.js"));
  writer.writeLine(`import { isModuleName, moduleErrorInfo, modulesWithCode } from "./modules.js";`);
  writer.writeLine(`import type { ModuleError, ModuleName } from "./types.js";`);
  writer.blankLine();
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
  readonly code: ${type};
  new (init?: ApiErrorInit): ApiError;
}

/** Patterns only see this many leading characters of a message, so a huge message cannot stall them. */
const MESSAGE_SCAN_LIMIT = ${MESSAGE_SCAN_LIMIT};

/** The catalog's patterns, tried in order; \`d\` gives group indices, to mend text cut by the limit. */
const PATTERNS: readonly { readonly name: string; readonly regex: RegExp }[] = [
`);
  writer.indent(() => {
    for (const pattern of model.patterns) {
      writer.writeLine(`{ name: ${tsString(pattern.name)}, regex: ${regexLiteral(pattern.regex, PATTERN_FLAGS)} },`);
    }
  });
  writer.write(`];

/** The class of each common code, by code: an object literal, which the compiler checks at any size. */
const ERROR_CLASSES: Readonly<Record<${type}, ErrorClass>> = {
${model.common.map((entry) => `  ${codeKey(entry.code)}: ${entry.className},\n`).join("")}};
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

/**
 * The error a response body reports, or \`undefined\` when it reports success (${successText}).
 * It never throws: a body without a valid code gives a {@link MalformedResponseError}.
 *
 * The code is read from \`${dotted(model.envelope.code)}\`, the message from \`${dotted(model.envelope.message)}\`,
 * the request id from \`${dotted(model.envelope.requestId)}\` (own properties only).
 * Only ${validCode} is a code: ${type === "number" ? "a numeric string, a float, `NaN` or a missing code is malformed" : "a number, an empty string or a missing code is malformed"}.
 * A message or request id that is not a string is ignored (the raw body stays in \`response\`).
${
  inCode
    ? ` * A module code arrives in the code field: its class is the longest dotted prefix that is a common
 * code (\`InvalidParameter.Foo\` → \`InvalidParameterError\`), else \`UnknownApiError\`; the whole code is
 * in \`moduleError\`.
`
    : ""
} *
 * @example
 * const error = errorFromResponse(await response.json(), { module: ${tsString(model.modules[0]?.id ?? "account")} });
 * if (error) throw error;
 */
export function errorFromResponse(body: unknown, options?: ErrorFromResponseOptions): ApiError | undefined {
  try {
`);
  if (absent) {
    writer.write(`    const container = readField(body, ${path(absent.slice(0, -1))});
    if (isRecord(container) && !Object.hasOwn(container, ${tsString(absent[absent.length - 1] ?? "")})) return undefined;
    const code = readField(body, ${path(model.envelope.code)});
    if (${type === "number" ? `typeof code !== "number" || !Number.isSafeInteger(code)` : `typeof code !== "string" || code === ""`}) {
      return new MalformedResponseError({ message: malformedMessage(code), response: body });
    }
`);
  } else {
    writer.write(`    const code = readField(body, ${path(model.envelope.code)});
    if (${type === "number" ? `typeof code !== "number" || !Number.isSafeInteger(code)` : `typeof code !== "string" || code === ""`}) {
      return new MalformedResponseError({ message: malformedMessage(code), response: body });
    }
    if (code === SUCCESS_CODE) return undefined;
`);
  }
  writer.write(`    const message = readField(body, ${path(model.envelope.message)});
    const requestId = readField(body, ${path(model.envelope.requestId)});
    const Known = errorClass(code);
    const init: ApiErrorInit = {
      message: typeof message === "string" ? message : undefined,
      moduleError: ${
        inCode
          ? `codeModuleError(code, typeof message === "string" ? message : "", options?.module, Known)`
          : `typeof message === "string" ? findModuleError(message, options?.module) : undefined`
      },
      requestId: typeof requestId === "string" ? requestId : undefined,
      response: body,
    };
    if (Known) return new Known(init);
    notifyUnknownCode(code, body, options?.onUnknownCode);
    return new UnknownApiError(code, init);
  } catch (cause) {
    // A hostile body (a throwing getter or proxy) is still an error response, never a crash.
    const message = "Malformed response: the body could not be read";
    return new MalformedResponseError({ message, response: body, cause });
  }
}

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
  if (byPrefix) {
    writer.write(`
/** The class of a code: its own, or that of its longest dotted prefix that is a common code. */
function errorClass(code: string): ErrorClass | undefined {
  for (let prefix = code; ; prefix = prefix.slice(0, prefix.lastIndexOf("."))) {
    if (Object.hasOwn(ERROR_CLASSES, prefix)) return ERROR_CLASSES[prefix];
    if (!prefix.includes(".")) return undefined;
  }
}
`);
  } else {
    writer.write(`
function errorClass(code: ${type}): ErrorClass | undefined {
  return Object.hasOwn(ERROR_CLASSES, code) ? ERROR_CLASSES[code] : undefined;
}
`);
  }
  if (inCode) {
    writer.write(`
function codeModuleError(
  code: ${type},
  text: string,
  module: ModuleName | undefined,
  known: ErrorClass | undefined,
): ModuleError | undefined {
  const owners = module !== undefined && isModuleName(module) ? [module] : modulesWithCode(code);
  const owner = owners.length === 1 ? owners[0] : undefined;
  const name = owner === undefined ? undefined : moduleErrorInfo(owner, code)?.name;
  // A common code that no module lists is a plain common error.
  if (name === undefined && known?.code === code) return undefined;
  if (owner === undefined) return { code, text };
  return name === undefined ? { code, text, module: owner } : { code, text, module: owner, name };
}
`);
  } else {
    writer.write(`
function findModuleError(message: string, module: ModuleName | undefined): ModuleError | undefined {
  const parsed = parseModuleMessage(message);
  if (!parsed) return undefined;
  const owners = module !== undefined && isModuleName(module) ? [module] : modulesWithCode(parsed.code);
  const owner = owners.length === 1 ? owners[0] : undefined;
  if (owner === undefined) return parsed;
  const name = moduleErrorInfo(owner, parsed.code)?.name;
  return name === undefined ? { ...parsed, module: owner } : { ...parsed, module: owner, name };
}
`);
  }
  writer.write(`
function notifyUnknownCode(code: ${type}, body: unknown, listener: UnknownCodeListener | undefined): void {
  for (const notify of listener ? [listener, ...unknownCodeListeners] : unknownCodeListeners) {
    try {
      notify(code, body);
    } catch {
      // A listener's failure must not turn an error response into a crash.
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readField(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const key of path) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function malformedMessage(code: unknown): string {
  if (code === undefined) return "Malformed response: no code";
  const shown = typeof code === "string" ? JSON.stringify(code.slice(0, 40)) : typeof code === "number" ? String(code) : typeof code;
  return \`Malformed response: the code is \${shown}, not ${validCode}\`;
}
`);
  return finish(writer);
}

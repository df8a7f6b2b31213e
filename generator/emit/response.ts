import type { CatalogModel } from "../model.js";
import { MESSAGE_SCAN_LIMIT, PATTERN_FLAGS } from "../patterns.js";
import { commentText, regexLiteral, tsString } from "./escape.js";
import { createWriter, finish } from "./writer.js";

/** `response.ts`: from a response body to the error it reports, and module codes out of messages. */
export function emitResponse(model: CatalogModel): string {
  const writer = createWriter(model);
  const path = (segments: readonly string[]) => `[${segments.map(tsString).join(", ")}]`;
  const dotted = (segments: readonly string[]) => commentText(segments.join("."));
  const classNames = model.common.map((entry) => entry.className);
  writer.blankLine();
  writer.writeLine(
    `import { type ApiError, type ApiErrorInit, MalformedResponseError, UnknownApiError } from "./api-error.js";`,
  );
  writer.writeLine(`import { SUCCESS_CODE } from "./common.js";`);
  if (classNames.length > 0) writer.writeLine(`import { ${classNames.join(", ")} } from "./errors.js";`);
  writer.writeLine(`import { isModuleName, moduleErrorInfo, modulesWithCode } from "./modules.js";`);
  writer.writeLine(`import type { ModuleError, ModuleName } from "./types.js";`);
  writer.blankLine();
  writer.write(`/** Options of {@link errorFromResponse}. */
export interface ErrorFromResponseOptions {
  /** The module that answered: its codes name the module error code in the message. */
  readonly module?: ModuleName | undefined;
}

/** A module error code found in a message by {@link parseModuleMessage}. */
export interface ParsedModuleMessage {
  readonly code: number;
  readonly text: string;
  /** The name of the catalog pattern that matched. */
  readonly pattern: string;
}

interface ErrorClass {
  readonly code: number;
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

const ERROR_CLASSES: readonly ErrorClass[] = [${classNames.join(", ")}];

let classByCode: ReadonlyMap<number, ErrorClass> | undefined;

/**
 * The error a response body reports, or \`undefined\` when it reports success (code ${model.success}).
 * It never throws: a body without a valid code gives a {@link MalformedResponseError}.
 *
 * The code is read from \`${dotted(model.envelope.code)}\`, the message from \`${dotted(model.envelope.message)}\`,
 * the request id from \`${dotted(model.envelope.requestId)}\` (own properties only).
 * Only a safe integer is a code: a numeric string, a float, \`NaN\` or a missing code is malformed.
 * A message that is not a string is ignored (the raw body stays in \`response\`).
 *
 * @example
 * const error = errorFromResponse(await response.json(), { module: "account" });
 * if (error) throw error;
 */
export function errorFromResponse(body: unknown, options?: ErrorFromResponseOptions): ApiError | undefined {
  try {
    const code = readField(body, ${path(model.envelope.code)});
    if (typeof code !== "number" || !Number.isSafeInteger(code)) {
      return new MalformedResponseError({ message: malformedMessage(code), response: body });
    }
    if (code === SUCCESS_CODE) return undefined;
    const message = readField(body, ${path(model.envelope.message)});
    const requestId = readField(body, ${path(model.envelope.requestId)});
    const init: ApiErrorInit = {
      message: typeof message === "string" ? message : undefined,
      moduleError: typeof message === "string" ? findModuleError(message, options?.module) : undefined,
      requestId: typeof requestId === "string" ? requestId : undefined,
      response: body,
    };
    classByCode ??= new Map(ERROR_CLASSES.map((known) => [known.code, known]));
    const Known = classByCode.get(code);
    return Known ? new Known(init) : new UnknownApiError(code, init);
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

function findModuleError(message: string, module: ModuleName | undefined): ModuleError | undefined {
  const parsed = parseModuleMessage(message);
  if (!parsed) return undefined;
  const owners = module !== undefined && isModuleName(module) ? [module] : modulesWithCode(parsed.code);
  const owner = owners.length === 1 ? owners[0] : undefined;
  if (owner === undefined) return parsed;
  const name = moduleErrorInfo(owner, parsed.code)?.name;
  return name === undefined ? { ...parsed, module: owner } : { ...parsed, module: owner, name };
}

function readField(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function malformedMessage(code: unknown): string {
  if (code === undefined) return "Malformed response: no code";
  const shown = typeof code === "string" ? JSON.stringify(code.slice(0, 40)) : typeof code === "number" ? String(code) : typeof code;
  return \`Malformed response: the code is \${shown}, not a safe integer\`;
}
`);
  return finish(writer);
}

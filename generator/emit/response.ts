import type { CatalogModel } from "../model.js";
import { writeBodyReaders } from "./response-body.js";
import { responseDoc } from "./response-doc.js";
import { anyCodeType, codeType, createWriter, finish, importLine } from "./writer.js";

type Writer = ReturnType<typeof createWriter>;

/** `response.ts`: from a response body to the error it reports. */
export function emitResponse(model: CatalogModel): string {
  const writer = createWriter(model);
  writeImports(writer, model);
  writeDeclarations(writer, model);
  writeErrorFromResponse(writer, model);
  writeModuleLookup(writer, model);
  writeBodyReaders(writer, model);
  return finish(writer);
}

function writeImports(writer: Writer, model: CatalogModel): void {
  const declared = model.categories.some((each) => each.declared);
  writer.blankLine();
  writer.writeLine(`import { type ApiErrorInit, MalformedResponseError, UnknownApiError } from "./api-error.js";`);
  const lookups = ["categoryClass", "errorClass", ...(model.moduleErrorsIn === "code" ? ["isListedCode"] : [])];
  writer.writeLine(importLine(lookups, "./classes.js"));
  if ("codes" in model.success) writer.writeLine(`import { SUCCESS_CODES } from "./common.js";`);
  writer.writeLine(importLine(["CategoryApiError", "KnownApiError"].slice(declared ? 0 : 1), "./errors.js", true));
  if (model.moduleErrorsIn === "message") writer.writeLine(`import { parseModuleMessage } from "./messages.js";`);
  writer.writeLine(`import { isModuleName, moduleErrorInfo, modulesWithCode } from "./modules.js";`);
  const types = [
    "ErrorFields",
    ...(model.envelope.fields.length > 0 ? ["FieldValue"] : []),
    "ModuleError",
    "ModuleErrorInfo",
    "ModuleErrorOf",
    "ModuleName",
  ];
  writer.writeLine(importLine(types, "./types.js", true));
  writer.blankLine();
}

function writeDeclarations(writer: Writer, model: CatalogModel): void {
  const declared = model.categories.some((each) => each.declared);
  writer.write(`/**
 * Called with each code the catalog does not list, and the body it came in; with \`module\` for a
 * module code that the module named in the call does not list.
 */
export type UnknownCodeListener = (code: ${anyCodeType(model)}, body: unknown, module?: ModuleName) => void;

/** Options of {@link errorFromResponse}. */
export interface ErrorFromResponseOptions {
  /** The module that answered: its codes name the module error code. */
  readonly module?: ModuleName | undefined;
  /** Called when the code is one the catalog does not list, besides the listeners of {@link onUnknownCode}. */
  readonly onUnknownCode?: UnknownCodeListener | undefined;
}

/**
 * Every error a response body gives: a class the catalog lists (\`known: true\`), ${declared ? "a category's class, " : ""}an
 * unknown code, or a malformed body (\`known: false\`). \`if (error.known) switch (error.code)\` narrows.
 */
export type ResponseApiError = KnownApiError${declared ? " | CategoryApiError" : ""} | UnknownApiError | MalformedResponseError;

/**
 * An error whose module error is typed by the module named in the call. An intersection, not a
 * mapped type per class: with thousands of classes it costs the compiler next to nothing.
 */
export type WithModule<E, M extends ModuleName> = E & { readonly moduleError?: ModuleErrorOf<M> };

/** What an HTTP response adds to its body: the status it came with, and headers' request id and retry hint. */
export interface ResponseContext {
  readonly status?: number | undefined;
  readonly requestId?: string | undefined;
  readonly retryAfterMs?: number | undefined;
}

const unknownCodeListeners = new Set<UnknownCodeListener>();

/**
 * Listens for codes the catalog does not list, to learn which codes it lacks; returns a function
 * that stops listening. A listener that throws is ignored.
 *
 * @example
 * onUnknownCode((code, _body, module) => metrics.increment("api.unknown_code", { code, module }));
 */
export function onUnknownCode(listener: UnknownCodeListener): () => void {
  unknownCodeListeners.add(listener);
  return () => unknownCodeListeners.delete(listener);
}
`);
}

function writeErrorFromResponse(writer: Writer, model: CatalogModel): void {
  const inCode = model.moduleErrorsIn === "code";
  const several = model.envelope.code.length > 1;
  writer.blankLine();
  writer.write(responseDoc(model));
  writer.write(`export function errorFromResponse<M extends ModuleName>(
  body: unknown,
  options: ErrorFromResponseOptions & { readonly module: M },
): WithModule<ResponseApiError, M> | undefined;
export function errorFromResponse(body: unknown, options?: ErrorFromResponseOptions): ResponseApiError | undefined;
export function errorFromResponse(body: unknown, options?: ErrorFromResponseOptions): ResponseApiError | undefined {
  return readResponse(body, options);
}

/** {@link errorFromResponse}, with what the HTTP response around the body says. */
export function readResponse(
  body: unknown,
  options: ErrorFromResponseOptions = {},
  context: ResponseContext = {},
): ResponseApiError | undefined {
  try {
    // Success is decided before any other field is read: a hostile field cannot turn it into an error.
    const malformed = malformedReason(body);
    if (malformed !== undefined) return malformedError(malformed, body, context);
`);
  if (!("codes" in model.success)) writer.writeLine("    if (reportsSuccess(body)) return undefined;");
  writer.write(`    const found = readCode(body);
    if (found === undefined) return malformedError(codeReason(body), body, context);
    const { code } = found;
`);
  if ("codes" in model.success) writer.writeLine("    if (SUCCESS_CODES.includes(code)) return undefined;");
  writer.write(`    const init = readInit(body, context);
    const module = ${
      inCode
        ? 'codeModuleError(code, init.message ?? "", isListedCode(code), body, options)'
        : "init.message === undefined ? undefined : findModuleError(init.message, body, options)"
    };
    const full: ApiErrorInit = { ...init, ${several ? "codeField: found.field, " : ""}moduleError: module?.error, ...overrides(module?.info) };
    const Known = errorClass(code);
    if (Known) return new Known(full) as KnownApiError;
    notifyUnknownCode(code, body, options.onUnknownCode);
    const Category = categoryClass(code);
    if (Category) return new Category(code, full) as ResponseApiError;
    return new UnknownApiError(code, full);
  } catch (cause) {
    // A hostile body (a throwing getter or proxy) is still an error response, never a crash.
    const reason = "the body could not be read";
    const { status } = context;
    return new MalformedResponseError({ message: \`Malformed response: \${reason}\`, reason, status, response: body, cause });
  }
}

/** What a body says besides its code, with the HTTP response's status and headers. */
function readInit(body: unknown, context: ResponseContext): ApiErrorInit {
  return {
    message: readString(body, MESSAGE_PATH),
    requestId: readString(body, REQUEST_ID_PATH) ?? context.requestId,
    status: context.status ?? readStatus(body),
    retryAfterMs: context.retryAfterMs,
    fields: readFields(body),
    response: body,
  };
}

/** A malformed response keeps the server's text in its message, after why it is malformed. */
function malformedError(reason: string, body: unknown, context: ResponseContext): MalformedResponseError {
  const init = readInit(body, context);
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
  isCommon: boolean,
  body: unknown,
  options: ErrorFromResponseOptions,
): FoundModuleError | undefined {
  const { module } = options;
  const named = module !== undefined && isModuleName(module);
  const owners = named ? [module] : modulesWithCode(code);
  const owner = owners.length === 1 ? owners[0] : undefined;
  const info = owner === undefined ? undefined : moduleErrorInfo(owner, code);
  // A common code that no module lists is a plain common error.
  if (info === undefined && isCommon) return undefined;
  if (owner === undefined) return { error: { code, text } };
  if (info === undefined && named) notifyUnknownCode(code, body, options.onUnknownCode, owner);
  const error = info === undefined ? { code, text, module: owner } : { code, text, module: owner, name: info.name };
  return { error, info };
}
`);
    return;
  }
  writer.write(`
function findModuleError(
  message: string,
  body: unknown,
  options: ErrorFromResponseOptions,
): FoundModuleError | undefined {
  const parsed = parseModuleMessage(message);
  if (!parsed) return undefined;
  const { module } = options;
  const named = module !== undefined && isModuleName(module);
  const owners = named ? [module] : modulesWithCode(parsed.code);
  const owner = owners.length === 1 ? owners[0] : undefined;
  if (owner === undefined) return { error: parsed };
  const info = moduleErrorInfo(owner, parsed.code);
  if (info === undefined && named) notifyUnknownCode(parsed.code, body, options.onUnknownCode, owner);
  const error = info === undefined ? { ...parsed, module: owner } : { ...parsed, module: owner, name: info.name };
  return { error, info };
}
`);
}

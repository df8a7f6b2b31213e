import type { CatalogModel } from "../model.js";
import { writeBodyReaders } from "./response-body.js";
import { responseDoc } from "./response-doc.js";
import { anyCodeType, codeLiteral, codeType, createWriter, finish, importLine } from "./writer.js";

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
  writer.writeLine(
    `import { type ApiError, type ApiErrorInit, MalformedResponseError, UnknownApiError } from "./api-error.js";`,
  );
  const lookups = ["categoryClass", "errorClass", ...(model.moduleErrorsIn === "code" ? ["isListedCode"] : [])];
  writer.writeLine(importLine(lookups, "./classes.js"));
  writer.writeLine(importLine(["CategoryApiError", "KnownApiError"].slice(declared ? 0 : 1), "./errors.js", true));
  if (model.moduleErrorsIn === "message") writer.writeLine(`import { parseModuleMessage } from "./messages.js";`);
  const types = [
    "ErrorFields",
    ...(model.envelope.fields.length > 0 ? ["FieldValue"] : []),
    "ModuleCode",
    "ModuleError",
    "ModuleErrorOf",
    "ModuleName",
    "ModuleOverride",
    "ModuleTable",
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

/**
 * Options of {@link errorFromResponse}. Module tables are opted into by importing them, so that a
 * bundle carries the names of the modules it uses and no others.
 */
export interface ErrorFromResponseOptions<M extends ModuleName = never> {
  /**
   * The module that answered, whose codes name the module error code: its table
   * (\`accountModule\` from its file), or the id of a module in \`modules\`.
   */
  readonly module?: ModuleTable | NoInfer<M> | undefined;
  /**
   * The modules a module code may come from: a module named by id is found here, and when the
   * call names no module, a code that exactly one of them lists is named by it.
   */
  readonly modules?: readonly ModuleTable<M>[] | undefined;
  /** Called when the code is one the catalog does not list, besides the listeners of {@link onUnknownCode}. */
  readonly onUnknownCode?: UnknownCodeListener | undefined;
}

/** A parser bound to a set of modules, from {@link createErrorParser}. */
export interface ErrorParser<M extends ModuleName> {
  <N extends ModuleName>(
    body: unknown,
    options: ErrorFromResponseOptions<M> & { readonly module: ModuleTable<N> },
  ): WithModule<ResponseApiError, N> | undefined;
  <N extends M>(
    body: unknown,
    options: ErrorFromResponseOptions<M> & { readonly module: N },
  ): WithModule<ResponseApiError, N> | undefined;
  (body: unknown, options?: ErrorFromResponseOptions<M>): ResponseApiError | undefined;
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
${
  "codes" in model.success
    ? `
/**
 * The codes that mean success, as \`SUCCESS_CODES\` of \`common.ts\` lists them: written here too, so
 * that the parser does not import the file of the enum.
 */
const SUCCESS_CODES: readonly ${codeType(model)}[] = [${model.success.codes.map(codeLiteral).join(", ")}];
`
    : ""
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
  if (model.modules.length === 0) {
    // Without modules there is no module to type by: one signature (a type parameter bound by
    // \`never\` would make the overloads incompatible).
    writer.write(`export function errorFromResponse(body: unknown, options?: ErrorFromResponseOptions): ResponseApiError | undefined {
  return readResponse(body, options) as unknown as ResponseApiError | undefined;
}
`);
  } else {
    writer.write(`export function errorFromResponse<N extends ModuleName>(
  body: unknown,
  options: ErrorFromResponseOptions & { readonly module: ModuleTable<N> },
): WithModule<ResponseApiError, N> | undefined;
export function errorFromResponse<M extends ModuleName = never, N extends M = never>(
  body: unknown,
  options: ErrorFromResponseOptions<M> & { readonly module: N },
): WithModule<ResponseApiError, N> | undefined;
export function errorFromResponse<M extends ModuleName = never>(
  body: unknown,
  options?: ErrorFromResponseOptions<M>,
): ResponseApiError | undefined;
export function errorFromResponse(
  body: unknown,
  options?: ErrorFromResponseOptions<ModuleName>,
): ResponseApiError | undefined {
  return readResponse(body, options) as unknown as ResponseApiError | undefined;
}
`);
  }
  writer.write(`
/**
 * A parser that knows \`modules\`: a call may name one of them by id, and a module code that exactly
 * one of them lists is named by it. Only the modules given end up in a bundle. A call's own
 * \`modules\` or \`onUnknownCode\` takes the place of the parser's.
 *
 * @example
 * const parse = createErrorParser({ modules: [${model.modules[0]?.tableName ?? "accountModule"}] });
 * const error = parse(body, { module: ${JSON.stringify(model.modules[0]?.id ?? "account")} });
 */
export function createErrorParser<M extends ModuleName = never>(
  config: { readonly modules?: readonly ModuleTable<M>[]; readonly onUnknownCode?: UnknownCodeListener } = {},
): ErrorParser<M> {
  const { modules = [], onUnknownCode: listener } = config;
  const parse = (body: unknown, options: ErrorFromResponseOptions<M> = {}) =>
    readResponse(body, {
      module: options.module,
      modules: options.modules ?? modules,
      onUnknownCode: options.onUnknownCode ?? listener,
    });
  return parse as unknown as ErrorParser<M>;
}

/**
 * {@link errorFromResponse}, with what the HTTP response around the body says. It returns an
 * \`ApiError\`, and the exported functions state the union it is a member of, through \`unknown\`:
 * \`errorClass\` gives each code its own class, which the compiler could only confirm by comparing
 * every class of the catalog with \`ApiError\` in every file that reads one.
 */
export function readResponse(
  body: unknown,
  options: ErrorFromResponseOptions<ModuleName> = {},
  context: ResponseContext = {},
): ApiError | undefined {
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
  writer.write(`    const message = readString(body, MESSAGE_PATH);
    const moduleError = () => ${
      inCode
        ? 'codeModuleError(code, message ?? "", isListedCode(code), body, options)'
        : "(message === undefined ? undefined : findModuleError(message, body, options))"
    };
    const init = readInit(body, context, message, moduleError${several ? ", found.field" : ""});
    const Known = errorClass(code);
    if (Known) return new Known(init);
    notifyUnknownCode(code, body, options.onUnknownCode);
    const Category = categoryClass(code);
    if (Category) return new Category(code, init);
    return new UnknownApiError(code, init);
  } catch (cause) {
    // A hostile body (a throwing getter or proxy) is still an error response, never a crash.
    const reason = "the body could not be read";
    const { status } = context;
    return new MalformedResponseError({ message: \`Malformed response: \${reason}\`, reason, status, response: body, cause });
  }
}

/**
 * What a body says besides its code, with the HTTP response's status and headers, the module error
 * found in its message and what its module states over the common code. Written out field by field:
 * an error is built on every failed call, and a spread with fields after it is V8's slow path.
 */
function readInit(
  body: unknown,
  context: ResponseContext,
  message: string | undefined,
  moduleError?: () => FoundModuleError | undefined,
  codeField?: string,
): ApiErrorInit {
  const requestId = readString(body, REQUEST_ID_PATH) ?? context.requestId;
  const status = context.status ?? readStatus(body);
  const fields = readFields(body);
  // Found once every field is read: a listener is told of an unlisted module code only for a body
  // that gives an error, not for one whose fields throw.
  const module = moduleError?.();
  const info = module?.info;
  return {
    message,
    requestId,
    status,
    retryAfterMs: context.retryAfterMs,
    fields,
    response: body,
    codeField,
    moduleError: module?.error,
    fault: info?.fault,
    retryable: info?.retryable,
    httpStatus: info?.httpStatus,
  };
}

/** A malformed response keeps the server's text in its message, after why it is malformed. */
function malformedError(reason: string, body: unknown, context: ResponseContext): MalformedResponseError {
  const text = readString(body, MESSAGE_PATH);
  const message = text === undefined ? \`Malformed response: \${reason}\` : \`Malformed response (\${reason}): \${text}\`;
  return new MalformedResponseError({ ...readInit(body, context, message), reason });
}
`);
}

function writeModuleLookup(writer: Writer, model: CatalogModel): void {
  const type = model.moduleErrorsIn === "code" ? codeType(model) : "number";
  // The error's fields written out: a spread with fields after it is V8's slow path.
  const fields = `code: error.code, text: error.text${model.moduleErrorsIn === "code" ? "" : ", pattern: error.pattern"}`;
  writer.write(`
/** A module error and what its module says of it. */
interface FoundModuleError {
  readonly error: ModuleError;
  readonly info?: ModuleOverride | undefined;
}

/**
 * The module a code is from, and whether the call named it: the table the call gave, the table of
 * the id it gave, else the only one of \`modules\` that lists the code. An id no table is given for
 * stands for a module that lists nothing.
 */
function ownerOf(code: ${type}, options: ErrorFromResponseOptions<ModuleName>): { table: ModuleTable; named: boolean } | undefined {
  const { module, modules = [] } = options;
  if (module !== undefined) return { table: tableOf(module, modules), named: true };
  const only = onlyOwner(code, modules);
  return only === undefined ? undefined : { table: only, named: false };
}

/** The one table of \`modules\` that lists \`code\`; none when no table or several do. */
export function onlyOwner(code: ModuleCode, modules: readonly ModuleTable[]): ModuleTable | undefined {
  let only: ModuleTable | undefined;
  for (const table of modules) {
    if (!Object.hasOwn(table.names, code)) continue;
    if (only !== undefined) return undefined;
    only = table;
  }
  return only;
}

/** A module's table: the one given, or the one of \`modules\` with the id given (else an empty one). */
export function tableOf(module: ModuleTable | ModuleName, modules: readonly ModuleTable[] = []): ModuleTable {
  if (typeof module === "object" && module !== null) return module;
  return modules.find((table) => table.id === module) ?? { id: module, names: {} };
}

/** A module error named by its module: the code's name and overrides when the module lists it. */
function namedModuleError(
  error: ModuleError,
  owner: { table: ModuleTable; named: boolean } | undefined,
  body: unknown,
  options: ErrorFromResponseOptions<ModuleName>,
): FoundModuleError {
  if (owner === undefined) return { error };
  const { table, named } = owner;
  const listed = Object.hasOwn(table.names, error.code);
  if (!listed) {
    if (named) notifyUnknownCode(error.code, body, options.onUnknownCode, table.id);
    return { error: { ${fields}, module: table.id } };
  }
  const info = table.overrides !== undefined && Object.hasOwn(table.overrides, error.code) ? table.overrides[error.code] : undefined;
  return { error: { ${fields}, module: table.id, name: table.names[error.code] as string }, info };
}
`);
  if (model.moduleErrorsIn === "code") {
    writer.write(`
function codeModuleError(
  code: ${type},
  text: string,
  isCommon: boolean,
  body: unknown,
  options: ErrorFromResponseOptions<ModuleName>,
): FoundModuleError | undefined {
  const owner = ownerOf(code, options);
  // A common code that no module lists is a plain common error.
  if (isCommon && (owner === undefined || !Object.hasOwn(owner.table.names, code))) return undefined;
  return namedModuleError({ code, text }, owner, body, options);
}
`);
    return;
  }
  writer.write(`
function findModuleError(
  message: string,
  body: unknown,
  options: ErrorFromResponseOptions<ModuleName>,
): FoundModuleError | undefined {
  const parsed = parseModuleMessage(message);
  if (!parsed) return undefined;
  return namedModuleError(parsed, ownerOf(parsed.code, options), body, options);
}
`);
}

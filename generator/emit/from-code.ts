import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import { codeType, createWriter, finish, importLine, moduleCodeType } from "./writer.js";

/** `from-code.ts`: the error for a code, as a server makes it before writing its body. */
export function emitFromCode(model: CatalogModel): string {
  const writer = createWriter(model);
  const type = codeType(model);
  const inMessage = model.moduleErrorsIn === "message";
  const declared = model.categories.some((category) => category.declared);
  writer.blankLine();
  writer.writeLine(`import { type ApiError, type ApiErrorInit, UnknownApiError } from "./api-error.js";`);
  writer.writeLine(`import { categoryClass, errorClass } from "./classes.js";`);
  writer.writeLine(importLine(["CommonErrorClassesByCode"], "./errors.js", true));
  if (inMessage) writer.writeLine(`import { formatModuleMessage } from "./messages.js";`);
  writer.writeLine(
    importLine(
      [...(model.moduleErrorsIn === "code" ? ["onlyOwner"] : []), "type ResponseApiError", "tableOf"],
      "./response.js",
    ),
  );
  writer.writeLine(importLine(["ModuleCode", "ModuleError", "ModuleName", "ModuleTable"], "./types.js", true));
  writer.blankLine();
  writer.write(`/** What {@link errorFromCode} takes: an error's fields, and a module code by module and code. */
export interface ErrorFromCodeInit<M extends ModuleName = never> extends Omit<ApiErrorInit, "moduleError"> {
  /**
   * The module code, by module (its table, or the id of one in \`modules\`) and code: its name and
   * overrides are filled in from the module's table.
   */
  readonly moduleError?:
    | { readonly module: ModuleTable | NoInfer<M>; readonly code: ModuleCode; readonly text?: string | undefined }
    | undefined;
  /** The modules a module named by id is found in${model.moduleErrorsIn === "code" ? ", and the one a module code is from" : ""}. */
  readonly modules?: readonly ModuleTable<M>[] | undefined;
}

/** A module code's text in the catalog's default locale, where the caller has the texts. */
export type ModuleTextOf = (module: ModuleName, code: ModuleCode) => string | undefined;

/**
 * The error for a code of the catalog, typed by the code: \`errorFromCode(CommonErrorCode.QuotaExceeded)\`
 * is a \`QuotaExceededError\`.${declared ? " A code only a category covers gives the category's class;" : ""} a code the catalog does not list gives an
 * {@link UnknownApiError}. With \`moduleError: { module, code }\`, the module code's name and
 * overrides come from the module's table, its text from \`text\` (the \`all\` entry's \`errorFromCode\`
 * fills it in from the catalog)${inMessage ? ", and without a `message` the message is the module code written through the pattern's format" : ""}.
 *
 * @example
 * throw errorFromCode(${model.common[0] ? `CommonErrorCode.${model.common[0].name}` : "code"}, { requestId });
 */
${
  model.modules.length === 0
    ? `export function errorFromCode<C extends keyof CommonErrorClassesByCode>(
  code: C,
  init?: ErrorFromCodeInit,
): CommonErrorClassesByCode[C];
export function errorFromCode(code: ${type}, init?: ErrorFromCodeInit): ResponseApiError;`
    : `export function errorFromCode<C extends keyof CommonErrorClassesByCode, M extends ModuleName = never>(
  code: C,
  init?: ErrorFromCodeInit<M>,
): CommonErrorClassesByCode[C];
export function errorFromCode<M extends ModuleName = never>(code: ${type}, init?: ErrorFromCodeInit<M>): ResponseApiError;`
}
export function errorFromCode(code: ${type}, init: ErrorFromCodeInit<ModuleName> = {}): ResponseApiError {
  // The class \`errorClass\` gives a code is that code's: stated, as in \`errorFromResponse\`, not proved.
  return buildError(code, init) as unknown as ResponseApiError;
}

/**
 * {@link errorFromCode}, with where module texts come from and the modules a call that names none
 * may use; typed by the callers.
 */
export function buildError(
  code: ${type},
  init: ErrorFromCodeInit<ModuleName>,
  textOf?: ModuleTextOf,
  modules: readonly ModuleTable[] = [],
): ApiError {
  const full = withModuleError(${model.moduleErrorsIn === "code" ? "init.moduleError === undefined ? { ...init, moduleError: moduleOfCode(code, init.modules ?? modules) } : init" : "init"}, textOf, modules);
  const Known = errorClass(code);
  if (Known) return new Known(full);
  const Category = categoryClass(code);
  if (Category) return new Category(code, full);
  return new UnknownApiError(code, full);
}

/**
 * The init with its module error filled in from the module's table. An init without one is passed
 * on as it is: an error is built on every call, and a copy with fields after a spread is V8's slow path.
 */
function withModuleError(
  init: ErrorFromCodeInit<ModuleName>,
  textOf: ModuleTextOf | undefined,
  modules: readonly ModuleTable[],
): ApiErrorInit {
  const given = init.moduleError;
  if (given === undefined) {
    const plain: Omit<ErrorFromCodeInit<ModuleName>, "moduleError"> = init;
    return plain;
  }
  const table = tableOf(given.module, init.modules ?? modules);
  const code = given.code as ${moduleCodeType(model)};
  const name = Object.hasOwn(table.names, code) ? table.names[code] : undefined;
  const info = name !== undefined && table.overrides !== undefined && Object.hasOwn(table.overrides, code) ? table.overrides[code] : undefined;
  const text = given.text ?? textOf?.(table.id, code) ?? "";
`);
  if (inMessage) {
    writer.write(`  const message = init.message ?? formatModuleMessage(given.code, text);
  const pattern = ${tsString(model.patterns.find((pattern) => pattern.format !== undefined)?.name ?? model.patterns[0]?.name ?? "")};
  const moduleError: ModuleError =
    name === undefined ? { code, text, pattern, module: table.id } : { code, text, pattern, module: table.id, name };
`);
  } else {
    writer.write(`  const message = init.message;
  const moduleError: ModuleError = name === undefined ? { code, text, module: table.id } : { code, text, module: table.id, name };
`);
  }
  writer.write(`  return {
    ...init,
    message,
    moduleError,
    fault: init.fault ?? info?.fault,
    retryable: init.retryable ?? info?.retryable,
    httpStatus: init.httpStatus ?? info?.httpStatus,
  };
}
`);
  if (model.moduleErrorsIn === "code") {
    writer.write(`
/**
 * The module a code arriving in the code field belongs to, as \`errorFromResponse\` finds it: the only
 * module that lists it, else none (a common code no module lists has no module error).
 */
function moduleOfCode(code: ${type}, modules: readonly ModuleTable[] = []): ErrorFromCodeInit<ModuleName>["moduleError"] {
  const owner = onlyOwner(code, modules);
  return owner === undefined ? undefined : { module: owner, code };
}
`);
  }
  return finish(writer);
}

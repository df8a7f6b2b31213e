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
  writer.writeLine(`import { type ApiErrorInit, UnknownApiError } from "./api-error.js";`);
  writer.writeLine(`import { categoryClass, errorClass } from "./classes.js";`);
  writer.writeLine(importLine(["KnownApiError"], "./errors.js", true));
  if (inMessage) writer.writeLine(`import { formatModuleMessage } from "./messages.js";`);
  writer.writeLine(
    `import { moduleErrorInfo${model.moduleErrorsIn === "code" ? ", modulesWithCode" : ""} } from "./modules.js";`,
  );
  writer.writeLine(`import type { ResponseApiError } from "./response.js";`);
  writer.writeLine(importLine(["ModuleCode", "ModuleError", "ModuleName"], "./types.js", true));
  writer.blankLine();
  writer.write(`/** What {@link errorFromCode} takes: an error's fields, and a module code by module and code. */
export interface ErrorFromCodeInit extends Omit<ApiErrorInit, "moduleError"> {
  /** The module code: its name, text and overrides are filled in from the catalog. */
  readonly moduleError?: { readonly module: ModuleName; readonly code: ModuleCode; readonly text?: string } | undefined;
}

/**
 * The error for a code of the catalog, typed by the code: \`errorFromCode(CommonErrorCode.QuotaExceeded)\`
 * is a \`QuotaExceededError\`.${declared ? " A code only a category covers gives the category's class;" : ""} a code the catalog does not list gives an
 * {@link UnknownApiError}. With \`moduleError: { module, code }\`, the module code's name, text and
 * overrides come from the catalog${inMessage ? ", and without a `message` the message is the module code written through the pattern's format" : ""}.
 *
 * @example
 * throw errorFromCode(${model.common[0] ? `CommonErrorCode.${model.common[0].name}` : "code"}, { requestId });
 */
export function errorFromCode<C extends KnownApiError["code"]>(
  code: C,
  init?: ErrorFromCodeInit,
): Extract<KnownApiError, { readonly code: C }>;
export function errorFromCode(code: ${type}, init?: ErrorFromCodeInit): ResponseApiError;
export function errorFromCode(code: ${type}, init: ErrorFromCodeInit = {}): ResponseApiError {
  const full = withModuleError(${model.moduleErrorsIn === "code" ? "init.moduleError === undefined ? { ...init, moduleError: moduleOfCode(code) } : init" : "init"});
  const Known = errorClass(code);
  if (Known) return new Known(full) as KnownApiError;
  const Category = categoryClass(code);
  if (Category) return new Category(code, full) as ResponseApiError;
  return new UnknownApiError(code, full);
}

/** The init with its module error filled in from the catalog. */
function withModuleError(init: ErrorFromCodeInit): ApiErrorInit {
  const given = init.moduleError;
  if (given === undefined) return { ...init, moduleError: undefined };
  const info = moduleErrorInfo(given.module, given.code as ${moduleCodeType(model)});
  const text = given.text ?? info?.description ?? "";
`);
  if (inMessage) {
    writer.write(`  const message = init.message ?? formatModuleMessage(given.code, text);
  const pattern = ${tsString(model.patterns.find((pattern) => pattern.format !== undefined)?.name ?? model.patterns[0]?.name ?? "")};
  const moduleError: ModuleError =
    info === undefined
      ? { code: given.code, text, pattern, module: given.module }
      : { code: given.code, text, pattern, module: given.module, name: info.name };
`);
  } else {
    writer.write(`  const message = init.message;
  const moduleError: ModuleError =
    info === undefined
      ? { code: given.code, text, module: given.module }
      : { code: given.code, text, module: given.module, name: info.name };
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
function moduleOfCode(code: ${type}): ErrorFromCodeInit["moduleError"] {
  const owners = modulesWithCode(code);
  const [owner] = owners;
  if (owners.length === 1 && owner !== undefined) return { module: owner, code };
  return undefined;
}
`);
  }
  return finish(writer);
}

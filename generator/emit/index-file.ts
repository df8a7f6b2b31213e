import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import { moduleImport } from "./modules.js";
import { createWriter, finish } from "./writer.js";

/** `index.ts`: the one module users import; re-exports only, so bundlers keep just what is used. */
export function emitIndex(model: CatalogModel): string {
  const writer = createWriter(model);
  const exportList = (names: readonly string[], from: string) => {
    writer.writeLine("export {");
    writer.indent(() => {
      for (const name of names) writer.writeLine(`${name},`);
    });
    writer.writeLine(`} from ${tsString(from)};`);
  };
  writer.blankLine();
  exportList(
    [
      "ApiError",
      "type ApiErrorInit",
      "type ApiErrorMeta",
      "MalformedResponseError",
      "type MalformedResponseInit",
      "UnknownApiError",
    ],
    "./api-error.js",
  );
  exportList(
    [
      "COMMON_ERRORS",
      "CommonErrorCode",
      "commonErrorInfo",
      "isCommonErrorCode",
      ...("codes" in model.success
        ? [...(model.success.codes.length === 1 ? ["SUCCESS_CODE"] : []), "SUCCESS_CODES"]
        : []),
    ],
    "./common.js",
  );
  exportList(["DEFAULT_LOCALE", "type Description", "describe", "LOCALES"], "./describe.js");
  const declared = model.categories.filter((category) => category.declared);
  exportList(
    [
      "type CommonErrorClasses",
      ...model.common.map((entry) => entry.className),
      ...declared.map((category) => category.className),
    ],
    "./errors.js",
  );
  exportList(
    [
      "API_ERROR_BRAND",
      "CATALOG_ID",
      "isApiError",
      "isMalformedResponseError",
      "isUnknownApiError",
      ...(declared.length > 0 ? ["categoryPrefixOf"] : []),
      ...model.common.flatMap((entry) => [entry.guardName, ...entry.aliases.map((alias) => alias.guardName)]),
      ...model.categories.map((category) => category.guardName),
    ],
    "./guards.js",
  );
  exportList(["type MatchHandlers", "matchError"], "./match.js");
  exportList(["isModuleName", "MODULES", "type ModuleInfo", "moduleErrorInfo"], "./modules.js");
  for (const module of model.modules) {
    writer.writeLine(
      `export { ${module.constName}, ${module.enumName}, ${module.guardName} } from ${tsString(moduleImport(module))};`,
    );
  }
  exportList(
    [
      "type ErrorFromResponseOptions",
      "errorFromResponse",
      "onUnknownCode",
      "type ParsedModuleMessage",
      "parseModuleMessage",
      "type UnknownCodeListener",
    ],
    "./response.js",
  );
  writer.writeLine(
    `export type { CommonErrorInfo, Deprecation, ErrorFields, Fault, FieldValue, Locale, ModuleCode, ModuleError, ModuleErrorInfo, ModuleName } from "./types.js";`,
  );
  return finish(writer);
}

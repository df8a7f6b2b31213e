import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import { moduleImport } from "./modules.js";
import { createWriter, finish, importLine } from "./writer.js";

/** `index.ts`: the one module users import; re-exports only, so bundlers keep just what is used. */
export function emitIndex(model: CatalogModel): string {
  const writer = createWriter(model);
  const exportList = (names: readonly string[], from: string) => {
    if (names.every((name) => name.startsWith("type "))) {
      writer.writeLine(
        importLine(
          names.map((name) => name.slice(5)),
          from,
          true,
        ).replace(/^import/, "export"),
      );
      return;
    }
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
      ...(declared.length > 0 ? ["type CategoryApiError", "type CategoryErrorClasses"] : []),
      "type CommonErrorClasses",
      "type KnownApiError",
      ...model.common.map((entry) => entry.className),
      ...declared.map((category) => category.className),
    ],
    "./errors.js",
  );
  exportList(["type ErrorFromCodeInit", "errorFromCode"], "./from-code.js");
  exportList(
    [
      "API_ERROR_BRAND",
      "CATALOG_ID",
      "isApiError",
      "isHttpError",
      "isMalformedResponseError",
      "isUnknownApiError",
      ...(declared.length > 0 ? ["categoryPrefixOf"] : []),
      ...model.common.flatMap((entry) => [entry.guardName, ...entry.aliases.map((alias) => alias.guardName)]),
      ...model.categories.map((category) => category.guardName),
    ],
    "./guards.js",
  );
  exportList(
    [
      "type HeadersLike",
      "HttpError",
      "type HttpErrorInit",
      "type HttpFailure",
      "type HttpResponseLike",
      "type ErrorFromHttpOptions",
      "errorFromHttp",
    ],
    "./http.js",
  );
  exportList(
    [
      ...(declared.length > 0 ? ["type CategoryHandlers"] : []),
      "type CodeHandlers",
      "type ExhaustiveHandlers",
      "type MatchHandlers",
      "matchError",
      "type PartialHandlers",
      "type UnmatchedError",
    ],
    "./match.js",
  );
  exportList(["formatModuleMessage", "type ParsedModuleMessage", "parseModuleMessage"], "./messages.js");
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
      "type ResponseApiError",
      "type ResponseContext",
      "type UnknownCodeListener",
      "type WithModule",
    ],
    "./response.js",
  );
  exportList(["type RetryOptions", "type RetrySignal", "withRetry"], "./retry.js");
  writer.writeLine(
    importLine(
      [
        "CommonErrorInfo",
        "Deprecation",
        "ErrorFields",
        "Fault",
        "FieldValue",
        "Locale",
        "ModuleCode",
        "ModuleError",
        "ModuleErrorCodes",
        "ModuleErrorInfo",
        "ModuleErrorNames",
        "ModuleErrorOf",
        "ModuleName",
      ],
      "./types.js",
      true,
    ).replace(/^import/, "export"),
  );
  exportList(["type WireResponse"], "./wire.js");
  return finish(writer);
}

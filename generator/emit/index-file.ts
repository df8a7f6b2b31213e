import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import { moduleImport } from "./modules.js";
import { createWriter, finish, importLine } from "./writer.js";

/** `index.ts`: the one module users import; re-exports only, so bundlers keep just what is used. */
export function emitIndex(model: CatalogModel): string {
  const writer = createWriter(model);
  const exportList: ExportList = (names, from) => {
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
  writeCatalogExports(model, exportList);
  writeToolExports(writer, model, exportList);
  writeParserExports(writer, exportList);
  return finish(writer);
}

/** Writes `export { a, type B } from "./x.js";`, or `export type { … }` when every name is a type. */
type ExportList = (names: readonly string[], from: string) => void;

/** The classes, guards and tables of the catalog's codes. */
function writeCatalogExports(model: CatalogModel, exportList: ExportList): void {
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
}

/** The HTTP client, matching, messages and modules. */
function writeToolExports(writer: ReturnType<typeof createWriter>, model: CatalogModel, exportList: ExportList): void {
  const declared = model.categories.filter((category) => category.declared);
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
}

/** The body parser, retries, the shared types and the wire format. */
function writeParserExports(writer: ReturnType<typeof createWriter>, exportList: ExportList): void {
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
}

import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import { createWriter, finish, importLine } from "./writer.js";

/**
 * `index.ts`: the lean entry; re-exports only, so bundlers keep just what is used. It imports no
 * module's file: a module's table is opted into by importing it, and `all.ts` imports every one.
 */
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
  writeToolExports(model, exportList);
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
  exportList(["DEFAULT_LOCALE", "type Description", "describe", "describeModuleCode", "LOCALES"], "./describe.js");
  const declared = model.categories.filter((category) => category.declared);
  exportList(
    [
      ...(declared.length > 0 ? ["type CategoryApiError", "type CategoryErrorClasses"] : []),
      "type CommonErrorClasses",
      "type CommonErrorClassesByCode",
      "type KnownApiError",
      ...(model.common.length > 0 ? ["type ListedApiError", "type ListedError", "type ListedErrorClass"] : []),
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

/** The HTTP client, matching and messages. */
function writeToolExports(model: CatalogModel, exportList: ExportList): void {
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
}

/** The body parser, retries, the shared types and the wire format. */
function writeParserExports(writer: ReturnType<typeof createWriter>, exportList: ExportList): void {
  exportList(
    [
      "createErrorParser",
      "type ErrorFromResponseOptions",
      "type ErrorParser",
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
        "ModuleOverride",
        "ModuleTable",
        "ModuleTexts",
      ],
      "./types.js",
      true,
    ).replace(/^import/, "export"),
  );
  exportList(["type WireResponse"], "./wire.js");
}

import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import { moduleImport } from "./modules.js";
import { createWriter, finish } from "./writer.js";

/** `index.ts`: the one module users import; re-exports only, so bundlers keep just what is used. */
export function emitIndex(model: CatalogModel): string {
  const writer = createWriter(model);
  const classes = model.common.map((entry) => entry.className);
  const guards = model.common.map((entry) => entry.guardName);
  writer.blankLine();
  writer.write(`export {
  ApiError,
  type ApiErrorInit,
  type ApiErrorMeta,
  MalformedResponseError,
  UnknownApiError,
} from "./api-error.js";
export { COMMON_ERRORS, CommonErrorCode, commonErrorInfo, isCommonErrorCode, SUCCESS_CODE } from "./common.js";
`);
  if (classes.length > 0) writeList(writer, classes, "./errors.js");
  writeList(
    writer,
    ["API_ERROR_BRAND", "CATALOG_ID", "isApiError", "isMalformedResponseError", "isUnknownApiError", ...guards],
    "./guards.js",
  );
  writer.write(`export { isModuleName, MODULES, type ModuleInfo, moduleErrorInfo } from "./modules.js";
`);
  for (const module of model.modules) {
    writer.writeLine(
      `export { ${module.constName}, ${module.enumName}, ${module.guardName} } from ${tsString(moduleImport(module))};`,
    );
  }
  writer.write(`export {
  type ErrorFromResponseOptions,
  errorFromResponse,
  type ParsedModuleMessage,
  parseModuleMessage,
} from "./response.js";
export type { CommonErrorInfo, Fault, ModuleError, ModuleErrorInfo, ModuleName } from "./types.js";
`);
  return finish(writer);
}

function writeList(writer: ReturnType<typeof createWriter>, names: readonly string[], from: string): void {
  writer.writeLine("export {");
  writer.indent(() => {
    for (const name of names) writer.writeLine(`${name},`);
  });
  writer.writeLine(`} from ${tsString(from)};`);
}

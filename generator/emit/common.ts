import type { CatalogModel, CommonCodeModel } from "../model.js";
import { tsString } from "./escape.js";
import { createWriter, finish, writeJsdoc } from "./writer.js";

/** `common.ts`: the common codes as an enum and as metadata, with their lookups. */
export function emitCommon(model: CatalogModel): string {
  const writer = createWriter(model);
  writer.blankLine();
  writer.writeLine(`import type { CommonErrorInfo } from "./types.js";`);
  writer.blankLine();
  writeJsdoc(writer, ["The code that means success."]);
  writer.writeLine(`export const SUCCESS_CODE = ${model.success};`);
  writer.blankLine();
  writeJsdoc(writer, [`The common error codes of ${model.title}, shared by every module.`]);
  writer.write("export enum CommonErrorCode").block(() => {
    for (const entry of model.common) {
      writeJsdoc(writer, codeDoc(entry), [`@see error-codes.md#${entry.anchor}`]);
      writer.writeLine(`${entry.name} = ${entry.code},`);
    }
  });
  writer.blankLine();
  writeJsdoc(writer, ["Every common error code with what the catalog says about it, ordered by code."]);
  writer.write("export const COMMON_ERRORS: readonly CommonErrorInfo[] = [").indent(() => {
    for (const entry of model.common) {
      writer.writeLine("{").indent(() => {
        writer.writeLine(`code: CommonErrorCode.${entry.name},`);
        writer.writeLine(`name: ${tsString(entry.name)},`);
        writer.writeLine(`type: ${tsString(entry.type)},`);
        writer.writeLine(`description: ${tsString(entry.description)},`);
        writer.writeLine(`fault: ${tsString(entry.fault)},`);
        writer.writeLine(`retryable: ${entry.retryable},`);
      });
      writer.writeLine("},");
    }
  });
  writer.writeLine("];");
  writer.blankLine();
  writer.write(`let infoByCode: ReadonlyMap<number, CommonErrorInfo> | undefined;

/**
 * Looks a common error code up: \`commonErrorInfo(error.code)?.retryable\`.
 * Returns \`undefined\` for a code the catalog does not list.
 */
export function commonErrorInfo(code: number): CommonErrorInfo | undefined {
  infoByCode ??= new Map(COMMON_ERRORS.map((info) => [info.code, info]));
  return infoByCode.get(code);
}

/** Whether \`value\` is one of the common error codes. */
export function isCommonErrorCode(value: unknown): value is CommonErrorCode {
  return typeof value === "number" && commonErrorInfo(value) !== undefined;
}
`);
  return finish(writer);
}

/** The JSDoc paragraphs of a common code: type and description, then how to handle it. */
export function codeDoc(entry: CommonCodeModel): string[] {
  return [
    `${entry.code} ${entry.type}`,
    entry.description,
    `Fault: ${entry.fault}. Retryable: ${entry.retryable ? "yes" : "no"}.`,
  ];
}

import type { CatalogModel } from "../model.js";
import { codeDoc } from "./common.js";
import { tsString } from "./escape.js";
import { createWriter, finish, writeJsdoc } from "./writer.js";

/** `errors.ts`: one class per common code, its code a literal type. */
export function emitErrors(model: CatalogModel): string {
  const writer = createWriter(model);
  writer.blankLine();
  writer.writeLine(`import { ApiError, type ApiErrorInit } from "./api-error.js";`);
  for (const entry of model.common) {
    writer.blankLine();
    writeJsdoc(writer, codeDoc(entry), [`@see error-codes.md#${entry.anchor}`]);
    writer.write(`export class ${entry.className} extends ApiError`).block(() => {
      writer.writeLine(`static readonly code = ${entry.code};`);
      writer.writeLine(`declare readonly code: ${entry.code};`);
      writer.blankLine();
      writer.write("constructor(init: ApiErrorInit = {})").block(() => {
        writer.writeLine("super(");
        writer.indent(() => {
          writer.writeLine("{");
          writer.indent(() => {
            writer.writeLine(`code: ${entry.code},`);
            writer.writeLine(`name: ${tsString(entry.className)},`);
            writer.writeLine(`type: ${tsString(entry.type)},`);
            writer.writeLine(`fault: ${tsString(entry.fault)},`);
            writer.writeLine(`retryable: ${entry.retryable},`);
          });
          writer.writeLine("},");
          writer.writeLine("init,");
        });
        writer.writeLine(");");
      });
    });
  }
  return finish(writer);
}

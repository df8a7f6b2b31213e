import type { CodeValue } from "../catalog.js";
import type { CatalogModel, CommonCodeModel } from "../model.js";
import { tsPropertyKey, tsString } from "./escape.js";
import {
  codeLiteral,
  codeType,
  createWriter,
  deprecatedTags,
  finish,
  type LineSink,
  mainText,
  writeEnum,
  writeJsdoc,
} from "./writer.js";

/** `common.ts`: the common codes as an enum and as metadata, with their lookups. */
export function emitCommon(model: CatalogModel): string {
  const writer = createWriter(model);
  const byCode = new Map(model.common.map((entry) => [entry.code, entry]));
  const replacement = (entry: CommonCodeModel) => {
    const by = entry.deprecated?.replacedBy;
    const target = by === undefined ? undefined : byCode.get(by);
    return target ? `CommonErrorCode.${target.name}` : undefined;
  };
  writer.blankLine();
  writer.writeLine(`import type { CommonErrorInfo } from "./types.js";`);
  writer.blankLine();
  if ("codes" in model.success) writeSuccessCodes(writer, model, model.success.codes);
  writeEnum(
    writer,
    model,
    "CommonErrorCode",
    [`The common error codes of ${mainText(model, model.title)}, shared by every module.`],
    model.common.flatMap((entry) => [
      {
        name: entry.name,
        value: entry.code,
        doc: codeDoc(model, entry),
        tags: [`@see error-codes.md#${entry.anchor}`, ...deprecatedTags(entry.deprecated, replacement(entry))],
      },
      ...entry.aliases.map((alias) => ({
        name: alias.name,
        value: entry.code,
        doc: [`Another name of {@link CommonErrorCode.${entry.name}}.`],
        tags: deprecatedTags(entry.deprecated, replacement(entry)),
      })),
    ]),
  );
  writer.blankLine();
  writeJsdoc(writer, ["Every common error code with what the catalog says about it, ordered by code."]);
  writer.write("export const COMMON_ERRORS: readonly CommonErrorInfo[] = [").indent(() => {
    for (const entry of model.common) {
      writer.writeLine("{").indent(() => {
        writer.writeLine(`code: ${codeLiteral(entry.code)},`);
        writer.writeLine(`name: ${tsString(entry.name)},`);
        writer.writeLine(`type: ${tsString(mainText(model, entry.type))},`);
        writer.writeLine(`description: ${tsString(mainText(model, entry.description))},`);
        writer.writeLine(`fault: ${tsString(entry.fault)},`);
        writer.writeLine(`retryable: ${entry.retryable},`);
        if (entry.httpStatus !== undefined) writer.writeLine(`httpStatus: ${entry.httpStatus},`);
        if (entry.aliases.length > 0) {
          writer.writeLine(`aliases: [${entry.aliases.map((alias) => tsString(alias.name)).join(", ")}],`);
        }
        if (entry.deprecated) writer.writeLine(`deprecated: ${deprecationLiteral(entry.deprecated)},`);
        writeTranslations(writer, model, (locale) => ({
          type: entry.type[locale],
          description: entry.description[locale],
        }));
      });
      writer.writeLine("},");
    }
  });
  writer.writeLine("];");
  writer.blankLine();
  writer.write(`let infoByCode: ReadonlyMap<${codeType(model)}, CommonErrorInfo> | undefined;

/**
 * Looks a common error code up: \`commonErrorInfo(error.code)?.retryable\`.
 * Returns \`undefined\` for a code the catalog does not list.
 */
export function commonErrorInfo(code: ${codeType(model)}): CommonErrorInfo | undefined {
  infoByCode ??= new Map(COMMON_ERRORS.map((info) => [info.code, info]));
  return infoByCode.get(code);
}

/** Whether \`value\` is one of the common error codes. */
export function isCommonErrorCode(value: unknown): value is CommonErrorCode {
  return typeof value === "${codeType(model)}" && commonErrorInfo(value) !== undefined;
}
`);
  return finish(writer);
}

/** `SUCCESS_CODE` for a single success code, and `SUCCESS_CODES` for every one. */
function writeSuccessCodes(
  writer: ReturnType<typeof createWriter>,
  model: CatalogModel,
  codes: readonly CodeValue[],
): void {
  const [only] = codes;
  if (codes.length === 1 && only !== undefined) {
    writeJsdoc(writer, ["The code that means success."]);
    writer.writeLine(`export const SUCCESS_CODE = ${codeLiteral(only)};`);
    writer.blankLine();
  }
  writeJsdoc(writer, ["Every code that means success."]);
  writer.writeLine(
    `export const SUCCESS_CODES: readonly ${codeType(model)}[] = [${codes.map(codeLiteral).join(", ")}];`,
  );
  writer.blankLine();
}

/** The JSDoc paragraphs of a common code: type and description, then how to handle it. */
export function codeDoc(model: CatalogModel, entry: CommonCodeModel): string[] {
  const type = mainText(model, entry.type);
  const title = type === String(entry.code) ? type : `${entry.code} ${type}`;
  return [
    title,
    mainText(model, entry.description),
    `Fault: ${entry.fault}. Retryable: ${entry.retryable ? "yes" : "no"}.${entry.httpStatus === undefined ? "" : ` HTTP status: ${entry.httpStatus}.`}`,
  ];
}

/** `{ reason: "...", replacedBy: 4401 }` */
export function deprecationLiteral(deprecated: { reason: string; replacedBy?: number | string }): string {
  const replaced = deprecated.replacedBy === undefined ? "" : `, replacedBy: ${codeLiteral(deprecated.replacedBy)}`;
  return `{ reason: ${tsString(deprecated.reason)}${replaced} }`;
}

/** The `translations` field of a metadata entry: the texts of every locale but the default. */
export function writeTranslations(
  writer: LineSink,
  model: CatalogModel,
  texts: (locale: string) => Record<string, string | undefined>,
): void {
  const others = model.locales.filter((locale) => locale !== model.defaultLocale);
  if (others.length === 0) return;
  writer.writeLine("translations: {").indent(() => {
    for (const locale of others) {
      const fields = Object.entries(texts(locale)).map(([key, value]) => `${key}: ${tsString(value ?? "")}`);
      writer.writeLine(`${tsPropertyKey(locale)}: { ${fields.join(", ")} },`);
    }
  });
  writer.writeLine("},");
}

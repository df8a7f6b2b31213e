import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import {
  codeLiteral,
  codeType,
  createWriter,
  deprecatedTags,
  finish,
  importLine,
  mainText,
  writeJsdoc,
} from "./writer.js";

/**
 * `guards.ts`: the brand and one guard per class. Guards check the brand and the code, never
 * `instanceof` alone, so errors from another copy of the module are recognised; they import
 * classes as types only, so a bundle that uses one guard carries nothing else.
 */
export function emitGuards(model: CatalogModel): string {
  const writer = createWriter(model);
  const classNames = model.common.map((entry) => entry.className);
  writer.blankLine();
  writer.writeLine(`import type { ApiError, MalformedResponseError, UnknownApiError } from "./api-error.js";`);
  writer.writeLine(`import type { HttpError } from "./http.js";`);
  if (classNames.length > 0) writer.writeLine(importLine(classNames, "./errors.js", true));
  writer.blankLine();
  writer.write(`/** The property that marks this catalog's errors; \`Symbol.for\` makes it the same in every copy. */
export const API_ERROR_BRAND: unique symbol = /* @__PURE__ */ Symbol.for("errcat.ApiError");

/** The brand's value: errors of other errcat catalogs carry another. */
export const CATALOG_ID = ${tsString(model.catalogId)};

/** Whether \`value\` is an error of this catalog, made by any copy of this module. */
export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { [API_ERROR_BRAND]?: unknown })[API_ERROR_BRAND] === CATALOG_ID
  );
}

/** Whether \`value\` is an {@link UnknownApiError}: a code the catalog does not list. */
export function isUnknownApiError(value: unknown): value is UnknownApiError {
  return isApiError(value) && value.name === "UnknownApiError";
}

/** Whether \`value\` is a {@link MalformedResponseError}: a body without a valid code. */
export function isMalformedResponseError(value: unknown): value is MalformedResponseError {
  return isApiError(value) && value.name === "MalformedResponseError";
}

/** Whether \`value\` is an {@link HttpError}: a response the catalog cannot name, or no response. */
export function isHttpError(value: unknown): value is HttpError {
  return isApiError(value) && value.name === "HttpError";
}
`);
  for (const entry of model.common) {
    const guards = [
      {
        name: entry.guardName,
        doc: `Whether \`value\` is a {@link ${entry.className}}: code ${entry.code}, ${mainText(model, entry.type)}.`,
      },
      ...entry.aliases.map((alias) => ({
        name: alias.guardName,
        doc: `Whether \`value\` is a {@link ${entry.className}}: code ${entry.code}, by its other name ${alias.name}.`,
      })),
    ];
    for (const guard of guards) {
      writer.blankLine();
      writeJsdoc(writer, [guard.doc], deprecatedTags(entry.deprecated));
      writer.write(`export function ${guard.name}(value: unknown): value is ${entry.className}`).block(() => {
        writer.writeLine(`return isApiError(value) && value.code === ${codeLiteral(entry.code)};`);
      });
    }
  }
  const declared = model.categories.filter((category) => category.declared);
  if (model.categories.length > 0) {
    writer.blankLine();
    writer.write(`/** The response's whole code: a module code arrives beside the common code its class stands for. */
function wholeCode(error: ApiError): ${codeType(model)} | undefined {
  const moduleCode = error.moduleError?.code;
  return typeof moduleCode === "string" ? moduleCode : error.code;
}
`);
    if (declared.length > 0) writeCategoryLookup(writer, model);
    for (const category of model.categories) {
      writer.blankLine();
      if (category.declared) {
        writeJsdoc(writer, [
          `Whether \`value\` is an error of the category ${mainText(model, category.type)}: a code starting with \`${category.prefix}\` and no longer prefix.`,
        ]);
        writer.write(`export function ${category.guardName}(value: unknown): value is ApiError`).block(() => {
          writer.writeLine(
            `return isApiError(value) && categoryPrefixOf(wholeCode(value)) === ${tsString(category.prefix)};`,
          );
        });
        continue;
      }
      const prefix = category.prefix;
      writeJsdoc(writer, [`Whether \`value\` is an error whose code is ${prefix} or starts with \`${prefix}.\`.`]);
      writer.write(`export function ${category.guardName}(value: unknown): value is ApiError`).block(() => {
        writer.writeLine("if (!isApiError(value)) return false;");
        writer.writeLine("const code = wholeCode(value);");
        writer.writeLine(
          `return code === ${tsString(prefix)} || (typeof code === "string" && code.startsWith(${tsString(`${prefix}.`)}));`,
        );
      });
    }
  }
  return finish(writer);
}

/** `categoryPrefixOf`: the declared category a code belongs to, by its longest prefix. */
function writeCategoryLookup(writer: ReturnType<typeof createWriter>, model: CatalogModel): void {
  const prefixes = model.categories
    .filter((category) => category.declared)
    .map((category) => category.prefix)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  writer.blankLine();
  writer.write(`/** The declared categories' prefixes, longest first. */
const CATEGORY_PREFIXES: readonly string[] = [${prefixes.map(tsString).join(", ")}];

/**
 * The prefix of the category a code belongs to: the longest it starts with, dotted codes by whole
 * segments (\`InvalidParameterValue.X\` is not under \`InvalidParameter\`), other codes by characters.
 */
export function categoryPrefixOf(code: ${codeType(model)} | undefined): string | undefined {
  if (code === undefined) return undefined;
  const text = String(code);
  const dotted = text.includes(".");
  return CATEGORY_PREFIXES.find((prefix) =>
    dotted ? text === prefix || text.startsWith(\`\${prefix}.\`) : text.startsWith(prefix),
  );
}
`);
}

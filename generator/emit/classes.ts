import type { CatalogModel } from "../model.js";
import { codeKey, codeType, createWriter, finish, importLine } from "./writer.js";

/** Globals that a class of the catalog may be named after: the language's error constructors. */
const SHADOWED_GLOBALS: ReadonlySet<string> = new Set([
  "AggregateError",
  "Error",
  "EvalError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "TypeError",
  "URIError",
]);

/**
 * A class named like a global (`SyntaxError`) is imported under another local name, so that the
 * file's own uses of the global keep meaning the global.
 */
function localName(className: string): string {
  return SHADOWED_GLOBALS.has(className) ? `${className}Class` : className;
}

/** `classes.ts`: the class of each code, and of each category, as one table each. */
export function emitClasses(model: CatalogModel): string {
  const writer = createWriter(model);
  const type = codeType(model);
  const declared = model.categories.filter((category) => category.declared);
  const names = [...model.common.map((entry) => entry.className), ...declared.map((category) => category.className)];
  writer.blankLine();
  writer.writeLine(`import type { ApiError, ApiErrorInit } from "./api-error.js";`);
  if (names.length > 0) {
    const imports = names.map((name) => (localName(name) === name ? name : `${name} as ${localName(name)}`));
    writer.writeLine(importLine(imports, "./errors.js"));
  }
  if (declared.length > 0) writer.writeLine(`import { categoryPrefixOf } from "./guards.js";`);
  writer.blankLine();
  writer.write(`/** A class of a listed code. */
export type CodeErrorClass = new (init?: ApiErrorInit) => ApiError;

/** A class of a category: its codes are not listed, so each error carries the one it came with. */
export type CategoryErrorClass = new (code: ${type}, init?: ApiErrorInit) => ApiError;

/**
 * The class of each common code, by code. Typed where it is read, not checked here: checking would
 * compare each class of the catalog with \`ApiError\`, member by member, for what the generator ensures.
 */
const ERROR_CLASSES = {
${model.common.map((entry) => `  ${codeKey(entry.code)}: ${localName(entry.className)},\n`).join("")}};

/** {@link ERROR_CLASSES} as what it holds. */
const CLASSES_BY_CODE = ERROR_CLASSES as unknown as Readonly<Record<${type}, CodeErrorClass>>;
`);
  if (declared.length > 0) {
    writer.write(`
/** The class of each declared category, by prefix. */
const CATEGORY_CLASSES: Readonly<Record<string, CategoryErrorClass>> = {
${declared.map((category) => `  ${codeKey(category.prefix)}: ${localName(category.className)},\n`).join("")}};
`);
  }
  if (model.moduleErrorsIn === "code" && type === "string") {
    writer.write(`
/** The class of a code: its own, or that of its longest dotted prefix that is a common code. */
export function errorClass(code: string): CodeErrorClass | undefined {
  for (let prefix = code; ; prefix = prefix.slice(0, prefix.lastIndexOf("."))) {
    if (Object.hasOwn(ERROR_CLASSES, prefix)) return CLASSES_BY_CODE[prefix];
    if (!prefix.includes(".")) return undefined;
  }
}
`);
  } else {
    writer.write(`
/** The class of a code the catalog lists. */
export function errorClass(code: ${type}): CodeErrorClass | undefined {
  return Object.hasOwn(ERROR_CLASSES, code) ? CLASSES_BY_CODE[code] : undefined;
}
`);
  }
  writer.write(`
/** Whether a code is one of the common codes itself. */
export function isListedCode(code: ${type}): boolean {
  return Object.hasOwn(ERROR_CLASSES, code);
}

/** The class of the category that covers a code the catalog does not list. */
export function categoryClass(${declared.length > 0 ? "code" : "_code"}: ${type}): CategoryErrorClass | undefined {
${
  declared.length > 0
    ? `  const prefix = categoryPrefixOf(code);
  return prefix === undefined ? undefined : CATEGORY_CLASSES[prefix];`
    : "  return undefined;"
}
}
`);
  return finish(writer);
}

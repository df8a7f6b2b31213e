import type { CatalogModel, CategoryModel, CommonCodeModel } from "../model.js";
import { codeDoc } from "./common.js";
import { tsString } from "./escape.js";
import {
  codeKey,
  codeLiteral,
  codeType,
  codeTypeKey,
  createWriter,
  deprecatedTags,
  finish,
  mainText,
  writeJsdoc,
} from "./writer.js";

/**
 * `errors.ts`: one class per common code, declared as a constant and a type, its code a literal
 * type, and the maps `matchError` and `errorFromCode` read.
 */
export function emitErrors(model: CatalogModel): string {
  const writer = createWriter(model);
  const byCode = new Map(model.common.map((entry) => [entry.code, entry]));
  const replacement = (entry: CommonCodeModel) => {
    const by = entry.deprecated?.replacedBy;
    return by === undefined ? undefined : byCode.get(by)?.className;
  };
  const declaredAny = model.categories.some((category) => category.declared);
  if (model.common.length > 0 || declaredAny) {
    writer.blankLine();
    const names = ["ApiError", "type ApiErrorInit", ...(model.common.length > 0 ? ["type ApiErrorMeta"] : [])];
    writer.writeLine(`import { ${names.join(", ")} } from "./api-error.js";`);
  }
  if (model.common.length > 0) writeListedBase(writer, model);
  for (const entry of model.common) {
    const code = codeLiteral(entry.code);
    writer.blankLine();
    writeJsdoc(writer, codeDoc(model, entry), [
      `@see error-codes.md#${entry.anchor}`,
      ...deprecatedTags(entry.deprecated, replacement(entry)),
    ]);
    writer.writeLine(
      `export const ${entry.className}: ListedErrorClass<${code}> = /* @__PURE__ */ listedClass(${code}, ${tsString(entry.className)});`,
    );
    // The type shares the constant's documentation; a deprecation marks its uses as a type too.
    const deprecated = deprecatedTags(entry.deprecated, replacement(entry));
    if (deprecated.length > 0) writeJsdoc(writer, [], deprecated);
    writer.writeLine(`export type ${entry.className} = ListedError<${code}>;`);
  }
  for (const category of model.categories.filter((each) => each.declared)) writeCategoryClass(writer, model, category);
  writer.blankLine();
  writeJsdoc(writer, ["The class of each common code, by name: the handlers `matchError` takes."]);
  writer.write("export interface CommonErrorClasses").block(() => {
    for (const entry of model.common) writer.writeLine(`${entry.name}: ${entry.className};`);
  });
  writer.blankLine();
  writeJsdoc(writer, ["The class of each common code, by code: what `errorFromCode` gives for it."]);
  writer.write("export interface CommonErrorClassesByCode").block(() => {
    for (const entry of model.common) writer.writeLine(`${codeTypeKey(entry.code)}: ${entry.className};`);
  });
  const declared = model.categories.filter((category) => category.declared);
  writer.blankLine();
  writeJsdoc(writer, ["Every class of a code the catalog lists: `known` is `true` on each, so it narrows by `code`."]);
  writer.writeLine(`export type KnownApiError =${unionOf(model.common.map((entry) => entry.className))};`);
  if (declared.length > 0) {
    writer.blankLine();
    writeJsdoc(writer, ["The class of each declared category, by category name: the handlers `matchError` takes."]);
    writer.write("export interface CategoryErrorClasses").block(() => {
      for (const category of declared) writer.writeLine(`${category.name}Category: ${category.className};`);
    });
    writer.blankLine();
    writeJsdoc(writer, ["Every category's class: codes a category covers that the catalog does not list."]);
    writer.writeLine(`export type CategoryApiError =${unionOf(declared.map((category) => category.className))};`);
  }
  return finish(writer);
}

/**
 * The table of what each listed code's class states, and the base class that reads it: a class is
 * its code and its types, so that thousands of classes cost a line each in a bundle.
 */
function writeListedBase(writer: ReturnType<typeof createWriter>, model: CatalogModel): void {
  const type = codeType(model);
  writer.blankLine();
  writeJsdoc(writer, ["What the class of each listed code states about itself, by code: a {@link ClassRow} each."]);
  writer.writeLine(`const CLASS_META: Readonly<Record<${type}, ClassRow>> = {`);
  writer.indent(() => {
    for (const entry of model.common) {
      const cells = [
        tsString(entry.className),
        tsString(mainText(model, entry.type)),
        tsString(entry.fault),
        String(entry.retryable),
        ...(entry.httpStatus === undefined && entry.category === undefined ? [] : [String(entry.httpStatus)]),
        ...(entry.category === undefined ? [] : [tsString(entry.category)]),
      ];
      // A key named like a member of \`Object.prototype\` (\`constructor\`, \`__proto__\`) takes that
      // member's type as its context, not the table's: its literals are kept by \`as const\`.
      const inherited = typeof entry.code === "string" && entry.code in Object.prototype;
      writer.writeLine(`${codeKey(entry.code)}: [${cells.join(", ")}]${inherited ? " as const" : ""},`);
    }
  });
  writer.writeLine("};");
  writer.blankLine();
  writer.write(`/**
 * What a listed code's class states besides its code, as a row: a tuple per code costs the compiler
 * less than an object per code, and a bundle fewer bytes.
 */
type ClassRow = readonly [
  name: string,
  type: string,
  fault: ApiErrorMeta["fault"],
  retryable: boolean,
  httpStatus?: number | undefined,
  category?: string,
];

/** Each class's whole metadata, made on its first error: construction then looks one entry up. */
const metaByCode = /* @__PURE__ */ new Map<${type}, ApiErrorMeta>();

/** A listed code's metadata, from its {@link ClassRow}. */
function listedMeta(code: ${type}): ApiErrorMeta {
  let meta = metaByCode.get(code);
  if (meta === undefined) {
    const [name, type, fault, retryable, httpStatus, category] = CLASS_META[code] as ClassRow;
    meta = { code, name, type, fault, retryable, known: true, httpStatus, category };
    metaByCode.set(code, meta);
  }
  return meta;
}

/**
 * An error of a code the catalog lists: each listed code's class extends \`ApiError\`, states its code,
 * and takes the rest from {@link CLASS_META}. Its constructor looks nothing up in the catalog's module
 * tables: \`new ${model.common[0]?.className}(init)\` takes what it is given.
 */
export interface ListedApiError extends ApiError {
  readonly code: ${type};
  readonly known: true;
}

/** An error of a listed code: a {@link ListedApiError} whose code is \`C\`. */
export interface ListedError<C extends ${type}> extends ListedApiError {
  readonly code: C;
}

/** The class of a listed code: \`new\` makes its error, and its static \`code\` is the code. */
export interface ListedErrorClass<C extends ${type}> {
  new (init?: ApiErrorInit): ListedError<C>;
  readonly code: C;
  readonly prototype: ListedError<C>;
}

/**
 * The key of each listed class's own name: computed, and typed \`string\` so that the compiler does not
 * read it as \`name\`, which it refuses on a static member (TS2699) under \`useDefineForClassFields: false\`.
 */
const NAME: string = "name";

/**
 * Makes the class of a listed code. Each class is declared through it as a constant, with a type of
 * the same name: a class declaration per code would make the compiler compare each class with
 * \`ApiError\`, member by member (about a quarter of tsc's time at 2,000 codes). It extends
 * \`ApiError\` itself: each class between an error and \`Error\` costs its construction a stack frame
 * to walk (about a sixth of \`errorFromResponse\`'s time). Making one has no effect a bundler must
 * keep, so that a bundler that drops pure annotations (rollup-plugin-esbuild's minifier) drops the
 * classes a bundle does not use.
 */
function listedClass<C extends ${type}>(code: C, name: string): ListedErrorClass<C> {
  // Its errors' code is \`C\`, which the compiler cannot see through a class expression: stated.
  return class extends ApiError {
    static readonly code = code;

    /** The class's name, as a declaration's: \`error.constructor.name\`, a debugger, a stack trace. */
    static get [NAME](): string {
      return name;
    }

    constructor(init: ApiErrorInit = {}) {
      super(listedMeta(code), init);
    }
  } as unknown as ListedErrorClass<C>;
}
`);
}

/** The class of the codes a declared category covers but the catalog does not list. */
function writeCategoryClass(
  writer: ReturnType<typeof createWriter>,
  model: CatalogModel,
  category: CategoryModel,
): void {
  const type = codeType(model);
  const meta = [
    "code",
    `name: ${tsString(category.className)}`,
    `type: ${tsString(mainText(model, category.type))}`,
    `fault: ${tsString(category.fault ?? "unknown")}`,
    `retryable: ${category.retryable ?? false}`,
    "known: false",
    ...((category.httpStatus ?? model.defaultHttpStatus) !== undefined
      ? [`httpStatus: ${category.httpStatus ?? model.defaultHttpStatus}`]
      : []),
    `category: ${tsString(category.prefix)}`,
  ];
  writer.blankLine();
  writeJsdoc(
    writer,
    [
      `A code of the category ${mainText(model, category.type)} (\`${category.prefix}\`) that the catalog does not list.`,
      mainText(model, category.description),
    ],
    [`@see error-codes.md#${category.anchor}`],
  );
  writer.write(`export class ${category.className} extends ApiError`).block(() => {
    writer.writeLine(`/** The prefix of the category's codes. */`);
    writer.writeLine(`static readonly prefix = ${tsString(category.prefix)};`);
    writer.writeLine(`declare readonly code: ${type};`);
    writer.writeLine("declare readonly known: false;");
    writer.blankLine();
    writer.write(`constructor(code: ${type}, init: ApiErrorInit = {})`).block(() => {
      writer.writeLine(`super({ ${meta.join(", ")} }, init);`);
    });
  });
}

/** ` A | B` after a type's `=`, one member a line past a few, ` never` for none. */
function unionOf(names: readonly string[]): string {
  if (names.length === 0) return " never";
  return names.length <= 4 ? ` ${names.join(" | ")}` : `\n${names.map((name) => `  | ${name}`).join("\n")}`;
}

import type { CatalogModel } from "../model.js";
import { createWriter, finish, importLine } from "./writer.js";

/** `match.ts`: exhaustive handling of the catalog's codes, checked by the compiler. */
export function emitMatch(model: CatalogModel): string {
  const writer = createWriter(model);
  const declared = model.categories.some((category) => category.declared);
  writer.blankLine();
  writer.writeLine(`import type { ApiError, MalformedResponseError, UnknownApiError } from "./api-error.js";`);
  writer.writeLine(`import { commonErrorInfo } from "./common.js";`);
  writer.writeLine(
    importLine(
      declared ? ["CategoryApiError", "CategoryErrorClasses", "CommonErrorClasses"] : ["CommonErrorClasses"],
      "./errors.js",
      true,
    ),
  );
  writer.writeLine(`import type { HttpError } from "./http.js";`);
  writer.blankLine();
  writer.write(`/** A handler for each common code, by name, given the error narrowed to its class. */
export type CodeHandlers<R> = { readonly [Name in keyof CommonErrorClasses]: (error: CommonErrorClasses[Name]) => R };

${
  declared
    ? `/** A handler for each category, by \`<Name>Category\`: codes it covers that the catalog does not list. */
export type CategoryHandlers<R> = {
  readonly [Name in keyof CategoryErrorClasses]?: (error: CategoryErrorClasses[Name]) => R;
};

`
    : ""
}/** What no code handler takes: an unknown code, a malformed body, an HTTP failure${declared ? ", a category's code" : ""}. */
export type UnmatchedError = UnknownApiError | MalformedResponseError | HttpError${declared ? " | CategoryApiError" : ""};

/** Every code handled, and \`unknown\` for the rest: adding a code to the catalog stops this compiling. */
export type ExhaustiveHandlers<R> = CodeHandlers<R> & ${declared ? "CategoryHandlers<R> & " : ""}{
  readonly unknown: (error: UnmatchedError) => R;
  readonly _?: (error: ApiError) => R;
};

/** Some codes handled, and \`_\` for every error not handled (\`unknown\`, when given, takes unmatched ones first). */
export type PartialHandlers<R> = Partial<CodeHandlers<R>> & ${declared ? "CategoryHandlers<R> & " : ""}{
  readonly _: (error: ApiError) => R;
  readonly unknown?: (error: UnmatchedError) => R;
};

/** What {@link matchError} takes. */
export type MatchHandlers<R> = PartialHandlers<R> | ExhaustiveHandlers<R>;

/**
 * Calls the handler for the error's code, with the error narrowed to its class${declared ? "; a category's code goes to\n * its `<Name>Category` handler when given" : ""}. An unknown code, a malformed body or an
 * \`HttpError\` never throws: it goes to \`unknown\`, else to \`_\`. Without \`_\`, every code needs a
 * handler, and leaving one out is a compiler error that names it: an exhaustive match is meant to
 * stop compiling when the catalog adds a code.
 *
 * @example
 * const wait = matchError(error, { QuotaExceeded: () => 1_000, _: () => 0 });
 */
export function matchError<R>(error: ApiError, handlers: MatchHandlers<R>): R;
export function matchError<R>(error: ApiError, handlers: PartialHandlers<R>): R;
// Last, so that a missing handler is reported against the exhaustive form, by its code's name.
export function matchError<R>(error: ApiError, handlers: ExhaustiveHandlers<R>): R;
export function matchError<R>(error: ApiError, handlers: MatchHandlers<R>): R {
  // Read by name: through \`unknown\`, so that the compiler does not compare each handler's class with \`ApiError\`.
  const table = handlers as unknown as Partial<Record<string, (error: ApiError) => R>>;
  const name = error.known && error.code !== undefined ? commonErrorInfo(error.code)?.name : undefined;
  const byCode = name === undefined ? undefined : table[name];
  if (byCode) return byCode(error);
  // A category's class is named <Name>CategoryError; its handler is <Name>Category.
  const byCategory = !error.known && error.category !== undefined ? table[error.name.replace(/Error$/, "")] : undefined;
  if (byCategory) return byCategory(error);
  const fallback = error.known ? (handlers._ ?? handlers.unknown) : (handlers.unknown ?? handlers._);
  if (fallback) return fallback(error as UnmatchedError);
  throw error;
}
`);
  return finish(writer);
}

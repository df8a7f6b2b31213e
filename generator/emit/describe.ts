import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import { codeType, createWriter, finish, moduleCodeType } from "./writer.js";

/** `describe.ts`: the catalog's texts in any of its locales. */
export function emitDescribe(model: CatalogModel): string {
  const writer = createWriter(model);
  const mixed = codeType(model) !== moduleCodeType(model);
  const code = mixed ? "number | string" : codeType(model);
  // With one code type the argument needs no narrowing; with two, each lookup takes its own.
  const narrow = (type: string, lookup: string) =>
    mixed ? `typeof code === "${type}" ? ${lookup} : undefined` : lookup;
  writer.blankLine();
  writer.write(`import { commonErrorInfo } from "./common.js";
import { moduleErrorInfo } from "./modules.js";
import type { Locale, ModuleName } from "./types.js";

/** The locale texts fall back to. */
export const DEFAULT_LOCALE: Locale = ${tsString(model.defaultLocale)};

/** Every locale of the catalog, the default first. */
export const LOCALES: readonly Locale[] = [${model.locales.map(tsString).join(", ")}];

/** A code's texts in one locale. */
export interface Description {
  /** The error type; common codes only. */
  readonly type?: string;
  readonly description: string;
}

/**
 * A code's texts in \`locale\`, falling back to the default locale; with \`module\`, a module code's.
 * \`undefined\` for a code the catalog does not list.
 *
 * @example
 * describe(code, locale)?.description
 */
export function describe(code: ${code}, locale: Locale = DEFAULT_LOCALE, module?: ModuleName): Description | undefined {
  if (module !== undefined) {
    const info = ${narrow(moduleCodeType(model), "moduleErrorInfo(module, code)")};
    if (!info) return undefined;
    return { description: info.translations?.[locale]?.description ?? info.description };
  }
  const info = ${narrow(codeType(model), "commonErrorInfo(code)")};
  if (!info) return undefined;
  const translated = info.translations?.[locale];
  return { type: translated?.type ?? info.type, description: translated?.description ?? info.description };
}
`);
  return finish(writer);
}

/** `match.ts`: exhaustive handling of the common codes, checked by the compiler. */

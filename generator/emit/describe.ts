import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import { codeType, createWriter, finish } from "./writer.js";

/** `describe.ts`: the catalog's texts in any of its locales. */
export function emitDescribe(model: CatalogModel): string {
  const writer = createWriter(model);
  const code = codeType(model);
  writer.blankLine();
  writer.write(`import { commonErrorInfo } from "./common.js";
import type { Locale, ModuleErrorInfo } from "./types.js";

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
 * A common code's texts in \`locale\`, falling back to the default locale; \`undefined\` for a code the
 * catalog does not list. The \`all\` entry's \`describe\` also takes a module, for a module code's text.
 *
 * @example
 * describe(code, locale)?.description
 */
export function describe(code: ${code}, locale: Locale = DEFAULT_LOCALE): Description | undefined {
  const info = commonErrorInfo(code);
  if (!info) return undefined;
  const translated = info.translations?.[locale];
  return { type: translated?.type ?? info.type, description: translated?.description ?? info.description };
}

/** A module code's text in \`locale\`, falling back to the default locale, from its entry in the module's list. */
export function describeModuleError(info: ModuleErrorInfo | undefined, locale: Locale = DEFAULT_LOCALE): Description | undefined {
  if (!info) return undefined;
  return { description: info.translations?.[locale]?.description ?? info.description };
}
`);
  return finish(writer);
}

/** `match.ts`: exhaustive handling of the common codes, checked by the compiler. */

import type { CatalogModel } from "../model.js";
import { commentText, tsString } from "./escape.js";
import { codeType, createWriter, finish } from "./writer.js";

/** `describe.ts`: the catalog's texts in any of its locales. */
export function emitDescribe(model: CatalogModel): string {
  const writer = createWriter(model);
  const code = codeType(model);
  const first = model.modules[0];
  const firstCode = first?.codes[0]?.code;
  const example =
    first === undefined || firstCode === undefined
      ? `"account", 100004`
      : `${commentText(JSON.stringify(first.id))}, ${commentText(JSON.stringify(firstCode))}`;
  writer.blankLine();
  writer.write(`import { commonErrorInfo } from "./common.js";
import type { Locale, ModuleTexts } from "./types.js";

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

/**
 * A module code's text from a locale's texts (\`MODULE_TEXTS\` of \`texts/<locale>.ts\`), falling back to
 * the default locale's; \`undefined\` for a code the module does not list.
 *
 * @example
 * // MODULE_TEXTS imported from texts/${commentText(model.defaultLocale)}
 * describeModuleCode(MODULE_TEXTS, ${example})?.description
 */
export function describeModuleCode(
  texts: ModuleTexts,
  module: string,
  code: number | string,
  fallback?: ModuleTexts,
): Description | undefined {
  for (const each of fallback === undefined ? [texts] : [texts, fallback]) {
    const byCode: Readonly<Record<string, string>> | undefined = Object.hasOwn(each, module)
      ? (each as Readonly<Record<string, Readonly<Record<string, string>>>>)[module]
      : undefined;
    if (byCode !== undefined && Object.hasOwn(byCode, code)) return { description: byCode[code] as string };
  }
  return undefined;
}
`);
  return finish(writer);
}

/** `match.ts`: exhaustive handling of the common codes, checked by the compiler. */

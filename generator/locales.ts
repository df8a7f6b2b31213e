import type { TextDocument } from "./catalog.js";
import type { Problem } from "./problems.js";
import type { ReadCatalog } from "./read.js";

/**
 * Every localized text (a map of locales) must give each declared locale and no other; the
 * default locale must be declared. Checked on the documents, before the model fills anything in.
 */
export function checkLocales(read: ReadCatalog): Problem[] {
  const { doc } = read;
  const problems: Problem[] = [];
  const declared = doc.locales ?? [doc.defaultLocale ?? "en"];
  if (doc.defaultLocale !== undefined && doc.locales !== undefined && !doc.locales.includes(doc.defaultLocale)) {
    problems.push({
      message: `the default locale ${doc.defaultLocale} is not one of the locales (${doc.locales.join(", ")})`,
      location: read.locate(read.file, "/defaultLocale"),
    });
  }
  const check = (file: string, pointer: string, text: TextDocument | undefined) => {
    if (text === undefined || typeof text === "string") return;
    const keys = Object.keys(text);
    const missing = declared.filter((locale) => !keys.includes(locale));
    if (missing.length > 0) {
      problems.push({
        message: `missing the locale${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (declared: ${declared.join(", ")})`,
        location: read.locate(file, pointer),
      });
    }
    for (const key of keys.filter((locale) => !declared.includes(locale))) {
      problems.push({
        message: `the locale ${key} is not declared in locales (${declared.join(", ")})`,
        location: read.locate(file, `${pointer}/${key}`),
      });
    }
  };
  check(read.file, "/title", doc.title);
  for (const [index, entry] of doc.common.entries()) {
    check(read.file, `/common/${index}/type`, entry.type);
    check(read.file, `/common/${index}/description`, entry.description);
  }
  for (const source of read.moduleSources) {
    for (const [moduleIndex, module] of source.modules.entries()) {
      const pointer = `${source.pointer}/${moduleIndex}`;
      check(source.file, `${pointer}/title`, module.title);
      for (const [index, entry] of module.codes.entries())
        check(source.file, `${pointer}/codes/${index}/description`, entry.description);
    }
  }
  return problems;
}

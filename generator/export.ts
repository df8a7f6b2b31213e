import type { CatalogModel, Localized } from "./model.js";

/**
 * The validated catalog as JSON, for consumers in other languages: every default filled in,
 * every name derived, codes ordered. A text is a string with one locale, a map with several.
 */
export function exportJson(model: CatalogModel): string {
  const text = (localized: Localized) =>
    model.locales.length === 1 ? (localized[model.defaultLocale] ?? "") : localized;
  const document = {
    format: 1,
    title: text(model.title),
    id: model.catalogId,
    locales: model.locales,
    defaultLocale: model.defaultLocale,
    success: "code" in model.success ? { code: model.success.code } : { absent: model.success.absent.join(".") },
    envelope: {
      code: model.envelope.code.join("."),
      message: model.envelope.message.join("."),
      requestId: model.envelope.requestId.join("."),
    },
    moduleErrorsIn: model.moduleErrorsIn,
    patterns:
      model.moduleErrorsIn === "message"
        ? model.patterns.map(({ name, regex, examples }) => ({ name, regex, examples }))
        : [],
    common: model.common.map((entry) => ({
      code: entry.code,
      name: entry.name,
      type: text(entry.type),
      description: text(entry.description),
      fault: entry.fault,
      retryable: entry.retryable,
      ...(entry.deprecated ? { deprecated: entry.deprecated } : {}),
    })),
    reserved: model.reserved.map((entry) => entry.code),
    modules: model.modules.map((module) => ({
      id: module.id,
      title: text(module.title),
      codes: module.codes.map((entry) => ({
        code: entry.code,
        name: entry.name,
        description: text(entry.description),
        ...(entry.deprecated ? { deprecated: entry.deprecated } : {}),
      })),
      reserved: module.reserved.map((entry) => entry.code),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

import { type CatalogModel, defined, type Localized, type ReservedModel } from "./model.js";

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
    success: successJson(model),
    envelope: {
      code: model.envelope.code.map((path) => path.join(".")),
      message: model.envelope.message.join("."),
      requestId: model.envelope.requestId.join("."),
      ...(model.envelope.requestIdHeader === undefined ? {} : { requestIdHeader: model.envelope.requestIdHeader }),
      ...(model.envelope.status === undefined ? {} : { status: model.envelope.status.join(".") }),
      fields: Object.fromEntries(model.envelope.fields.map((field) => [field.name, field.path.join(".")])),
    },
    ...(model.defaultHttpStatus === undefined ? {} : { defaultHttpStatus: model.defaultHttpStatus }),
    categories: model.categories
      .filter((category) => category.declared)
      .map((category) => ({
        prefix: category.prefix,
        name: category.name,
        guard: category.guardName,
        className: category.className,
        type: text(category.type),
        description: text(category.description),
        ...defined({ fault: category.fault, retryable: category.retryable, httpStatus: category.httpStatus }),
      })),
    moduleErrorsIn: model.moduleErrorsIn,
    patterns:
      model.moduleErrorsIn === "message"
        ? model.patterns.map(({ name, regex, format, examples }) => ({
            name,
            regex,
            ...defined({ format }),
            examples,
          }))
        : [],
    common: model.common.map((entry) => ({
      code: entry.code,
      name: entry.name,
      className: entry.className,
      guard: entry.guardName,
      ...(entry.aliases.length > 0 ? { aliases: entry.aliases.map((alias) => alias.name) } : {}),
      type: text(entry.type),
      description: text(entry.description),
      fault: entry.fault,
      retryable: entry.retryable,
      ...defined({ httpStatus: entry.httpStatus, category: entry.category }),
      ...(entry.deprecated ? { deprecated: entry.deprecated } : {}),
    })),
    reserved: model.reserved.map(reservedJson),
    modules: model.modules.map((module) => ({
      id: module.id,
      title: text(module.title),
      codes: module.codes.map((entry) => ({
        code: entry.code,
        name: entry.name,
        description: text(entry.description),
        ...defined({ fault: entry.fault, retryable: entry.retryable, httpStatus: entry.httpStatus }),
        ...(entry.deprecated ? { deprecated: entry.deprecated } : {}),
      })),
      reserved: module.reserved.map(reservedJson),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The success rule as the catalog writes it: `{ codes: [0] }`, `{ absent: "error" }`, `{ unless: { status: "Failure" } }`. */
function successJson(model: CatalogModel) {
  const rule = model.success;
  const fields = (matches: readonly { path: readonly string[]; value: unknown }[]) =>
    Object.fromEntries(matches.map((match) => [match.path.join("."), match.value]));
  if ("codes" in rule) return { codes: rule.codes };
  if ("absent" in rule) return { absent: rule.absent.join(".") };
  if ("when" in rule) return { when: fields(rule.when) };
  return { unless: fields(rule.unless) };
}

/** `1054`, `{ code: 1054, name: "OldBadField" }`, `{ from: 2000, to: 2999 }`. */
function reservedJson(entry: ReservedModel) {
  if ("from" in entry) return { from: entry.from, to: entry.to };
  return entry.name === undefined ? entry.code : { code: entry.code, name: entry.name };
}

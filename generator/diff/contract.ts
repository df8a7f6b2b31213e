import type { AliasModel, CategoryModel } from "../model.js";
import { show } from "../reporter.js";
import type { Findings } from "./compare.js";
import type { CatalogSide, RuleId } from "./rules.js";

/**
 * The parts of the contract beyond codes: declared categories (keyed by prefix), extra fields
 * (keyed by name) and the catalog's default HTTP status.
 */
export function diffContract(out: Findings, before: CatalogSide, after: CatalogSide): void {
  const [old, now] = [before.model, after.model];
  if (old.defaultHttpStatus !== now.defaultHttpStatus) {
    const status = (value: number | undefined) => (value === undefined ? "none" : String(value));
    out.add(
      "HTTP_STATUS_CHANGED",
      "catalog",
      [after, now.origin, "/defaultHttpStatus"],
      `the default HTTP status changed from ${status(old.defaultHttpStatus)} to ${status(now.defaultHttpStatus)}`,
    );
  }
  diffCategories(out, before, after);
  const fields = new Map(now.envelope.fields.map((field) => [field.name, field.path.join(".")]));
  for (const field of old.envelope.fields) {
    const path = fields.get(field.name);
    if (path === field.path.join(".")) continue;
    const message =
      path === undefined
        ? `the extra field ${field.name} was removed`
        : `the extra field ${field.name} now reads ${path}, not ${field.path.join(".")}`;
    out.add("FIELD_REMOVED", "catalog", [after, now.origin, "/envelope/fields"], message);
  }
  const known = new Set(old.envelope.fields.map((field) => field.name));
  for (const field of now.envelope.fields.filter((each) => !known.has(each.name))) {
    const message = `the extra field ${field.name} (${field.path.join(".")}) was added`;
    out.add("FIELD_ADDED", "catalog", [after, now.origin, `/envelope/fields/${field.name}`], message);
  }
}

function diffCategories(out: Findings, before: CatalogSide, after: CatalogSide): void {
  const declared = (side: CatalogSide) => side.model.categories.filter((category) => category.declared);
  const now = new Map(declared(after).map((category) => [category.prefix, category]));
  for (const old of declared(before)) {
    const current = now.get(old.prefix);
    const what = `category ${show(old.prefix)} (${old.name})`;
    if (!current) {
      out.add(
        "CATEGORY_DELETED",
        "catalog",
        [before, old.origin, "/prefix"],
        `${what} was deleted or its prefix changed`,
      );
      continue;
    }
    const changes = changedFields(old, current);
    if (changes.length > 0) {
      out.add("CATEGORY_CHANGED", "catalog", [after, current.origin], `${what} changed ${changes.join(", ")}`);
    }
  }
  const known = new Set(declared(before).map((category) => category.prefix));
  for (const category of declared(after).filter((each) => !known.has(each.prefix))) {
    const message = `category ${show(category.prefix)} (${category.name}) was added`;
    out.add("CATEGORY_ADDED", "catalog", [after, category.origin], message);
  }
}

/** `name from A to B`, `fault from client to server`, for the fields the generated code carries. */
function changedFields(old: CategoryModel, now: CategoryModel): string[] {
  const keys = ["name", "fault", "retryable", "httpStatus"] as const;
  return keys
    .filter((key) => old[key] !== now[key])
    .map((key) => `${key} from ${String(old[key] ?? "none")} to ${String(now[key] ?? "none")}`);
}

/** Aliases are enum members and guards: removing one removes exports. */
export function diffAliases(
  add: (id: RuleId, suffix: string, message: string) => void,
  what: string,
  old: readonly AliasModel[],
  now: readonly AliasModel[],
): void {
  const names = (aliases: readonly AliasModel[]) => new Set(aliases.map((alias) => alias.name));
  const [before, after] = [names(old), names(now)];
  for (const name of before)
    if (!after.has(name)) add("ALIAS_REMOVED", "/aliases", `the alias ${name} of ${what} was removed`);
  for (const name of after) if (!before.has(name)) add("ALIAS_ADDED", "/aliases", `${what} got the alias ${name}`);
}

import type { CatalogModel } from "./model.js";
import type { Problem } from "./problems.js";
import { type Locate, Reporter, show } from "./reporter.js";

/** Names that read as success: a failure named so invites `if (isOkError(e))` mistakes. */
const SUCCESS_WORDS =
  /^(?:No(?:Error|Errors|Err|Problem|Failure)|Ok|Okay|Success|Successful|Succeeded|Done|Passed|Fine|Normal)$/;

/**
 * What is valid but probably a mistake; reported, never refused. Today: an error code whose name
 * reads as its opposite (`NoError`, `Ok`, `Success` for a code that is not success).
 */
export function checkWarnings(model: CatalogModel, locate: Locate): Problem[] {
  const reporter = new Reporter(locate);
  for (const entry of model.common) {
    const names = [
      { name: entry.name, suffix: entry.derivedName ? "/code" : "/name" },
      ...entry.aliases.map((alias) => ({
        name: alias.name,
        suffix: alias.origin.pointer.slice(entry.origin.pointer.length),
      })),
    ];
    for (const { name, suffix } of names) {
      if (!SUCCESS_WORDS.test(name)) continue;
      reporter.report(
        entry.origin,
        suffix,
        `code ${show(entry.code)} is an error, but its name ${name} reads as success; name what went wrong`,
      );
    }
  }
  return reporter.problems;
}

/**
 * What is valid but worth changing, reported by `validate` and `generate` without failing them:
 * `schema/error-codes.yaml:1:1: the catalog has no id; …`.
 */
export function catalogWarnings(model: CatalogModel): Problem[] {
  if (model.catalogIdFrom === "id") return [...model.warnings];
  const file = model.sources[0] ?? "";
  const message =
    `the catalog has no id, so its errors are branded with its title ${JSON.stringify(model.catalogId)}: ` +
    "another catalog with that title would share the brand, and fixing a typo in the title would break clients. " +
    `Add a stable id, such as: id: ${suggestId(model.catalogId)}`;
  return [{ message, location: { file, line: 1, col: 1, pointer: "" } }, ...model.warnings];
}

/** A catalog id from a title or a package name: `Cloud API error codes` → `cloud-api-error-codes`. */
export function suggestId(from: string): string {
  const id = from
    .toLowerCase()
    .replace(/^@/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return id === "" ? "my-api" : id;
}

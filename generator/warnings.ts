import type { CatalogModel } from "./model.js";
import type { Problem } from "./problems.js";

/**
 * What is valid but worth changing, reported by `validate` and `generate` without failing them:
 * `schema/error-codes.yaml:1:1: the catalog has no id; …`.
 */
export function catalogWarnings(model: CatalogModel): Problem[] {
  if (model.catalogIdFrom === "id") return [];
  const file = model.sources[0] ?? "";
  const message =
    `the catalog has no id, so its errors are branded with its title ${JSON.stringify(model.catalogId)}: ` +
    "another catalog with that title would share the brand, and fixing a typo in the title would break clients. " +
    `Add a stable id, such as: id: ${suggestId(model.catalogId)}`;
  return [{ message, location: { file, line: 1, col: 1, pointer: "" } }];
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

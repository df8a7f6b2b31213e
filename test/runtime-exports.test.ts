/**
 * `RUNTIME_EXPORTS` (generator/names.ts) is a hand-kept list of the names the generated runtime
 * defines itself; validation refuses catalog names that would clash with them. This ties it to
 * what the emitters export: every exported name of every generated file, minus the names derived
 * from the catalog, is exactly that list, and the index and the all-modules entry re-export all of them.
 */
import { describe, expect, it } from "vitest";
import { render, validate } from "../generator/index.js";
import type { CatalogModel } from "../generator/model.js";
import { RUNTIME_EXPORTS } from "../generator/names.js";
import { DIALECT_CATALOGS } from "./helpers.js";

/** Top-level exported declarations of a TypeScript file. */
function declared(text: string): string[] {
  const pattern =
    /^export (?:declare )?(?:abstract )?(?:async )?(?:const|let|class|function|type|interface|enum) ([A-Za-z_$][\w$]*)/gm;
  return [...text.matchAll(pattern)].map((match) => match[1] ?? "");
}

/** The names `index.ts` re-exports: `export { A, type B } from "./x.js";`, `export type { C } from …`. */
function reexported(index: string): string[] {
  return [...index.matchAll(/^export (?:type )?\{([^}]*)\} from/gm)].flatMap((match) =>
    (match[1] ?? "")
      .split(",")
      .map((name) => name.trim().replace(/^type /, ""))
      .filter((name) => name !== ""),
  );
}

function derivedFromCatalog(model: CatalogModel): Set<string> {
  return new Set([
    ...model.common.flatMap((entry) => [
      entry.className,
      entry.guardName,
      ...entry.aliases.map((alias) => alias.guardName),
    ]),
    ...model.categories.filter((category) => category.declared).map((category) => category.className),
    ...model.modules.flatMap((module) => [module.enumName, module.guardName, module.constName, module.tableName]),
    ...model.categories.map((category) => category.guardName),
  ]);
}

const CATALOGS = DIALECT_CATALOGS;

/** What a catalog's generated index exports that the catalog did not name. */
function runtimeOf(catalog: string): { runtime: string[]; files: Map<string, string> } {
  const model = validate(catalog);
  const files = render(model);
  const derived = derivedFromCatalog(model);
  expect(derived.size).toBeGreaterThan(0);
  const names = [...reexported(files.get("index.ts") ?? ""), ...reexported(files.get("all.ts") ?? "")];
  return { runtime: [...new Set(names)].filter((name) => !derived.has(name)), files };
}

describe("RUNTIME_EXPORTS", () => {
  it.each(CATALOGS)("holds every runtime name the index of %s exports", (catalog) => {
    const { runtime } = runtimeOf(catalog);
    expect(runtime.filter((name) => !RUNTIME_EXPORTS.includes(name))).toEqual([]);
  });

  it("holds nothing that no index exports (SUCCESS_CODE only where success is a code)", () => {
    const seen = new Set(CATALOGS.flatMap((catalog) => runtimeOf(catalog).runtime));
    expect([...RUNTIME_EXPORTS].filter((name) => !seen.has(name))).toEqual([]);
  });

  it.each(CATALOGS)("names only what the files of %s declare", (catalog) => {
    const { runtime, files } = runtimeOf(catalog);
    const declaredNames = new Set(
      [...files].filter(([file]) => file.endsWith(".ts")).flatMap(([, text]) => declared(text)),
    );
    expect(runtime.filter((name) => !declaredNames.has(name))).toEqual([]);
  });
});

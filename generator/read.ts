import { dirname, join, resolve } from "node:path";
import { globSync } from "tinyglobby";
import type { CatalogDocument } from "./catalog.js";
import { type LoadedCatalog, loadCatalog } from "./load.js";
import type { ModuleSource } from "./model.js";
import { CatalogError, type Location, type Problem } from "./problems.js";
import { checkSchema } from "./schema.js";

/** A catalog and the files it includes, each schema-valid, with positions into all of them. */
export interface ReadCatalog {
  readonly file: string;
  readonly doc: CatalogDocument;
  /** The catalog's own modules, then each included file's, in sorted order. */
  readonly moduleSources: readonly ModuleSource[];
  /** Every file read, the catalog first, with the SHA-256 of the bytes parsed. */
  readonly inputs: readonly { readonly file: string; readonly sha256: string }[];
  /** Where a JSON pointer into one of the files starts. */
  locate(file: string, pointer: string): Location;
}

/**
 * Loads a catalog and its `include`s, checking each against the JSON Schema. Throws one
 * {@link CatalogError} with every problem of every file.
 */
export function readCatalog(file: string): ReadCatalog {
  const catalog = loadCatalog(file);
  // Keyed by absolute path, so `./a.yaml` and `a.yaml` are one file however they are spelled.
  const loaded = new Map<string, LoadedCatalog>([[resolve(file), catalog]]);
  const checked = checkSchema(catalog, "catalog");
  if (Array.isArray(checked)) throw new CatalogError(checked);
  const problems: Problem[] = [];
  const moduleSources: ModuleSource[] = [
    { file, modules: checked.moduleErrors?.modules ?? [], pointer: "/moduleErrors/modules" },
  ];
  for (const [index, pattern] of (checked.include ?? []).entries()) {
    const matches = includeMatches(file, pattern);
    if (matches.length === 0) {
      problems.push({
        message: `include ${JSON.stringify(pattern)} matches no file`,
        location: catalog.locate(`/include/${index}`),
      });
    }
    for (const included of matches) {
      if (resolve(included) === resolve(file)) {
        problems.push({
          message: `include ${JSON.stringify(pattern)} names the catalog itself`,
          location: catalog.locate(`/include/${index}`),
        });
        continue;
      }
      if (loaded.has(resolve(included))) continue;
      try {
        const source = loadCatalog(included);
        loaded.set(resolve(included), source);
        const document = checkSchema(source, "included");
        if (Array.isArray(document)) problems.push(...document);
        else moduleSources.push({ file: included, modules: document.modules, pointer: "/modules" });
      } catch (error) {
        if (!(error instanceof CatalogError)) throw error;
        problems.push(...error.problems);
      }
    }
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return {
    file,
    doc: checked,
    moduleSources,
    inputs: [...loaded.values()].map((source) => ({ file: source.file, sha256: source.sha256 ?? "" })),
    locate(at, pointer) {
      const source = loaded.get(resolve(at));
      return source ? source.locate(pointer) : { file: at, line: 1, col: 1, pointer };
    },
  };
}

/** The files an `include` glob of the catalog `file` matches, as paths joined to its folder, sorted. */
export function includeMatches(file: string, pattern: string): string[] {
  return globSync(pattern, { cwd: dirname(file), onlyFiles: true, expandDirectories: false })
    .sort()
    .map((match) => join(dirname(file), match));
}

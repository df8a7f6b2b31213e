import { dirname, join, resolve } from "node:path";
import { globSync } from "tinyglobby";
import type { CatalogDocument } from "./catalog.js";
import { type LoadedCatalog, loadCatalog } from "./load.js";
import type { ModuleSource } from "./model.js";
import { CatalogError, type Location, type Problem } from "./problems.js";
import { checkSchemaLeniently } from "./schema.js";

/** A catalog and the files it includes, each schema-valid, with positions into all of them. */
export interface ReadCatalog {
  readonly file: string;
  readonly doc: CatalogDocument;
  /** The catalog's own modules, then each included file's, in sorted order. */
  readonly moduleSources: readonly ModuleSource[];
  /**
   * Schema problems that did not stop the reading (unknown keys, set aside): reported together with
   * the semantic problems of the rest.
   */
  readonly problems: readonly Problem[];
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
  const lenient = checkSchemaLeniently(catalog, "catalog");
  const checked = lenient.doc;
  if (!checked) throw new CatalogError(lenient.problems);
  const problems: Problem[] = [];
  const setAside: Problem[] = [...lenient.problems];
  const moduleSources: ModuleSource[] = [
    { file, modules: checked.moduleErrors?.modules ?? [], pointer: "/moduleErrors/modules" },
  ];
  for (const [index, pattern] of (checked.include ?? []).entries()) {
    const matches = globSync(pattern, { cwd: dirname(file), onlyFiles: true, expandDirectories: false }).sort();
    if (matches.length === 0) {
      problems.push({
        message: `include ${JSON.stringify(pattern)} matches no file`,
        location: catalog.locate(`/include/${index}`),
      });
    }
    for (const match of matches) {
      const included = join(dirname(file), match);
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
        const document = checkSchemaLeniently(source, "included");
        if (!document.doc) problems.push(...document.problems);
        else {
          setAside.push(...document.problems);
          moduleSources.push({ file: included, modules: document.doc.modules, pointer: "/modules" });
        }
      } catch (error) {
        if (!(error instanceof CatalogError)) throw error;
        problems.push(...error.problems);
      }
    }
  }
  if (problems.length > 0) throw new CatalogError([...setAside, ...problems]);
  return {
    file,
    doc: checked,
    moduleSources,
    problems: setAside,
    locate(at, pointer) {
      const source = loaded.get(resolve(at));
      return source ? source.locate(pointer) : { file: at, line: 1, col: 1, pointer };
    },
  };
}

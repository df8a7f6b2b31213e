import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { globSync as GlobSync } from "tinyglobby";
import type { CatalogDocument, IncludedDocument } from "./catalog.js";
import { type LoadedCatalog, parseCatalogFile, readCatalogFile, reparseCatalogFile } from "./load.js";
import type { ModuleSource } from "./model.js";
import { CatalogError, type Location, type Problem } from "./problems.js";
import { checkSchemaLeniently, type LenientCheck } from "./schema.js";

let globSync: typeof GlobSync | undefined;

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
  /** Every file read, the catalog first, with the SHA-256 of the bytes parsed. */
  readonly inputs: readonly { readonly file: string; readonly sha256: string }[];
  /** Where a JSON pointer into one of the files starts. */
  locate(file: string, pointer: string): Location;
}

interface CheckedFile {
  readonly sha256: string;
  readonly source: LoadedCatalog;
  readonly checked: LenientCheck<CatalogDocument | IncludedDocument>;
}

/**
 * Files parsed and schema-checked by an earlier read, by kind and absolute path; a read given a
 * cache parses only the files whose bytes changed since (`generate --watch` keeps one).
 */
export type ReadCache = Map<string, CheckedFile>;

function loadChecked(file: string, kind: "catalog" | "included", cache: ReadCache | undefined): CheckedFile {
  const read = readCatalogFile(file);
  const key = `${kind}:${resolve(file)}`;
  const hit = cache?.get(key);
  if (hit && hit.sha256 === read.sha256 && hit.source.file === file) return hit;
  // An edit of the file last read reparses only the list item it is in, where it can.
  const edited = hit && hit.source.file === file ? reparseCatalogFile(hit.source, read) : undefined;
  // The stale tree goes before the new one is built: at 30,000 codes both at once cost the collector dearly.
  cache?.delete(key);
  // A watch (with a cache) keeps each whole tree to reparse edits against; a single run parses on two threads.
  const source = edited ?? parseCatalogFile(read, { threads: cache === undefined });
  const checked =
    kind === "catalog" ? checkSchemaLeniently(source, "catalog") : checkSchemaLeniently(source, "included");
  const entry = { sha256: read.sha256, source, checked };
  cache?.set(key, entry);
  return entry;
}

/**
 * Loads a catalog and its `include`s, checking each against the JSON Schema. Throws one
 * {@link CatalogError} with every problem of every file. With a `cache`, unchanged files are not
 * parsed again.
 */
export function readCatalog(file: string, cache?: ReadCache): ReadCatalog {
  const { source: catalog, checked: catalogChecked } = loadChecked(file, "catalog", cache);
  // Keyed by absolute path, so `./a.yaml` and `a.yaml` are one file however they are spelled.
  const loaded = new Map<string, LoadedCatalog>([[resolve(file), catalog]]);
  const lenient = catalogChecked;
  const checked = lenient.doc as CatalogDocument | undefined;
  if (!checked) throw new CatalogError(lenient.problems);
  const setAside: Problem[] = [...lenient.problems];
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
        const { source, checked: document } = loadChecked(included, "included", cache);
        loaded.set(resolve(included), source);
        if (!document.doc) problems.push(...document.problems);
        else {
          setAside.push(...document.problems);
          moduleSources.push({
            file: included,
            modules: (document.doc as IncludedDocument).modules,
            pointer: "/modules",
          });
        }
      } catch (error) {
        if (!(error instanceof CatalogError)) throw error;
        problems.push(...error.problems);
      }
    }
  }
  if (problems.length > 0) throw new CatalogError([...setAside, ...problems]);
  if (cache) forgetUnread(cache, loaded);
  return {
    file,
    doc: checked,
    moduleSources,
    problems: setAside,
    inputs: [...loaded.values()].map((source) => ({ file: source.file, sha256: source.sha256 ?? "" })),
    locate(at, pointer) {
      const source = loaded.get(resolve(at));
      return source ? source.locate(pointer) : { file: at, line: 1, col: 1, pointer };
    },
  };
}

/** The files an `include` glob of the catalog `file` matches, as paths joined to its folder, sorted. */
export function includeMatches(file: string, pattern: string): string[] {
  // Loaded on first use: a catalog without `include` never pays for the globber.
  globSync ??= (createRequire(import.meta.url)("tinyglobby") as { globSync: typeof GlobSync }).globSync;
  return globSync(pattern, { cwd: dirname(file), onlyFiles: true, expandDirectories: false })
    .sort()
    .map((match) => join(dirname(file), match));
}

/** Drops the cached files this read did not use: a file no longer included, a catalog renamed. */
function forgetUnread(cache: ReadCache, loaded: ReadonlyMap<string, LoadedCatalog>): void {
  for (const key of cache.keys()) if (!loaded.has(key.slice(key.indexOf(":") + 1))) cache.delete(key);
}

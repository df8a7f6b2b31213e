import { dirname, relative, resolve, sep } from "node:path";
import { type Drift, findDrift } from "./drift.js";
import { emitAll } from "./emit/index.js";
import { checkLocales } from "./locales.js";
import { buildModel, type CatalogModel } from "./model.js";
import { CatalogError } from "./problems.js";
import { type ReadCatalog, readCatalog } from "./read.js";
import { checkSemantics } from "./validate.js";
import {
  checkOutputFolder,
  type FileOps,
  MANIFEST_FILE,
  manifestText,
  type WriteResult,
  writeOutput,
} from "./write.js";

export const DEFAULT_SCHEMA = "schema/error-codes.yaml";
export const DEFAULT_OUT = "generated";

export interface GenerateOptions {
  /** The catalog file; default `schema/error-codes.yaml`. */
  readonly schema?: string;
  /** The output folder; default `generated`. */
  readonly out?: string;
  /** Compare with the output folder instead of writing. */
  readonly check?: boolean;
  /** File operations, for tests that inject failures. */
  readonly fs?: FileOps;
}

export type GenerateResult =
  | ({ readonly mode: "write"; readonly model: CatalogModel } & WriteResult)
  | { readonly mode: "check"; readonly model: CatalogModel; readonly drift: readonly Drift[] };

/**
 * Validates a catalog and reads it into the model. Throws a {@link CatalogError} listing every
 * problem, each as `file:line:col: message (at /pointer)`.
 */
export function validate(schema: string = DEFAULT_SCHEMA, out: string = DEFAULT_OUT): CatalogModel {
  return modelOf(readCatalog(schema), schema, out);
}

function modelOf(read: ReadCatalog, schema: string, out: string): CatalogModel {
  const model = buildModel(read.doc, read.file, read.moduleSources, sourcePath(schema, out));
  const problems = [...checkLocales(read), ...checkSemantics(model, read.locate)];
  if (problems.length > 0) throw new CatalogError(problems);
  return model;
}

/** The files a catalog produces, by path inside the output folder, the manifest included. */
export function render(model: CatalogModel): Map<string, string> {
  const files = emitAll(model);
  files.set(MANIFEST_FILE, manifestText(model.sourcePath, files.keys()));
  return files;
}

/**
 * Generates the output folder from a catalog, all files or none; with `check`, reports drift instead.
 *
 * @example
 * const result = generate({ schema: "schema/error-codes.yaml", out: "generated", check: true });
 * if (result.mode === "check" && result.drift.length > 0) process.exitCode = 1;
 */
export function generate(options: GenerateOptions = {}): GenerateResult {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const out = options.out ?? DEFAULT_OUT;
  return produce(validate(schema, out), schema, out, options);
}

function produce(model: CatalogModel, schema: string, out: string, options: GenerateOptions): GenerateResult {
  const files = render(model);
  if (options.check) return { mode: "check", model, drift: findDrift(out, files, options.fs) };
  checkOutputFolder(out, schema, options.fs);
  return { mode: "write", model, ...writeOutput(out, files, options.fs) };
}

/** The catalog's path relative to the output folder's parent, with POSIX separators. */
function sourcePath(schema: string, out: string): string {
  return relative(dirname(resolve(out)), resolve(schema))
    .split(sep)
    .join("/");
}

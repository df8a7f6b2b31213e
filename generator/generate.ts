import * as nodeFs from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { type Drift, findDrift } from "./drift.js";
import { emitAll } from "./emit/index.js";
import type { ModulePieces } from "./emit/pieces.js";
import { fingerprintOf, matchesFingerprint, type OutputHashes } from "./fingerprint.js";
import { checkLocales } from "./locales.js";
import { buildModel, type CatalogModel } from "./model.js";
import { CatalogError, type Problem } from "./problems.js";
import { type ReadCache, type ReadCatalog, readCatalog } from "./read.js";
import type { Locate } from "./reporter.js";
import { StagingError, StagingThread } from "./staging-thread.js";
import { checkSemantics } from "./validate.js";
import { checkWarnings } from "./warnings.js";
import {
  checkOutputFolder,
  commitStaged,
  encoded,
  type FileContent,
  type FileOps,
  MANIFEST_FILE,
  manifestText,
  orphansOf,
  rollBack,
  sameBytes,
  stageFile,
  stagingSuffix,
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
  | {
      readonly mode: "check";
      /** `hashes`: the manifest's hashes all matched, nothing was emitted (and there is no model). */
      readonly by: "hashes" | "comparison";
      readonly model: CatalogModel | undefined;
      readonly drift: readonly Drift[];
    };

/** A catalog read, checked and modelled, with a way to point into its files. */
export interface LoadedModel {
  readonly model: CatalogModel;
  readonly read: ReadCatalog;
  readonly locate: Locate;
}

export interface LoadModelOptions {
  /** The catalog path generated headers name; default: relative to the project root. */
  readonly sourcePath?: string;
  /** How messages name a file (`diff --against` names files `REF:path`); default: as given. */
  readonly label?: (file: string) => string;
  /** Files parsed by an earlier run, reused while unchanged (`generate --watch`). */
  readonly cache?: ReadCache;
}

/**
 * The one pipeline every command starts with: reads a catalog and its includes (load and schema
 * check), checks locales and semantics, and builds the model. Throws a {@link CatalogError} listing
 * every problem, each as `file:line:col: message (at /pointer)`.
 */
export function loadModel(schema: string, options: LoadModelOptions = {}): LoadedModel {
  const label = options.label ?? ((file: string) => file);
  const relabel = (problems: readonly Problem[]) =>
    problems.map((problem) => ({ ...problem, location: { ...problem.location, file: label(problem.location.file) } }));
  try {
    const read = readCatalog(schema, options.cache);
    const locate: Locate = (at, pointer) => ({ ...read.locate(at, pointer), file: label(at) });
    const model = buildModel(read.doc, read.file, read.moduleSources, options.sourcePath ?? sourcePath(schema));
    const problems = [...relabel([...read.problems, ...checkLocales(read)]), ...checkSemantics(model, locate)];
    if (problems.length > 0) throw new CatalogError(problems);
    return { model: { ...model, warnings: checkWarnings(model, locate) }, read, locate };
  } catch (error) {
    if (error instanceof CatalogError && options.label) throw new CatalogError(relabel(error.problems));
    throw error;
  }
}

/** Validates a catalog and reads it into the model; see {@link loadModel}. */
export function validate(schema: string = DEFAULT_SCHEMA): CatalogModel {
  return loadModel(schema).model;
}

/**
 * The files a catalog produces, by path inside the output folder, the manifest included;
 * `moduleText` may supply a module's file text (see `regenerate.ts`).
 */
export function render(
  model: CatalogModel,
  pieces?: ModulePieces,
  onFile?: (path: string, text: string) => void,
): Map<string, string> {
  const files = emitAll(model, pieces, onFile);
  files.set(MANIFEST_FILE, manifestText(model.sourcePath, files.keys()));
  return files;
}

/**
 * Generates the output folder from a catalog, all files or none; with `check`, reports drift instead.
 * A check whose manifest hashes all match skips reading the catalog and emitting.
 *
 * @example
 * const result = generate({ schema: "schema/error-codes.yaml", out: "generated", check: true });
 * if (result.mode === "check" && result.drift.length > 0) process.exitCode = 1;
 */
export function generate(options: GenerateOptions = {}): GenerateResult {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const out = options.out ?? DEFAULT_OUT;
  if (options.check && matchesFingerprint(out, schema, sourcePath(schema), options.fs)) {
    return { mode: "check", by: "hashes", model: undefined, drift: [] };
  }
  // Started first, so that the thread is up by the time the first file is emitted. A check's thread
  // compares each file with the disk while the rest is emitted, and writes nothing.
  const thread = options.fs !== undefined ? undefined : StagingThread.start(out, stagingSuffix(), options.check);
  try {
    const { model, sources } = loadForOutput(schema);
    if (options.check) {
      const files = render(model, undefined, thread && ((file, text) => thread.stage(file, text)));
      const same = thread ? new Set(thread.finish().unchanged) : undefined;
      return { mode: "check", by: "comparison", model, drift: findDrift(out, files, options.fs, same) };
    }
    checkOutputFolder(out, schema, options.fs);
    if (thread) return { mode: "write", model, ...writeStaged(thread, model, sources, { schema, out }) };
    const files = render(model);
    // Each file encoded once: its hash and its write read the same bytes.
    const bytes = new Map([...files].map(([file, text]) => [file, encoded(text)]));
    return {
      mode: "write",
      model,
      ...writeOutput(out, withHashes(bytes, model, sources, { schema, out }), options.fs),
    };
  } finally {
    thread?.close();
  }
}

/**
 * Emits the output while a second thread stages each file as it comes; then writes the manifest with
 * the hashes the thread took, and puts everything in place as {@link writeOutput} does.
 */
function writeStaged(
  thread: StagingThread,
  model: CatalogModel,
  sources: Sources,
  paths: { readonly schema: string; readonly out: string },
): WriteResult {
  const { out } = paths;
  const suffix = stagingSuffix();
  let staged: readonly string[] = [];
  let output: { files: Map<string, string>; unchanged: string[] };
  try {
    const files = render(model, undefined, (file, text) => thread.stage(file, text));
    const done = thread.finish();
    staged = done.staged;
    const fingerprint = fingerprintOf({ ...paths, sourcePath: model.sourcePath, ...sources, files }, done.hashes);
    const manifest = manifestText(model.sourcePath, files.keys(), fingerprint);
    const manifestPath = join(out, MANIFEST_FILE);
    output = { files, unchanged: [...done.unchanged] };
    if (sameBytes(manifestPath, manifest)) output.unchanged.push(MANIFEST_FILE);
    else {
      stageFile(manifestPath, manifest, suffix);
      staged = [...staged, MANIFEST_FILE];
    }
  } catch (error) {
    // What was staged before the failure is removed; nothing was put in place.
    const listed = error instanceof StagingError ? error.staged : staged;
    rollBack(out, suffix, { staged: [...listed], movedAside: [], placed: [] });
    throw error;
  }
  const orphans = orphansOf(out, [...output.files.keys(), MANIFEST_FILE]);
  return commitStaged(out, { staged, unchanged: output.unchanged, orphans, suffix });
}

/** What the manifest's hashes need from a read, besides the model. */
export interface Sources {
  readonly include: readonly string[];
  readonly inputs: ReadCatalog["inputs"];
}

/**
 * The model and what the manifest records of its inputs, and nothing else: the parsed YAML trees
 * (kept to locate problems) become garbage before emitting, which at 30,000 codes saves the
 * collector from tracing them again and again.
 */
export function loadForOutput(schema: string): { model: CatalogModel; sources: Sources } {
  const { model, read } = loadModel(schema);
  return { model, sources: { include: read.doc.include ?? [], inputs: read.inputs } };
}

/** The files to write, the manifest carrying the hashes of this run's inputs and outputs. */
export function withHashes(
  files: ReadonlyMap<string, FileContent>,
  model: CatalogModel,
  sources: Sources,
  paths: { readonly schema: string; readonly out: string },
  known?: OutputHashes,
): Map<string, FileContent> {
  const fingerprint = fingerprintOf({ ...paths, sourcePath: model.sourcePath, ...sources, files }, known);
  const result = new Map(files);
  if (fingerprint) result.set(MANIFEST_FILE, manifestText(model.sourcePath, files.keys(), fingerprint));
  return result;
}

/**
 * The catalog's path as people read it: relative to the project root (the nearest folder above the
 * catalog holding a `package.json`, else the current folder), with POSIX separators.
 */
export function sourcePath(schema: string, fs: Pick<FileOps, "existsSync"> = nodeFs): string {
  const file = resolve(schema);
  let root = dirname(file);
  while (!fs.existsSync(resolve(root, "package.json"))) {
    const parent = dirname(root);
    if (parent === root) {
      root = process.cwd();
      break;
    }
    root = parent;
  }
  return relative(root, file).split(sep).join("/");
}

import { createHash } from "node:crypto";
import * as nodeFs from "node:fs";
import { relative, resolve, sep } from "node:path";
import { includeMatches } from "./read.js";
import { type FileContent, type FileOps, listFiles, MANIFEST_FILE } from "./write.js";

/**
 * What the manifest records so that `generate --check` can tell, without parsing or emitting, that
 * the output folder is what errcat would write: a hash of every input and of every output.
 */
export interface Fingerprint {
  /** The hash of errcat's built code, taken at build time: the version alone stays while emitters change. */
  readonly errcat: string;
  /** The hash of the options: the catalog's path from the output folder and the path headers name. */
  readonly options: string;
  /** The catalog's `include` globs, matched again to see a file added or removed. */
  readonly include: readonly string[];
  /** Each file read (the catalog first), by its path from the output folder, to the SHA-256 of its bytes. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Each output file but the manifest, to the SHA-256 of its text. */
  readonly outputs: Readonly<Record<string, string>>;
}

let built: { hash: string | undefined } | undefined;

/**
 * The hash the build wrote beside the compiled code (`dist/build-hash.json`); undefined when errcat
 * runs from its sources, where no hash is recorded and `--check` always compares.
 */
export function buildHash(): string | undefined {
  if (!built) {
    try {
      const text = nodeFs.readFileSync(new URL("./build-hash.json", import.meta.url), "utf8");
      const hash = (JSON.parse(text) as { sha256?: unknown }).sha256;
      built = { hash: typeof hash === "string" ? hash : undefined };
    } catch {
      built = { hash: undefined };
    }
  }
  return built.hash;
}

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A path from the output folder, with POSIX separators: `../schema/error-codes.yaml`. */
function fromOut(out: string, file: string): string {
  return relative(resolve(out), resolve(file)).split(sep).join("/");
}

function optionsHash(out: string, schema: string, sourcePath: string): string {
  return sha256(JSON.stringify({ schema: fromOut(out, schema), sourcePath }));
}

export interface FingerprintInput {
  readonly out: string;
  readonly schema: string;
  readonly sourcePath: string;
  readonly include: readonly string[];
  readonly inputs: readonly { readonly file: string; readonly sha256: string }[];
  /** The output files, the manifest excluded. */
  readonly files: ReadonlyMap<string, FileContent>;
}

/** Output hashes by file, with the text hashed, so a watching process hashes only what changed. */
export type OutputHashes = Map<string, { readonly text: FileContent; readonly sha256: string }>;

/** The fingerprint of one run; undefined when errcat runs unbuilt and has no build hash. */
export function fingerprintOf(input: FingerprintInput, known?: OutputHashes): Fingerprint | undefined {
  const errcat = buildHash();
  if (errcat === undefined) return undefined;
  const outputs: Record<string, string> = {};
  for (const [file, text] of input.files) {
    if (file === MANIFEST_FILE) continue;
    const hit = known?.get(file);
    outputs[file] = hit?.text === text ? hit.sha256 : sha256(text);
    known?.set(file, { text, sha256: outputs[file] });
  }
  const inputs: Record<string, string> = {};
  for (const { file, sha256: hash } of input.inputs) inputs[fromOut(input.out, file)] = hash;
  return {
    errcat,
    options: optionsHash(input.out, input.schema, input.sourcePath),
    include: [...input.include],
    inputs,
    outputs,
  };
}

/** The fingerprint a manifest records, when it has a well-formed one. */
function recordedFingerprint(out: string, fs: FileOps): Fingerprint | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(resolve(out, MANIFEST_FILE)).toString("utf8")) as {
      hashes?: Fingerprint;
    };
    const hashes = manifest.hashes;
    if (typeof hashes !== "object" || hashes === null) return undefined;
    const { errcat, options, include, inputs, outputs } = hashes;
    const isRecord = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
    if (typeof errcat !== "string" || typeof options !== "string" || !Array.isArray(include)) return undefined;
    return isRecord(inputs) && isRecord(outputs) ? hashes : undefined;
  } catch {
    return undefined;
  }
}

function sameFileHashes(base: string, hashes: Readonly<Record<string, string>>, fs: FileOps): boolean {
  for (const [file, hash] of Object.entries(hashes)) {
    const path = resolve(base, file);
    if (!fs.existsSync(path) || sha256(fs.readFileSync(path)) !== hash) return false;
  }
  return true;
}

/**
 * Whether the output folder is exactly what errcat wrote from these very inputs: the same build,
 * options, catalog and included files (the globs matching the same files), and outputs byte for
 * byte, with no other file in the folder. Any doubt answers false, and `--check` compares in full.
 */
export function matchesFingerprint(out: string, schema: string, sourcePath: string, fs: FileOps = nodeFs): boolean {
  const recorded = recordedFingerprint(out, fs);
  const errcat = buildHash();
  if (!recorded || errcat === undefined || recorded.errcat !== errcat) return false;
  if (recorded.options !== optionsHash(out, schema, sourcePath)) return false;
  const catalog = fromOut(out, schema);
  const inputs = Object.keys(recorded.inputs);
  if (inputs[0] !== catalog || !sameFileHashes(out, recorded.inputs, fs)) return false;
  // The catalog is unchanged, so its globs are the recorded ones; they must still match the same files.
  const matched = new Set(recorded.include.flatMap((pattern) => includeMatches(schema, String(pattern))));
  const included = new Set([...matched].map((file) => fromOut(out, file)).filter((file) => file !== catalog));
  if (included.size !== inputs.length - 1 || !inputs.slice(1).every((file) => included.has(file))) return false;
  const expected = [...Object.keys(recorded.outputs), MANIFEST_FILE].sort();
  const onDisk = listFiles(out, fs);
  if (onDisk.length !== expected.length || onDisk.some((file, index) => file !== expected[index])) return false;
  return sameFileHashes(out, recorded.outputs, fs);
}

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export const ROOT = resolve(import.meta.dirname, "..");
export const BIN = join(ROOT, "dist/bin.js");

/** A fresh temporary folder, removed after the test file's tests by `cleanup`. */
const made: string[] = [];
export function tempDir(prefix = "errcat-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs the built CLI; returns its exit code and output. */
export function cli(args: readonly string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes a catalog into `dir` and returns its path. */
export function writeCatalog(dir: string, text: string, name = "catalog.yaml"): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Copies a fixture folder into a fresh temporary folder. */
export function copyToTemp(from: string): string {
  const dir = tempDir();
  cpSync(from, dir, { recursive: true });
  return dir;
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}

/** A small valid catalog; `extra` is appended at the top level. */
export function minimalCatalog(extra = ""): string {
  return `format: 1
title: Test API
success: 0
common:
  - { code: 4400, name: QuotaExceeded, type: Quota exceed, description: Too many requests., fault: client, retryable: true }
  - { code: 6000, name: InternalError, type: Internal error, description: The server failed., fault: server }
moduleErrors:
  modules:
    - name: account
      codes:
        - { code: 100004, name: IncorrectProjectId, description: incorrect projectId }
${extra}`;
}

/** Writes a rendered output (`render(model)`) into `out`, folders included; returns `out`. */
export function writeRendered(out: string, files: ReadonlyMap<string, string>): string {
  for (const [file, content] of files) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), content);
  }
  return out;
}

/** Bundles an output folder's `all.ts` with esbuild into a fresh file and imports it: a copy of its own. */
export async function bundleAndImport<T = Record<string, unknown>>(out: string): Promise<T> {
  const outfile = join(tempDir("errcat-bundle-"), "bundle.mjs");
  await build({ entryPoints: [join(out, "all.ts")], bundle: true, format: "esm", outfile, logLevel: "error" });
  return (await import(pathToFileURL(outfile).href)) as T;
}

/** The strict settings the README promises, for `tsc` on the command line. */
export const STRICT_TSC_FLAGS = [
  "--strict",
  "--exactOptionalPropertyTypes",
  "--noUncheckedIndexedAccess",
  "--verbatimModuleSyntax",
  "--isolatedModules",
  "--target",
  "ES2022",
  "--module",
  "nodenext",
  "--types",
  "",
] as const;

/**
 * Type-checks output folders' `all.ts` under the strict settings, all in one compiler run,
 * without any tsconfig; each folder needs a `package.json` with `type: module` above it, as
 * `nodenext` reads it.
 */
export function typecheckOutput(...outs: readonly string[]) {
  return typecheckOutputWith([], ...outs);
}

/** {@link typecheckOutput} with more compiler flags. */
export function typecheckOutputWith(flags: readonly string[], ...outs: readonly string[]) {
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const files = outs.map((out) => join(out, "all.ts"));
  const args = [tsc, "--ignoreConfig", "--noEmit", ...STRICT_TSC_FLAGS, ...flags, ...files];
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** The default catalog, every example and the PostgreSQL fixture: the catalogs tests run across dialects. */
export const DIALECT_CATALOGS = [
  "schema/error-codes.yaml",
  "examples/numeric/catalog.yaml",
  "examples/dotted/catalog.yaml",
  "examples/errcode/catalog.yaml",
  "examples/problem-details/catalog.yaml",
  "test/fixtures/apis/postgresql/catalog.yaml",
];

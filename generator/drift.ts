import * as nodeFs from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { createTwoFilesPatch as CreatePatch } from "diff";
import { type FileOps, listFiles, MANIFEST_FILE, manifestWithoutHashes, readManifest } from "./write.js";

let createTwoFilesPatch: typeof CreatePatch | undefined;

/** One way the output folder differs from what the catalog produces. */
export interface Drift {
  readonly file: string;
  /**
   * `changed`: different text; `missing`: not on disk; `orphan`: a file errcat wrote that the catalog
   * no longer produces (`generate` removes it); `foreign`: a file errcat did not write (`generate`
   * keeps it, so it must be moved out of the output folder by hand).
   */
  readonly kind: "changed" | "missing" | "orphan" | "foreign";
  /** A unified diff from the file on disk to the expected file; empty for a foreign file. */
  readonly diff: string;
}

/**
 * Compares the expected output with the folder; nothing is written. Files in `same` are known to
 * hold the expected bytes already (compared as they were emitted) and are not read again.
 */
export function findDrift(
  out: string,
  files: ReadonlyMap<string, string>,
  fs: FileOps = nodeFs,
  same: ReadonlySet<string> = new Set(),
): Drift[] {
  const drift: Drift[] = [];
  const onDisk = new Set(listFiles(out, fs));
  const written = new Set(readManifest(out, fs) ?? []);
  for (const [file, expected] of files) {
    if (!onDisk.has(file)) {
      drift.push({ file, kind: "missing", diff: patch(file, "", expected) });
      continue;
    }
    // Compared byte for byte already (by the staging thread, as it was emitted).
    if (same.has(file)) continue;
    const text = fs.readFileSync(join(out, file)).toString("utf8");
    const actual = file === MANIFEST_FILE ? manifestWithoutHashes(text) : text;
    if (actual !== expected) drift.push({ file, kind: "changed", diff: patch(file, actual, expected) });
  }
  for (const file of onDisk) {
    if (files.has(file)) continue;
    if (written.has(file)) drift.push({ file, kind: "orphan", diff: patch(file, readText(join(out, file), fs), "") });
    else drift.push({ file, kind: "foreign", diff: "" });
  }
  return drift.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function patch(file: string, actual: string, expected: string): string {
  // Loaded on first use: a run that finds no drift never pays for the differ.
  createTwoFilesPatch ??= (createRequire(import.meta.url)("diff") as { createTwoFilesPatch: typeof CreatePatch })
    .createTwoFilesPatch;
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, actual, expected, undefined, undefined, { context: 3 });
}

function readText(path: string, fs: FileOps): string {
  const bytes = fs.readFileSync(path);
  return bytes.includes(0) ? "(binary file)\n" : bytes.toString("utf8");
}

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

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

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, posix, relative, resolve, sep } from "node:path";
import { globSync } from "tinyglobby";
import { loadModel } from "../generate.js";
import { loadCatalog, MAX_CATALOG_BYTES } from "../load.js";
import { CatalogError } from "../problems.js";
import type { CatalogSide } from "./rules.js";

/** The old catalog cannot be read from git: no git, no repository, no such ref or file. A usage error. */
export class DiffSourceError extends Error {
  override readonly name = "DiffSourceError";
}

/**
 * Validates a catalog in the working tree, as `errcat validate` does, and keeps a way to point into
 * its files. Throws a {@link CatalogError} listing every problem.
 */
export function readCatalogSide(file: string): CatalogSide {
  return readLabelled(file, (at) => at);
}

/**
 * Validates `file` as it was at a git `ref`: the catalog and every file its `include` globs match
 * at that ref are copied into a temporary folder, in their layout, and read from there. Locations
 * name them `REF:FILE` (`origin/main:schema/error-codes.yaml`); `file` is relative to `cwd`.
 * Throws a {@link DiffSourceError} when git, the ref or the file is missing, a {@link CatalogError}
 * when the old catalog is invalid.
 *
 * @example
 * diffCatalogs(readCatalogAtRef("origin/main", "schema/error-codes.yaml"), readCatalogSide("schema/error-codes.yaml"))
 */
export function readCatalogAtRef(ref: string, file: string, options: { readonly cwd?: string } = {}): CatalogSide {
  const cwd = options.cwd ?? process.cwd();
  if (ref === "" || ref.startsWith("-")) throw new DiffSourceError(`${JSON.stringify(ref)} is not a git ref`);
  const root = gitText(cwd, ["rev-parse", "--show-toplevel"], () => `${cwd} is not inside a git repository`);
  const commit = gitText(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], () => missingRef(root, ref));
  const path = repoPath(root, resolve(cwd, file), file);
  const temp = mkdtempSync(join(tmpdir(), "errcat-diff-"));
  try {
    const catalog = join(temp, ...path.split("/"));
    writeBlob(root, commit, path, catalog, () => `${file} does not exist at ${ref}`);
    copyIncludes(root, commit, temp, path);
    const label = (at: string) =>
      at.startsWith(temp) ? `${ref}:${join(dirname(file), relative(dirname(catalog), at))}` : at;
    return readLabelled(catalog, label);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Reads and validates as every command does, naming every file by `label`. */
function readLabelled(file: string, label: (file: string) => string): CatalogSide {
  return loadModel(file, { label, sourcePath: label(file) });
}

/**
 * Copies the files the catalog's `include` globs match at the commit. The folders under each glob's
 * fixed prefix are laid out with empty files first, so that the globs match exactly as `read.ts`
 * matches them; only the matches get their content.
 */
function copyIncludes(root: string, commit: string, temp: string, path: string): void {
  const catalog = join(temp, ...path.split("/"));
  let include: unknown;
  try {
    include = (loadCatalog(catalog).data as { include?: unknown } | null)?.include;
  } catch (error) {
    if (error instanceof CatalogError) return; // reported when the catalog is read
    throw error;
  }
  if (!Array.isArray(include)) return;
  const globs = include.filter((glob): glob is string => typeof glob === "string" && glob !== "");
  for (const glob of globs) {
    const prefix = glob.split("/").findIndex((segment) => /[*?[\]{}()!+@\\]/.test(segment));
    const fixed = prefix === -1 ? glob : glob.split("/").slice(0, prefix).join("/");
    const folder = posix.normalize(posix.join(posix.dirname(path), fixed));
    if (folder === ".." || folder.startsWith("../")) continue; // outside the repository: matches nothing
    const args = ["--literal-pathspecs", "ls-tree", "-r", "-z", "--name-only", "--full-tree", commit, "--", folder];
    const listed = git(root, args, 1 << 26)
      .stdout.toString("utf8")
      .split("\0");
    for (const entry of listed.filter((name) => name !== "")) {
      const target = join(temp, ...entry.split("/"));
      if (existsSync(target)) continue;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, "");
    }
  }
  const copied = new Set([path]);
  for (const glob of globs) {
    for (const match of globSync(glob, { cwd: dirname(catalog), onlyFiles: true, expandDirectories: false })) {
      const entry = relative(temp, join(dirname(catalog), match))
        .split(sep)
        .join("/");
      if (copied.has(entry) || entry.startsWith("../")) continue;
      copied.add(entry);
      writeBlob(root, commit, entry, join(temp, ...entry.split("/")), () => `cannot read ${entry} at ${commit}`);
    }
  }
}

function writeBlob(root: string, commit: string, path: string, target: string, missing: () => string): void {
  const blob = git(root, ["cat-file", "blob", `${commit}:${path}`], MAX_CATALOG_BYTES + 1);
  if (!blob.ok) throw new DiffSourceError(missing());
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, blob.stdout);
}

/** The file's path from the repository root, with POSIX separators. */
function repoPath(root: string, absolute: string, file: string): string {
  const folder = existsSync(dirname(absolute)) ? realpathSync(dirname(absolute)) : dirname(absolute);
  const path = relative(realpathSync(root), join(folder, basename(absolute)));
  if (path === "" || path.startsWith("..")) throw new DiffSourceError(`${file} is outside the git repository ${root}`);
  return path.split(sep).join("/");
}

function missingRef(root: string, ref: string): string {
  const shallow = git(root, ["rev-parse", "--is-shallow-repository"]).stdout.toString("utf8").trim() === "true";
  const branch = /^origin\/(.+)$/.exec(ref)?.[1];
  const fetch = branch === undefined ? "git fetch --depth=50 origin" : `git fetch --depth=1 origin ${branch}`;
  if (!shallow) return `the git ref ${ref} does not exist here; check its spelling, or fetch it first: ${fetch}`;
  return (
    `the git ref ${ref} is not in this shallow clone, which holds only the latest commits; fetch it first ` +
    `(${fetch}), or check out the whole history (actions/checkout: fetch-depth: 0)`
  );
}

function gitText(cwd: string, args: readonly string[], failure: () => string): string {
  const result = git(cwd, args);
  if (!result.ok) throw new DiffSourceError(failure());
  return result.stdout.toString("utf8").trim();
}

function git(cwd: string, args: readonly string[], maxBuffer = 1 << 20): { ok: boolean; stdout: Buffer } {
  const result = spawnSync("git", args, { cwd, maxBuffer, encoding: "buffer", stdio: ["ignore", "pipe", "pipe"] });
  const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" && !existsSync(cwd)) throw new DiffSourceError(`${cwd} does not exist`);
  if (code === "ENOENT") throw new DiffSourceError("git was not found on the PATH; diff --against needs it");
  if (code === "ENOBUFS") throw new DiffSourceError(`git ${args.join(" ")} printed more than ${maxBuffer} bytes`);
  if (result.error) throw result.error;
  return { ok: result.status === 0, stdout: result.stdout };
}

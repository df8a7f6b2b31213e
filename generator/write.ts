import * as nodeFs from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, parse, relative, resolve, sep } from "node:path";

/** The file that lists what errcat wrote, so it removes its own orphans and never a user's file. */
export const MANIFEST_FILE = ".errcat-manifest.json";

/**
 * What `readFileSync` returns, as far as errcat reads it: bytes that decode as UTF-8. A Node
 * `Buffer` is one; spelled out so that the public types do not need `@types/node`.
 */
export interface FileBytes extends Uint8Array {
  toString(encoding?: "utf8"): string;
  equals(other: Uint8Array): boolean;
}

/** A file's content: text, or the same text already encoded as UTF-8. */
export type FileContent = string | Uint8Array;

/** The file operations the writer uses; tests pass a copy that fails at a chosen step. */
export interface FileOps {
  readFileSync(path: string): FileBytes;
  writeFileSync(path: string, data: FileContent): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  mkdirSync(path: string, options: { recursive: true }): unknown;
  rmdirSync(path: string): void;
  existsSync(path: string): boolean;
  readdirSync(path: string): string[];
  statSync(path: string): { isDirectory(): boolean };
}

/** Thrown for an output folder errcat must not write to; the CLI shows the message and exits 2. */
export class OutputFolderError extends Error {
  override readonly name = "OutputFolderError";
}

/**
 * The manifest's text for a set of output files; `hashes` (see `fingerprint.ts`) lets
 * `generate --check` skip emitting when nothing changed.
 */
export function manifestText(source: string, files: Iterable<string>, hashes?: object): string {
  const sorted = [...files].filter((file) => file !== MANIFEST_FILE).sort();
  return formattedJson({ generator: "errcat", source, files: sorted, ...(hashes ? { hashes } : {}) });
}

/**
 * JSON laid out as Biome's formatter lays it out by default (JSON has no comment that would exempt
 * a file from a consumer's formatter): tabs, objects one member a line, a list of strings on one
 * line when it fits in 80 columns (a tab counting 2), else one item a line.
 */
export function formattedJson(value: unknown): string {
  const print = (item: unknown, depth: number, prefix: number): string => {
    const inner = "\t".repeat(depth + 1);
    if (Array.isArray(item)) {
      const flat = `[${item.map((element) => JSON.stringify(element)).join(", ")}]`;
      if (item.length === 0 || prefix + flat.length + 1 <= 80) return flat;
      return `[\n${item.map((element) => `${inner}${JSON.stringify(element)}`).join(",\n")}\n${"\t".repeat(depth)}]`;
    }
    if (typeof item !== "object" || item === null) return JSON.stringify(item);
    const entries = Object.entries(item);
    if (entries.length === 0) return "{}";
    const members = entries.map(([key, member]) => {
      const head = `${JSON.stringify(key)}: `;
      return `${inner}${head}${print(member, depth + 1, 2 * (depth + 1) + head.length)}`;
    });
    return `{\n${members.join(",\n")}\n${"\t".repeat(depth)}}`;
  };
  return `${print(value, 0, 0)}\n`;
}

/**
 * A manifest's text without its hashes: they are a cache of what the inputs were, so the drift
 * check compares the rest (a new errcat build changes the hashes, not the output).
 */
export function manifestWithoutHashes(text: string): string {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !("hashes" in parsed)) return text;
    const { hashes: _, ...rest } = parsed as Record<string, unknown>;
    return formattedJson(rest);
  } catch {
    return text;
  }
}

/** The files a previous run wrote, as its manifest lists them; only plain relative paths inside `out`. */
export function readManifest(out: string, fs: FileOps = nodeFs): string[] | undefined {
  const path = join(out, MANIFEST_FILE);
  if (!fs.existsSync(path)) return undefined;
  try {
    const parsed = JSON.parse(fs.readFileSync(path).toString("utf8")) as { files?: unknown };
    if (!Array.isArray(parsed.files)) return [];
    return parsed.files.filter((file): file is string => typeof file === "string" && isInside(file));
  } catch {
    return [];
  }
}

function isInside(file: string): boolean {
  return file !== "" && !isAbsolute(file) && !file.split(/[\\/]/).some((part) => part === ".." || part === "");
}

/**
 * Refuses output folders where writing could destroy something: the filesystem root, the home
 * folder, a folder holding the catalog, or a non-empty folder that no errcat run wrote.
 */
export function checkOutputFolder(out: string, schemaFile: string, fs: FileOps = nodeFs): void {
  const target = resolve(out);
  const schemaDir = dirname(resolve(schemaFile));
  if (parse(target).root === target) throw new OutputFolderError(`refusing to write to the filesystem root ${target}`);
  if (target === resolve(homedir())) throw new OutputFolderError(`refusing to write to the home folder ${target}`);
  if (schemaDir === target || schemaDir.startsWith(target + sep)) {
    throw new OutputFolderError(`refusing to write to ${out}: it holds the catalog ${schemaFile}`);
  }
  if (!fs.existsSync(target)) return;
  if (!fs.statSync(target).isDirectory()) throw new OutputFolderError(`${out} is not a folder`);
  if (fs.readdirSync(target).length > 0 && !fs.existsSync(join(target, MANIFEST_FILE))) {
    throw new OutputFolderError(
      `refusing to write to ${out}: the folder is not empty and holds no ${MANIFEST_FILE}, so errcat did not write it`,
    );
  }
}

export interface WriteResult {
  readonly written: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: readonly string[];
}

/**
 * Writes the output all or nothing: every changed file is staged under a temporary name, then the
 * old files are moved aside and the new ones renamed into place. A failure at any step puts the
 * previous files back, byte for byte. Removes only orphans the previous manifest lists. `written`
 * is what this process wrote before, whose files are trusted to be unchanged when they exist.
 */
export function writeOutput(
  out: string,
  files: ReadonlyMap<string, FileContent>,
  fs: FileOps = nodeFs,
  written?: ReadonlyMap<string, FileContent>,
): WriteResult {
  const orphans = orphansOf(out, files.keys(), fs);
  const suffix = stagingSuffix();
  const staged: string[] = [];
  const unchanged: string[] = [];
  try {
    for (const [file, content] of files) {
      const path = join(out, file);
      // `written`: what this process wrote last time (`--watch`); the same text need not be read back.
      const same = written?.get(file) === content ? fs.existsSync(path) : sameBytes(path, content, fs);
      if (same) {
        unchanged.push(file);
        continue;
      }
      stageFile(path, content, suffix, fs);
      staged.push(file);
    }
  } catch (error) {
    rollBack(out, suffix, { staged, movedAside: [], placed: [] }, fs);
    throw error;
  }
  return commitStaged(out, { staged, unchanged, orphans, suffix }, fs);
}

/** The suffix of this process's staged (`.new`) and moved-aside (`.old`) files. */
export function stagingSuffix(): string {
  return `.errcat-${process.pid}`;
}

/** Writes a file's new content beside it, under the staging suffix, making its folder. */
export function stageFile(path: string, content: FileContent, suffix: string, fs: FileOps = nodeFs): void {
  fs.mkdirSync(dirname(path), { recursive: true });
  fs.writeFileSync(`${path}${suffix}.new`, content);
}

/** The files the previous manifest lists that this run does not write and that still exist. */
export function orphansOf(out: string, files: Iterable<string>, fs: FileOps = nodeFs): string[] {
  const wanted = new Set(files);
  const previous = readManifest(out, fs) ?? [];
  return previous.filter((file) => !wanted.has(file) && fs.existsSync(join(out, file)));
}

/** What {@link commitStaged} puts in place: staged files, the unchanged ones, the orphans to remove. */
export interface StagedOutput {
  readonly staged: readonly string[];
  readonly unchanged: readonly string[];
  readonly orphans: readonly string[];
  readonly suffix: string;
}

/**
 * Moves the old files aside and the staged ones into place; on any failure puts the previous files
 * back and removes what was staged. Then deletes the old files and the orphans' empty folders.
 */
export function commitStaged(out: string, output: StagedOutput, fs: FileOps = nodeFs): WriteResult {
  const { staged, unchanged, orphans, suffix } = output;
  const movedAside: string[] = [];
  const placed: string[] = [];
  try {
    for (const file of [...staged, ...orphans]) {
      const path = join(out, file);
      if (fs.existsSync(path)) {
        fs.renameSync(path, `${path}${suffix}.old`);
        movedAside.push(file);
      }
    }
    for (const file of staged) {
      const path = join(out, file);
      fs.renameSync(`${path}${suffix}.new`, path);
      placed.push(file);
    }
  } catch (error) {
    rollBack(out, suffix, { staged: [...staged], movedAside, placed }, fs);
    throw error;
  }
  for (const file of movedAside) quietly(() => fs.unlinkSync(join(out, `${file}${suffix}.old`)));
  for (const file of orphans) removeEmptyParents(out, file, fs);
  return { written: [...staged], removed: [...orphans], unchanged: [...unchanged] };
}

/** Whether the file at `path` holds exactly `content`. */
export function sameBytes(path: string, content: FileContent, fs: FileOps = nodeFs): boolean {
  return fs.existsSync(path) && fs.readFileSync(path).equals(encoded(content));
}

/** Content as UTF-8 bytes: encoded once, where the caller hashes and writes the same bytes. */
export function encoded(content: FileContent): Uint8Array {
  return typeof content === "string" ? Buffer.from(content, "utf8") : content;
}

/** Puts the previous files back and removes what was staged; best effort, the caller throws the cause. */
export function rollBack(
  out: string,
  suffix: string,
  done: { staged: string[]; movedAside: string[]; placed: string[] },
  fs: FileOps = nodeFs,
): void {
  for (const file of done.placed) quietly(() => fs.unlinkSync(join(out, file)));
  for (const file of done.movedAside) quietly(() => fs.renameSync(join(out, `${file}${suffix}.old`), join(out, file)));
  for (const file of done.staged.filter((staged) => !done.placed.includes(staged))) {
    quietly(() => fs.unlinkSync(join(out, `${file}${suffix}.new`)));
  }
  for (const file of done.staged) removeEmptyParents(out, file, fs);
}

/** Removes the folders above `file` inside `out` that are left empty. */
function removeEmptyParents(out: string, file: string, fs: FileOps): void {
  let dir = dirname(join(out, file));
  while (relative(out, dir) !== "" && !relative(out, dir).startsWith("..")) {
    if (!fs.existsSync(dir) || fs.readdirSync(dir).length > 0) return;
    fs.rmdirSync(dir);
    dir = dirname(dir);
  }
}

function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // Rolling back or cleaning up is best effort; the first error is the one reported.
  }
}

/** Every file under `dir`, as POSIX paths relative to it, sorted. */
export function listFiles(dir: string, fs: FileOps = nodeFs): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (relativeDir: string) => {
    for (const name of fs.readdirSync(join(dir, relativeDir))) {
      const file = relativeDir === "" ? name : `${relativeDir}/${name}`;
      if (fs.statSync(join(dir, file)).isDirectory()) walk(file);
      else found.push(file);
    }
  };
  walk("");
  return found.sort();
}

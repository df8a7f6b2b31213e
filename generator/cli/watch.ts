import { type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { CatalogError, formatProblem } from "../problems.js";
import { Regenerator } from "../regenerate.js";

/** How long the inputs must be left alone before a save is read: a file written in parts is read whole. */
const SETTLE_MS = 10;

/** Folders never worth watching for catalog files. */
const SKIPPED = new Set(["node_modules", ".git"]);

/** The folder part of a glob before its first wildcard: `modules/**\/*.yaml` → `modules`. */
function globBase(pattern: string): string {
  const fixed: string[] = [];
  for (const part of pattern.split("/")) {
    if (/[*?[\]{}()!]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join("/");
}

/** `dir` and every folder under it, but the output folder and `SKIPPED`. */
function foldersUnder(dir: string, out: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    if (folder === out || folder.startsWith(out + sep)) return;
    found.push(folder);
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory() && !SKIPPED.has(entry.name)) walk(join(folder, entry.name));
  };
  walk(dir);
  return found;
}

function errorText(error: unknown): string {
  if (error instanceof CatalogError) return error.problems.map(formatProblem).join("\n");
  return `errcat: ${(error as Error).message ?? String(error)}`;
}

/**
 * `errcat generate --watch`: regenerates on every save of the catalog or a file it includes (only
 * the modules whose input changed are emitted again), shows what changed, reports any error and
 * keeps watching, and stops on Ctrl-C. Folders are watched, not files, since editors often save by
 * renaming, and every folder under an `include` glob's base is watched, so that a new folder's
 * files are seen. Resolves with the exit code.
 */
export function watchAndGenerate(schema: string, out: string): Promise<number> {
  const regenerator = new Regenerator(schema, out);
  const outDir = resolve(out);
  const watchers = new Map<string, FSWatcher>();
  let inputs = new Set<string>([resolve(schema)]);
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => (beingWritten() ? schedule() : run()), SETTLE_MS);
  };
  /** Whether an input changed too recently to be read whole: an editor may still be writing it. */
  const beingWritten = () => {
    const now = Date.now();
    for (const input of inputs) {
      try {
        // A time in the future (a clock that differs) counts as settled, or nothing would ever run.
        const age = now - statSync(input).mtimeMs;
        if (age >= 0 && age < SETTLE_MS) return true;
      } catch {
        // A file removed or being replaced: the run reports what it finds.
      }
    }
    return false;
  };

  const onEvent = (folder: string) => (_event: string, name: string | Buffer | null) => {
    const changed = name === null ? "" : String(name);
    const path = join(folder, changed);
    // A new folder may hold files an `include` glob now matches: watch it and read it.
    if (changed === "" || inputs.has(path) || /\.ya?ml$/.test(changed) || watchFolders()) schedule();
  };

  /** Starts watching folders not watched yet; true when there was one. */
  const watchFolders = (): boolean => {
    const base = dirname(resolve(schema));
    const globs = regenerator.include();
    const folders = new Set([base, ...globs.flatMap((pattern) => foldersUnder(join(base, globBase(pattern)), outDir))]);
    let added = false;
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, onEvent(folder));
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
        added = true;
      } catch {
        // A folder removed since it was listed: nothing to watch there.
      }
    }
    return added;
  };

  const run = (initial = false) => {
    const started = performance.now();
    try {
      const result = regenerator.run();
      inputs = new Set(result.model.sources.map((file) => resolve(file)));
      const changed = [...result.written, ...result.removed.map((file) => `${file} (removed)`)];
      const took = `${Math.round(performance.now() - started)} ms, ${result.modulesEmitted} of ${result.model.modules.length} modules emitted`;
      process.stdout.write(
        changed.length === 0
          ? `${out}: up to date (${took})\n`
          : `${out}: ${changed.length} changed: ${changed.join(", ")} (${took})\n`,
      );
    } catch (error) {
      process.stderr.write(`${errorText(error)}\nwaiting for the next save\n`);
    }
    // Files may have appeared in a folder that was not watched yet: read again once it is.
    if (watchFolders() && !initial) schedule();
  };

  return new Promise((done) => {
    const stop = () => {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      process.stdout.write("stopped\n");
      done(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    run(true);
    process.stdout.write(`watching ${inputs.size} catalog file(s); Ctrl-C stops\n`);
  });
}

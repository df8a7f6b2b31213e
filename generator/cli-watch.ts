import { type FSWatcher, watch } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { generate } from "./generate.js";
import { CatalogError, formatProblem } from "./problems.js";

/**
 * `errcat generate --watch`: regenerates on every save of the catalog or a file it includes,
 * shows what changed, survives catalog errors, and stops on Ctrl-C. Resolves with the exit code.
 */
export function watchAndGenerate(schema: string, out: string): Promise<number> {
  const watchers = new Map<string, FSWatcher>();
  let watched = new Set<string>([resolve(schema)]);
  let timer: NodeJS.Timeout | undefined;

  const run = () => {
    try {
      const result = generate({ schema, out });
      if (result.mode === "write") {
        watched = new Set([...result.model.sources.map((file) => resolve(file))]);
        const changed = [...result.written, ...result.removed.map((file) => `${file} (removed)`)];
        process.stdout.write(
          changed.length === 0 ? `${out}: up to date\n` : `${out}: ${changed.length} changed: ${changed.join(", ")}\n`,
        );
      }
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      process.stderr.write(`${error.problems.map(formatProblem).join("\n")}\nwaiting for the next save\n`);
    }
    // Editors often save by renaming, so the folders are watched, not the files.
    for (const folder of new Set([...watched].map((file) => dirname(file)))) {
      if (watchers.has(folder)) continue;
      watchers.set(
        folder,
        watch(folder, (_event, name) => {
          const changed = name === null ? "" : String(name);
          const known = [...watched].some((file) => dirname(file) === folder && basename(file) === changed);
          // A new YAML file may be one an `include` glob now matches.
          if (known || /\.ya?ml$/.test(changed)) {
            clearTimeout(timer);
            timer = setTimeout(run, 50);
          }
        }),
      );
    }
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
    run();
    process.stdout.write(`watching ${[...watched].length} catalog file(s); Ctrl-C stops\n`);
  });
}

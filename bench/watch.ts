import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parse, stringify } from "yaml";
import { median } from "./proc.js";

/** A running `errcat generate --watch`, read line by line. */
class Watcher {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = "";
  private waiting: { pattern: RegExp; done: (line: string) => void; timer: NodeJS.Timeout } | undefined;

  constructor(bin: string, schema: string, out: string, cwd: string) {
    this.child = spawn(process.execPath, [bin, "generate", "--watch", "--schema", schema, "--out", out], { cwd });
    const onData = (chunk: Buffer) => {
      this.buffer += chunk.toString();
      let newline = this.buffer.indexOf("\n");
      while (newline !== -1) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        // Other lines (a run that read a half-saved file, then its error) are passed over.
        if (this.waiting?.pattern.test(line)) {
          const { done, timer } = this.waiting;
          clearTimeout(timer);
          this.waiting = undefined;
          done(line);
        }
        newline = this.buffer.indexOf("\n");
      }
    };
    this.child.stdout.on("data", onData);
    this.child.stderr.on("data", onData);
  }

  /** Resolves with the next line that matches; rejects after a minute without one. */
  next(pattern: RegExp): Promise<string> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`errcat --watch printed no line matching ${pattern}`)), 60_000);
      this.waiting = { pattern, done, timer };
    });
  }

  stop(): Promise<void> {
    return new Promise((done) => {
      this.child.once("exit", () => done());
      this.child.kill("SIGINT");
    });
  }
}

interface Module {
  name: string;
  codes: { code: number; description: string }[];
}

/** The same catalog with each module in a file of its own, `modules/<n>.yaml`, included by a glob. */
export function writeIncludedLayout(yaml: string, dir: string): { catalog: string; files: string[] } {
  const doc = parse(yaml) as { moduleErrors: { modules: Module[]; patterns: unknown } };
  const modules = doc.moduleErrors.modules;
  mkdirSync(join(dir, "modules"), { recursive: true });
  const files = modules.map((module, index) => {
    const file = join(dir, "modules", `${String(index).padStart(3, "0")}.yaml`);
    writeFileSync(file, stringify({ modules: [module] }, { lineWidth: 0 }));
    return file;
  });
  const catalog = join(dir, "catalog.yaml");
  const main = { ...doc, include: ["modules/*.yaml"], moduleErrors: { patterns: doc.moduleErrors.patterns } };
  writeFileSync(catalog, stringify(main, { lineWidth: 0 }));
  return { catalog, files: [catalog, ...files] };
}

/** Rewrites the description of `code` in a YAML file, as an editor saving one changed line would. */
function editDescription(file: string, code: number, text: string): void {
  const yaml = readFileSync(file, "utf8");
  const at = yaml.search(new RegExp(`code: ${code}\\n`));
  const start = yaml.indexOf("description: ", at);
  if (at < 0 || start < 0) throw new Error(`no code ${code} in ${file}`);
  const end = yaml.indexOf("\n", start);
  writeFileSync(file, `${yaml.slice(0, start)}description: ${text}${yaml.slice(end)}`);
}

export interface WatchLayout {
  readonly label: string;
  readonly bin: string;
  readonly cwd: string;
  readonly catalog: string;
  readonly out: string;
  /** The file holding the edited module, the code edited, and the output file that must change. */
  readonly edit: { readonly file: string; readonly code: number; readonly output: string };
}

/**
 * Times save → output for each layout, `runs` times, interleaved with `between` (the floors), each
 * run editing one module code's description. Returns the median per layout, in order.
 */
export async function timeWatch(
  layouts: readonly WatchLayout[],
  runs: number,
  between: (run: number) => void,
): Promise<number[]> {
  const watchers = layouts.map((layout) => new Watcher(layout.bin, layout.catalog, layout.out, layout.cwd));
  try {
    await Promise.all(watchers.map((watcher) => watcher.next(/^watching /)));
    const samples: number[][] = layouts.map(() => []);
    for (let run = 1; run <= runs; run++) {
      between(run);
      for (const [index, layout] of layouts.entries()) {
        const watcher = watchers[index] as Watcher;
        // The module's file written, not listed as removed (a run that read a half-saved file).
        const file = layout.edit.output.replace(/[.]/g, "\\.");
        const changed = watcher.next(new RegExp(`changed: .*${file}(?! \\(removed\\))`));
        editDescription(layout.edit.file, layout.edit.code, `edited in run ${run}`);
        const saved = performance.now();
        await changed;
        samples[index]?.push(performance.now() - saved);
        const text = readFileSync(join(layout.out, layout.edit.output), "utf8");
        if (!text.includes(`edited in run ${run}`)) throw new Error(`${layout.label}: the output was not updated`);
      }
    }
    return samples.map((values) => median(values));
  } finally {
    await Promise.all(watchers.map((watcher) => watcher.stop()));
  }
}

export interface WatchResult {
  readonly runs: number;
  /** Medians, in ms: save → output, and the floor of the same layout. */
  readonly oneFile: number;
  readonly oneFileFloor: number;
  readonly included: number;
  readonly includedFloor: number;
  /** How many files the catalog includes (the catalog itself not counted). */
  readonly includedFiles: number;
}

export interface WatchSetup {
  readonly bin: string;
  /** Runs the floor on `inputs`, writing the files `outDir` holds; returns its wall time. */
  readonly floor: (inputs: readonly string[], outDir: string, scratch: string) => number;
  readonly dir: string;
  readonly yaml: string;
  readonly runs: number;
  /** The module edited, with one of its codes, and its output file (`modules/<stem>.ts`). */
  readonly edited: { readonly index: number; readonly code: number; readonly output: string };
}

/**
 * `generate --watch` at one catalog's size, its modules in one file and in a file each: one
 * module code's description edited per run, save → output updated, beside each layout's floor.
 */
export async function measureWatch(setup: WatchSetup): Promise<WatchResult> {
  const one = join(setup.dir, "watch-one");
  mkdirSync(one, { recursive: true });
  const oneCatalog = join(one, "catalog.yaml");
  writeFileSync(oneCatalog, setup.yaml);
  const many = join(setup.dir, "watch-included");
  const included = writeIncludedLayout(setup.yaml, many);
  const layouts: WatchLayout[] = [
    {
      label: "one file",
      bin: setup.bin,
      cwd: one,
      catalog: oneCatalog,
      out: join(one, "out"),
      edit: { file: oneCatalog, code: setup.edited.code, output: setup.edited.output },
    },
    {
      label: "included files",
      bin: setup.bin,
      cwd: many,
      catalog: included.catalog,
      out: join(many, "out"),
      edit: {
        file: included.files[setup.edited.index + 1] ?? "",
        code: setup.edited.code,
        output: setup.edited.output,
      },
    },
  ];
  const floors: number[][] = [[], []];
  const medians = await timeWatch(layouts, setup.runs, () => {
    floors[0]?.push(setup.floor([oneCatalog], join(one, "out"), one));
    floors[1]?.push(setup.floor(included.files, join(many, "out"), many));
  });
  return {
    runs: setup.runs,
    oneFile: medians[0] ?? Number.NaN,
    oneFileFloor: median(floors[0] ?? []),
    included: medians[1] ?? Number.NaN,
    includedFloor: median(floors[1] ?? []),
    includedFiles: included.files.length - 1,
  };
}

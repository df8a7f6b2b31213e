/**
 * What importing the generated code costs a Node process: the compiled lean index and the
 * all-modules entry, each in a fresh process, beside a bare `node -e 0`.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { median } from "./proc.js";

export interface ImportCost {
  /** Median wall time of `node -e 0`. */
  readonly bareMs: number;
  /** Median wall time of a process that imports the compiled `index.js` and exits. */
  readonly indexMs: number;
  /** The same for `all.js`, which imports every module. */
  readonly allMs: number;
}

function timeNode(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    stdio: ["ignore", "ignore", "pipe"],
    env: { PATH: process.env.PATH },
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${String(result.stderr)}`);
  return ms;
}

/** Medians of `runs` interleaved runs of each: bare, the index, the all-modules entry. */
export function measureImportCost(jsDir: string, runs: number): ImportCost {
  const load = (file: string) => [
    "--input-type=module",
    "-e",
    `await import(${JSON.stringify(pathToFileURL(join(jsDir, file)).href)});`,
  ];
  const bare: number[] = [];
  const index: number[] = [];
  const all: number[] = [];
  // One warm-up of each, so that the first timed run does not pay for the file cache.
  timeNode(load("index.js"));
  timeNode(load("all.js"));
  for (let run = 0; run < runs; run++) {
    bare.push(timeNode(["-e", "0"]));
    index.push(timeNode(load("index.js")));
    all.push(timeNode(load("all.js")));
  }
  return { bareMs: median(bare), indexMs: median(index), allMs: median(all) };
}

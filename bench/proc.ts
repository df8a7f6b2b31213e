import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

/** One timed process: wall time from spawn to exit, and its peak resident memory when known. */
export interface Sample {
  readonly ms: number;
  readonly rssMB: number | undefined;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Children get a clean environment: tsx's loader flags must not slow errcat or the floor down. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * Runs `node --import preload ...args` and reads the peak RSS the preload reports on fd 3.
 * `preload` is the compiled `rss-preload.ts`; the same flag is passed to errcat and the floor.
 */
export function runNode(preload: string, args: readonly string[], cwd: string): Sample {
  const start = performance.now();
  const result = spawnSync(process.execPath, ["--import", preload, ...args], {
    cwd,
    env: childEnv({ BENCH_RSS_FD: "3" }),
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const kb = Number.parseInt(String(result.output[3] ?? ""), 10);
  return {
    ms,
    rssMB: Number.isFinite(kb) ? kb / 1024 : undefined,
    status: result.status,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
  };
}

let gnuTime: boolean | undefined;

/** GNU time reports the peak RSS of a process tree's largest member; BSD time lacks `-f`. */
export function hasGnuTime(): boolean {
  gnuTime ??= spawnSync("/usr/bin/time", ["-f", "%M", "true"], { stdio: "ignore" }).status === 0;
  return gnuTime;
}

/**
 * Runs a command whose work happens in a native child (tsc 7's launcher execs a Go binary), where
 * the preload cannot see it. Peak RSS comes from GNU time when present, else stays unknown.
 */
export function runCommand(command: string, args: readonly string[], cwd: string, scratch: string): Sample {
  const rssFile = join(scratch, "time.out");
  const useTime = hasGnuTime();
  const [file, argv] = useTime
    ? ["/usr/bin/time", ["-f", "%M", "-o", rssFile, command, ...args]]
    : [command, [...args]];
  const start = performance.now();
  const result = spawnSync(file, argv, { cwd, env: childEnv(), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  let rssMB: number | undefined;
  if (useTime) {
    const kb = Number.parseInt(readFileSync(rssFile, "utf8").trim().split("\n").pop() ?? "", 10);
    rssMB = Number.isFinite(kb) ? kb / 1024 : undefined;
    rmSync(rssFile, { force: true });
  }
  return { ms, rssMB, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Fails the bench loudly: a timing of a failed run would be meaningless. */
export function expectOk(sample: Sample, what: string): Sample {
  if (sample.status !== 0) {
    throw new Error(
      `${what} exited with ${sample.status}:\n${sample.stdout.slice(0, 2000)}${sample.stderr.slice(0, 2000)}`,
    );
  }
  return sample;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** The largest known value; peak memory is reported as the worst run, not the typical one. */
export function peak(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
}

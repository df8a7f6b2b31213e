import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expectOk, median, peak, runCommand, type Sample } from "./proc.js";

/**
 * Compiler limits a large generated file can hit: instantiation too deep (2589), a union too complex
 * (2590), a body too large for control flow analysis (2563), an inferred type too long (7056).
 */
const LIMIT_CODES = new Set(["TS2589", "TS2590", "TS2563", "TS7056"]);

/** The project's own strictness, so the generated code is checked as a user's project would check it. */
const COMPILER_OPTIONS = {
  target: "ES2022",
  lib: ["ES2022"],
  module: "nodenext",
  moduleResolution: "nodenext",
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: true,
};

/** Makes `dir` a project that type-checks `include` (relative globs) as ES modules. */
export function writeTsProject(dir: string, include: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
  writeFileSync(join(dir, "tsconfig.json"), `${JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include })}\n`);
}

/** The baseline: `count` bare classes in one file, the least a per-code class API could cost tsc. */
export function writeBaseline(dir: string, count: number): void {
  writeTsProject(dir, ["baseline.ts"]);
  const lines = ["export class Base extends Error {}"];
  for (let index = 0; index < count; index++) lines.push(`export class Code${index}Error extends Base {}`);
  writeFileSync(join(dir, "baseline.ts"), `${lines.join("\n")}\n`);
}

export interface TscResult {
  readonly ms: number;
  readonly rssMB: number | undefined;
  readonly status: number | null;
  /** Error codes with their counts, as `TS2322 ×3`; empty when tsc is clean. */
  readonly errors: readonly string[];
  /** The subset of `errors` that are compiler limits. */
  readonly limits: readonly string[];
}

/** Runs `tsc --noEmit -p dir` `runs` times; tsc errors are reported, not thrown, since they are a finding. */
export function timeTsc(tsc: string, dir: string, runs: number, scratch: string): TscResult {
  const samples: Sample[] = [];
  for (let run = 0; run < runs; run++) {
    samples.push(runCommand(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.json"], dir, scratch));
  }
  const last = samples[samples.length - 1] as Sample;
  if (last.status !== 0 && !/error TS\d+/.test(last.stdout)) expectOk(last, "tsc");
  const counts = new Map<string, number>();
  for (const match of last.stdout.matchAll(/error (TS\d+)/g)) {
    const code = match[1] as string;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const errors = [...counts].map(([code, count]) => `${code} ×${count}`);
  return {
    ms: median(samples.map((sample) => sample.ms)),
    rssMB: peak(samples.map((sample) => sample.rssMB)),
    status: last.status,
    errors,
    limits: errors.filter((entry) => LIMIT_CODES.has(entry.split(" ")[0] as string)),
  };
}

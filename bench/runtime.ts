import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import createError from "http-errors";
import { median } from "./proc.js";

/** The part of the generated API the runtime bench calls. */
interface GeneratedApi {
  errorFromResponse(
    body: unknown,
    options?: { module?: unknown },
  ): { name: string; moduleError?: ModuleHit } | undefined;
  parseModuleMessage(message: string): { code: number; text: string } | undefined;
  /** The named module's table, exported by the bench's entry. */
  readonly moduleTable: unknown;
}
interface ModuleHit {
  readonly module?: string;
  readonly name?: string;
}

export interface RuntimeResult {
  /** Operations per second, by case. */
  readonly known: number;
  readonly unknown: number;
  readonly moduleMessage: number;
  readonly createError404: number;
  /** Milliseconds `parseModuleMessage` takes on each 1 MB hostile message. */
  readonly hostile: readonly { readonly label: string; readonly ms: number }[];
}

const SAMPLES = 7;
const SAMPLE_MS = 150;
const BATCH = 500;

// Results land here so the JIT cannot drop the calls being timed.
let sink: unknown;

/**
 * Operations per second of each case, sampled round-robin so a slow moment of the machine hits
 * every case alike; the median of the samples.
 */
function opsPerSecond(cases: Record<string, () => unknown>): Record<string, number> {
  const rates: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(cases)) {
    rates[name] = [];
    const warmUntil = performance.now() + SAMPLE_MS;
    while (performance.now() < warmUntil) for (let index = 0; index < BATCH; index++) sink = fn();
  }
  for (let sample = 0; sample < SAMPLES; sample++) {
    for (const [name, fn] of Object.entries(cases)) {
      let count = 0;
      const start = performance.now();
      let now = start;
      while (now - start < SAMPLE_MS) {
        for (let index = 0; index < BATCH; index++) sink = fn();
        count += BATCH;
        now = performance.now();
      }
      rates[name]?.push(count / ((now - start) / 1000));
    }
  }
  return Object.fromEntries(Object.entries(rates).map(([name, values]) => [name, median(values)]));
}

/** 1 MB messages built to make a careless regex or scan slow. */
const HOSTILE: readonly { label: string; message: () => string }[] = [
  { label: '"(" + "1"×1e6', message: () => `(${"1".repeat(1e6)}` },
  { label: '"(" + "1"×1e6 + ")"', message: () => `(${"1".repeat(1e6)})` },
  { label: '"(1)" + " "×1e6', message: () => `(1)${" ".repeat(1e6)}` },
  { label: '"("×1e6', message: () => "(".repeat(1e6) },
  { label: '"(1)" + "x"×1e6', message: () => `(1)${"x".repeat(1e6)}` },
];

function hostileTimes(api: GeneratedApi): { label: string; ms: number }[] {
  return HOSTILE.map(({ label, message }) => {
    const text = message();
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      const start = performance.now();
      sink = api.parseModuleMessage(text);
      times.push(performance.now() - start);
    }
    return { label, ms: median(times) };
  });
}

/**
 * Compiles the generated index and one module's table to one JS file with esbuild, imports it, and
 * times `errorFromResponse` beside http-errors' `createError(404)` in this process.
 */
export async function measureRuntime(
  outDir: string,
  scratch: string,
  module: { id: string; code: number; tableName: string; fileStem: string },
): Promise<RuntimeResult> {
  const file = join(scratch, `runtime-${Date.now()}.mjs`);
  const entry = join(scratch, `runtime-entry-${Date.now()}.ts`);
  const from = (path: string) => JSON.stringify(join(outDir, path));
  writeFileSync(
    entry,
    `export * from ${from("index.ts")};\nexport { ${module.tableName} as moduleTable } from ${from(`modules/${module.fileStem}.ts`)};\n`,
  );
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile: file,
    logLevel: "error",
  });
  const api = (await import(pathToFileURL(file).href)) as GeneratedApi;
  const knownBody = { code: 4400, message: "The number of requests exceeds the quota.", requestId: "req-1" };
  const unknownBody = { code: 98765, message: "a code from a newer server", requestId: "req-2" };
  const moduleBody = { code: 4000, message: `(${module.code}) the bucket does not exist`, requestId: "req-3" };
  // The module named by its table, as an app that imports the lean index does.
  const moduleOptions = { module: api.moduleTable };
  // Timing a wrong answer would be worthless: check each case once first.
  const known = api.errorFromResponse(knownBody);
  const unknown = api.errorFromResponse(unknownBody);
  const hit = api.errorFromResponse(moduleBody, moduleOptions)?.moduleError;
  if (known?.name !== "QuotaExceededError" || unknown?.name !== "UnknownApiError") {
    throw new Error(`errorFromResponse gave ${known?.name} and ${unknown?.name}`);
  }
  if (hit?.module !== module.id || hit.name === undefined) throw new Error(`no module error found: ${String(hit)}`);
  const rates = opsPerSecond({
    known: () => api.errorFromResponse(knownBody),
    unknown: () => api.errorFromResponse(unknownBody),
    moduleMessage: () => api.errorFromResponse(moduleBody, moduleOptions),
    createError404: () => createError(404),
  });
  if (sink === undefined) throw new Error("nothing was measured");
  return {
    known: rates.known ?? 0,
    unknown: rates.unknown ?? 0,
    moduleMessage: rates.moduleMessage ?? 0,
    createError404: rates.createError404 ?? 0,
    hostile: hostileTimes(api),
  };
}

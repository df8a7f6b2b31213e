import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, release, tmpdir, totalmem } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { globSync } from "tinyglobby";
import { parse } from "yaml";
import { moduleNames } from "../generator/names.js";
import { outputPlan, watchAndPeers } from "./beside.js";
import { measureBundles } from "./bundle.js";
import { measureBundlers } from "./bundlers.js";
import { syntheticCatalog } from "./catalog.js";
import { measurePage } from "./html.js";
import { expectOk, hasGnuTime, median, peak, runNode, type Sample } from "./proc.js";
import { type Column, peerNotes, renderTable, type Timing } from "./report.js";
import { measureRuntime } from "./runtime.js";
import { timeTsc, writeBaseline, writeTsProject } from "./tsc.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/bin.js");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const RESULTS = join(ROOT, "bench/results.md");
/** Catalog sizes in module codes, with how many timed runs each gets (the total stays in minutes). */
const SIZES = [
  { codes: 1_000, runs: 7 },
  { codes: 10_000, runs: 7 },
  { codes: 30_000, runs: 7 },
] as const;

/** Fresh page loads per size, each typing the same queries. */
const PAGE_RUNS = 5;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** Helpers the child processes need, compiled from TS into the scratch folder. */
async function compileHelpers(scratch: string): Promise<{ preload: string; floor: string }> {
  const out = (name: string) => join(scratch, `${name}.mjs`);
  for (const name of ["rss-preload", "floor"]) {
    await build({
      entryPoints: [join(ROOT, "bench", `${name}.ts`)],
      outfile: out(name),
      format: "esm",
      platform: "node",
      logLevel: "error",
    });
  }
  return { preload: pathToFileURL(out("rss-preload")).href, floor: out("floor") };
}

const summary = (samples: readonly Sample[]): Timing => ({
  ms: median(samples.map((sample) => sample.ms)),
  rssMB: peak(samples.map((sample) => sample.rssMB)),
});

/**
 * Times the floor, `errcat generate` into an empty folder and `generate --check` on the tree it
 * just wrote, interleaved run by run so drift in the machine's speed hits all three alike.
 */
function timeCatalog(
  helpers: { preload: string; floor: string },
  catalog: string,
  inputs: readonly string[],
  dir: string,
  runs: number,
) {
  const out = join(dir, "out");
  const floorOut = join(dir, "floor-out");
  const plan = join(dir, "plan.json");
  const yamlModule = createRequire(join(ROOT, "package.json")).resolve("yaml");
  const generate = ["generate", "--schema", catalog, "--out", out];
  // An untimed run warms the OS file cache and tells the floor which files and sizes to write.
  expectOk(runNode(helpers.preload, [BIN, ...generate], dir), "errcat generate");
  const files = outputPlan(out);
  writeFileSync(plan, JSON.stringify(files));
  const floor: Sample[] = [];
  const cold: Sample[] = [];
  const checked: Sample[] = [];
  const compared: Sample[] = [];
  for (let run = 1; run <= runs; run++) {
    log(`${basename(dir)}: run ${run}/${runs}`);
    rmSync(out, { recursive: true, force: true });
    rmSync(floorOut, { recursive: true, force: true });
    floor.push(
      expectOk(runNode(helpers.preload, [helpers.floor, yamlModule, plan, floorOut, ...inputs], dir), "floor"),
    );
    cold.push(expectOk(runNode(helpers.preload, [BIN, ...generate], dir), "errcat generate"));
    checked.push(expectFast(runNode(helpers.preload, [BIN, ...generate, "--check"], dir), true));
    // The same tree, its manifest naming another build: the check must compare every file.
    foreignBuild(out);
    compared.push(expectFast(runNode(helpers.preload, [BIN, ...generate, "--check"], dir), false));
  }
  return {
    out,
    outFiles: files.length,
    outBytes: files.reduce((sum, [, size]) => sum + size, 0),
    floor: summary(floor),
    generate: summary(cold),
    check: summary(checked),
    checkCompared: summary(compared),
  };
}

/** Fails the bench when `--check` did not take the path being timed. */
function expectFast(sample: Sample, fast: boolean): Sample {
  expectOk(sample, "errcat generate --check");
  if (/hashes match/.test(sample.stdout) !== fast) {
    throw new Error(`generate --check ${fast ? "compared" : "trusted the hashes"}: ${sample.stdout}`);
  }
  return sample;
}

/** Rewrites the manifest as if another errcat build had written the folder. */
function foreignBuild(out: string): void {
  const path = join(out, ".errcat-manifest.json");
  const manifest = JSON.parse(readFileSync(path, "utf8")) as { hashes: { errcat: string } };
  manifest.hashes.errcat = "0".repeat(64);
  writeFileSync(path, JSON.stringify(manifest));
}

/** tsc on the generated output beside tsc on as many bare classes. */
function timeTscPair(dir: string, codes: number, runs: number, scratch: string) {
  log(`${basename(dir)}: tsc`);
  writeTsProject(dir, ["out/**/*.ts"]);
  const baselineDir = join(dir, "tsc-baseline");
  writeBaseline(baselineDir, codes);
  return { generated: timeTsc(TSC, dir, runs, scratch), baseline: timeTsc(TSC, baselineDir, runs, scratch) };
}

/** How many common codes the class-API tsc measure uses: each a class, a guard, an enum member. */
const COMMON_TSC_CODES = 2_000;

/**
 * tsc on a catalog of 2,000 common codes (each its own class, in the unions `known` narrows)
 * beside as many bare classes: what the per-code class API costs the compiler.
 */
function timeCommonTsc(helpers: { preload: string }, work: string, runs: number) {
  const dir = join(work, `common-${COMMON_TSC_CODES}`);
  mkdirSync(dir, { recursive: true });
  const lines = ["format: 1", "id: common-codes", "success: 0", "common:"];
  for (let index = 1; index <= COMMON_TSC_CODES; index++) {
    lines.push(
      `  - { code: ${1000 + index}, name: Failure${index}, type: Failure ${index}, description: d, fault: client }`,
    );
  }
  writeFileSync(join(dir, "catalog.yaml"), `${lines.join("\n")}\n`);
  expectOk(
    runNode(helpers.preload, [BIN, "generate", "--schema", "catalog.yaml", "--out", "out"], dir),
    "errcat generate",
  );
  const result = timeTscPair(dir, COMMON_TSC_CODES, runs, work);
  rmSync(dir, { recursive: true, force: true });
  return result;
}

async function syntheticColumns(helpers: { preload: string; floor: string }, work: string): Promise<Column[]> {
  const columns: Column[] = [];
  for (const size of SIZES) {
    const dir = join(work, `codes-${size.codes}`);
    mkdirSync(dir, { recursive: true });
    const synthetic = syntheticCatalog(size.codes);
    const catalog = join(dir, "catalog.yaml");
    writeFileSync(catalog, synthetic.yaml);
    const large = size.codes === 30_000;
    const timed = timeCatalog(helpers, catalog, [catalog], dir, size.runs);
    const tsc = large ? timeTscPair(dir, size.codes + 16, size.runs, work) : undefined;
    const commonTsc = large ? timeCommonTsc(helpers, work, size.runs) : undefined;
    log(`${basename(dir)}: runtime and bundles`);
    const [first, ...others] = synthetic.modules.map((module) => ({ ...module, ...moduleNames(module.id) }));
    if (!first) throw new Error("the synthetic catalog has no modules");
    const runtime = await measureRuntime(timed.out, work, { ...first, code: first.codes[0] ?? 0 });
    const bundles = await measureBundles(dir, timed.out, first, others);
    log(`${basename(dir)}: the parser in five bundlers, both enum styles`);
    // Descriptions in ASCII: minifiers may escape other text, which would hide it from the search.
    const descriptions = first.descriptions.filter((text) => /^[\x20-\x7e]+$/.test(text));
    const bundlers = await measureBundlers(
      join(dir, "bundlers"),
      synthetic.yaml,
      { ...first, descriptions },
      { bin: BIN, tsc: TSC, runs: size.runs },
    );
    log(`${basename(dir)}: the reference page in Chromium`);
    const page = await measurePage(join(timed.out, "error-codes.html"), PAGE_RUNS);
    if (!page) log("no Chromium found: the page rows are left out");
    const beside = large
      ? await watchAndPeers({ ...helpers, bin: BIN, root: ROOT, log }, dir, catalog, synthetic, size.runs, work)
      : {};
    columns.push({
      label: `${size.codes.toLocaleString("en-US")} codes`,
      large,
      codes: size.codes + 16,
      yamlBytes: Buffer.byteLength(synthetic.yaml),
      runs: size.runs,
      ...timed,
      ...(tsc ? { tsc } : {}),
      ...(commonTsc ? { commonTsc } : {}),
      runtime,
      bundles,
      bundlers,
      ...(page ? { page } : {}),
      ...beside,
    });
    // The next size's output is independent; drop this one so the temp folder stays small.
    rmSync(dir, { recursive: true, force: true });
  }
  return columns;
}

/** The catalog and the files its `include` globs match, found as errcat finds them. */
function catalogInputs(catalog: string): string[] {
  const doc = parse(readFileSync(catalog, "utf8")) as { include?: unknown } | null;
  const patterns = Array.isArray(doc?.include) ? doc.include.filter((item) => typeof item === "string") : [];
  const found = patterns.flatMap((pattern) =>
    globSync(pattern, { cwd: dirname(catalog), onlyFiles: true, expandDirectories: false }).sort(),
  );
  return [catalog, ...new Set(found.map((match) => join(dirname(catalog), match)))];
}

/** How many codes the catalog holds, includes too, as `errcat validate` counts them. */
function countCodes(helpers: { preload: string }, catalog: string, work: string): number {
  const result = expectOk(runNode(helpers.preload, [BIN, "validate", catalog], work), "errcat validate");
  const match = /\((\d+) common codes?, \d+ modules?, (\d+) module codes?/.exec(result.stdout);
  if (!match) throw new Error(`cannot read the code count from: ${result.stdout}`);
  return Number(match[1]) + Number(match[2]);
}

/** A real catalog: generate, check, floor and tsc only; the targets apply to it as to 30,000 codes. */
function fileColumn(helpers: { preload: string; floor: string }, work: string, file: string): Column {
  // npm runs scripts from the package root; a relative path means the folder the user typed it in.
  const catalog = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const inputs = catalogInputs(catalog);
  const codes = countCodes(helpers, catalog, work);
  const runs = codes > 10_000 ? 3 : 5;
  const dir = join(work, "catalog");
  mkdirSync(dir, { recursive: true });
  const timed = timeCatalog(helpers, catalog, inputs, dir, runs);
  return {
    label: file,
    large: true,
    codes,
    yamlBytes: inputs.reduce((sum, input) => sum + statSync(input).size, 0),
    yamlFiles: inputs.length,
    runs,
    ...timed,
    tsc: timeTscPair(dir, codes, runs, work),
  };
}

function machine(): string[] {
  const cpu = cpus();
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout?.trim();
  return [
    `- Machine: ${cpu[0]?.model ?? "unknown CPU"} × ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${process.platform} ${release()}`,
    `- Node ${process.version}; errcat ${commit ? `at ${commit}` : "(no git)"}; ${new Date().toISOString().slice(0, 10)}`,
    `- Times are medians of the runs, each a fresh process (wall time from spawn to exit); peak RSS is the worst run${hasGnuTime() ? "" : " (tsc RSS needs GNU time: n/a here)"}.`,
    `- The page rows: \`error-codes.html\` in headless Chromium, medians of ${PAGE_RUNS} fresh loads; each types a code, a word and a Chinese word a second after load, timed from each \`input\` event to the frame after it.`,
  ];
}

/** What the rows beside the table measured, and what each peer's output holds. */
function notes(columns: readonly Column[]): string[] {
  const peers = peerNotes(columns);
  if (peers.length === 0) return [];
  return [
    "Interleaved in each run: the floor, `generate` into an empty folder, `--check` on the tree it wrote (the",
    "manifest's hashes match), and `--check` after rewriting the manifest as another build's (it compares every file).",
    "`--watch` keeps two watchers running (all modules in one file; each module in a file of its own, included by a",
    "glob), edits one code's description per run and times from the save to the line reporting the changed module",
    "file; each layout's floor is timed in the same runs. The peers get the same module codes, installed from npm into",
    "`.bench/peers` (openapi-typescript with its own typescript 5; buf's platform binary called directly):",
    "",
    ...peers,
    "",
  ];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((arg) => arg.startsWith("-"))) {
    throw new Error("usage: npm run bench [-- path/to/catalog.yaml]");
  }
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), "errcat-bench-"));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  process.once("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  let columns: Column[];
  try {
    const helpers = await compileHelpers(work);
    columns = args[0] === undefined ? await syntheticColumns(helpers, work) : [fileColumn(helpers, work, args[0])];
  } finally {
    cleanup();
  }
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  const text = [
    `# errcat benchmark${args[0] === undefined ? "" : `: ${args[0]}`}`,
    "",
    ...machine(),
    `- Reproduce: \`npm ci && npm run bench\` (this run took ${minutes} min); a real catalog: \`npm run bench -- path/to/catalog.yaml\`.`,
    ...(args[0] === undefined
      ? [
          "- Synthetic catalogs are seeded (same bytes every run): 300 modules, a third of descriptions in Chinese, plus the default catalog's 16 common codes.",
        ]
      : []),
    "",
    renderTable(columns),
    "",
    ...notes(columns),
  ].join("\n");
  process.stdout.write(text);
  writeFileSync(RESULTS, text);
}

await main();

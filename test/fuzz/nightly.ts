/**
 * Long fuzz runs, for a nightly job: the catalog properties and the hostile-response properties of
 * `test/fuzz.test.ts`, with any seed and count.
 *
 *   tsx test/fuzz/nightly.ts [--runs N] [--responses N] [--seed S] [--path P] [--batch N] [--keep]
 *
 * --runs       catalogs to generate (default 10000)
 * --responses  runs shared among the hostile-response properties (default 100000)
 * --seed       fast-check seed (default: random, printed first)
 * --path       replay one failure: the path fast-check or the type-check report printed
 * --batch      catalogs per tsc run (default 250)
 * --keep       keep the work folder (kept anyway when a property fails)
 *
 * Exits 0 when every property holds, 1 when one fails (the seed and a replay command are printed).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import fc from "fast-check";
import * as api from "../../generated/index.js";
import { responseProperties } from "./responses.js";
import { runCatalogFuzz } from "./run.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10000" },
    responses: { type: "string", default: "100000" },
    seed: { type: "string" },
    path: { type: "string" },
    batch: { type: "string", default: "250" },
    keep: { type: "boolean", default: false },
  },
});

const count = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, not ${text}`);
  return value;
};
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : count("seed", values.seed);
const runs = count("runs", values.runs);
const responseRuns = count("responses", values.responses);
const replay = `tsx test/fuzz/nightly.ts --seed ${seed} --runs ${runs} --responses ${responseRuns}`;
const workDir = mkdtempSync(join(tmpdir(), "errcat-fuzz-nightly-"));

console.info(`fuzz: seed ${seed}, ${runs} catalogs, ${responseRuns} hostile-response runs, in ${workDir}`);
let failed = false;
if (runs > 0) {
  try {
    const stats = await runCatalogFuzz({
      seed,
      runs,
      workDir,
      batchSize: count("batch", values.batch),
      ...(values.path === undefined ? {} : { path: values.path }),
    });
    console.info(
      `fuzz: ${stats.catalogs} catalogs (${stats.typechecked} type-checked in ${stats.tscRuns} tsc runs, ` +
        `${stats.files} files, ${stats.tableRows} table rows, ${stats.responses} round-trip responses) ` +
        `in ${(stats.totalMs / 1000).toFixed(1)} s (checks ${(stats.generateMs / 1000).toFixed(1)} s, ` +
        `tsc ${(stats.tscMs / 1000).toFixed(1)} s in the background)`,
    );
  } catch (error) {
    failed = true;
    console.error(String(error instanceof Error ? error.message : error));
    console.error(`fuzz: catalog properties FAILED with seed ${seed}; replay: ${replay}`);
  }
}

if (values.path === undefined && responseRuns > 0) {
  for (const property of responseProperties(api)) {
    const started = performance.now();
    const result = fc.check(property.property, {
      seed,
      includeErrorInReport: true,
      numRuns: Math.max(1, Math.round(responseRuns * property.share)),
    });
    if (result.failed) {
      failed = true;
      console.error(fc.defaultReportMessage(result) ?? `${property.name} failed`);
      console.error(`fuzz: "${property.name}" FAILED with seed ${seed}; replay: ${replay}`);
    } else {
      console.info(
        `fuzz: ${property.name}: ${result.numRuns} runs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  }
}

if (failed || values.keep) console.info(`fuzz: work folder kept: ${workDir}`);
else rmSync(workDir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;

/**
 * The catalog fuzz run shared by `test/fuzz.test.ts` and `test/fuzz/nightly.ts`: fast-check draws
 * catalogs, each goes through generation and every check but the type check, whose outputs are
 * checked by tsc in batches in the background.
 */
import { join } from "node:path";
import fc from "fast-check";
import { fuzzCatalog } from "./arbitraries.js";
import { checkCatalog } from "./catalog.js";
import { TypecheckQueue } from "./typecheck.js";

export interface CatalogFuzzOptions {
  readonly seed: number;
  readonly runs: number;
  /** A fresh folder for catalogs and outputs. */
  readonly workDir: string;
  /** Catalogs per tsc run. */
  readonly batchSize?: number;
  /** fast-check's replay path, from a failure report. */
  readonly path?: string;
}

export interface CatalogFuzzStats {
  readonly catalogs: number;
  readonly typechecked: number;
  readonly responses: number;
  readonly tableRows: number;
  readonly files: number;
  readonly tscRuns: number;
  readonly generateMs: number;
  readonly tscMs: number;
  readonly totalMs: number;
}

/** Runs the catalog properties; throws with the seed, the replay path and the failing catalog. */
export async function runCatalogFuzz(options: CatalogFuzzOptions): Promise<CatalogFuzzStats> {
  const started = performance.now();
  const queue = new TypecheckQueue(join(options.workDir, "tsc"), options.batchSize ?? 250);
  const yamlByCase = new Map<number, string>();
  let next = 0;
  let failed = false;
  let responses = 0;
  let tableRows = 0;
  let files = 0;
  let generateMs = 0;

  await fc.assert(
    fc.asyncProperty(fuzzCatalog, async (fuzz) => {
      const index = next++;
      const t0 = performance.now();
      try {
        const result = await checkCatalog(fuzz, join(options.workDir, "cases", `c${index}`));
        // Shrinking replays smaller catalogs: only the first pass feeds the type check and the counts.
        if (!failed) {
          queue.add(index, result.files);
          yamlByCase.set(index, JSON.stringify(Object.fromEntries(result.catalog)));
          responses += result.responses;
          tableRows += result.tableRows;
          files += result.files.size;
        }
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        generateMs += performance.now() - t0;
      }
      // Let finished tsc runs report and the next batch start.
      if (index % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }),
    {
      seed: options.seed,
      numRuns: options.runs,
      includeErrorInReport: true,
      ...(options.path === undefined ? {} : { path: options.path }),
    },
  );
  await queue.finish();

  if (queue.failures.length > 0) {
    const first = queue.failures[0];
    const index = first?.caseIndex ?? -1;
    throw new Error(
      [
        `the output of ${queue.failures.length} catalog(s) does not type-check (seed ${options.seed}).`,
        `First: case ${index}; replay it alone with --seed ${options.seed} --path ${index} --runs 1.`,
        ...(first?.errors ?? []).slice(0, 20),
        "Its catalog files, as JSON (the YAML may hold characters a terminal hides), cut at 3,000 characters:",
        (yamlByCase.get(index) ?? "").slice(0, 3000),
      ].join("\n"),
    );
  }
  return {
    catalogs: next,
    typechecked: queue.checked,
    responses,
    tableRows,
    files,
    tscRuns: queue.runs,
    generateMs,
    tscMs: queue.tscMs,
    totalMs: performance.now() - started,
  };
}

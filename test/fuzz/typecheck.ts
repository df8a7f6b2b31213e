/**
 * Type-checks many generated outputs with few compiler runs: outputs go into subfolders of a batch
 * folder, each batch has one tsconfig extending `test/typecheck/tsconfig.nodenext.json`, and one
 * `tsc` runs per batch in the background while the next batch is generated.
 */
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "../helpers.js";

const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const STRICT_CONFIG = join(ROOT, "test/typecheck/tsconfig.nodenext.json");

export interface TypecheckFailure {
  /** The case whose output does not type-check. */
  readonly caseIndex: number;
  /** tsc's messages for that case, paths relative to its folder. */
  readonly errors: readonly string[];
}

/** Batches of outputs, each checked by one tsc run, one run at a time. */
export class TypecheckQueue {
  readonly failures: TypecheckFailure[] = [];
  /** Cases type-checked so far, and the compiler's wall time. */
  checked = 0;
  tscMs = 0;
  runs = 0;
  private batch: number[] = [];
  private batchIndex = 0;
  private readonly waiting: { dir: string; cases: number[] }[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly root: string,
    private readonly batchSize: number,
  ) {}

  /** The folder one case's files go into. */
  caseDir(caseIndex: number): string {
    return join(this.batchDir(this.batchIndex), `c${caseIndex}`);
  }

  /** Writes a case's TypeScript files; a full batch is queued for tsc. */
  add(caseIndex: number, files: ReadonlyMap<string, string>): void {
    const dir = this.caseDir(caseIndex);
    const made = new Set<string>();
    for (const [path, text] of files) {
      if (!path.endsWith(".ts")) continue;
      const folder = dirname(join(dir, path));
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(join(dir, path), text);
    }
    this.batch.push(caseIndex);
    if (this.batch.length >= this.batchSize) this.flush();
  }

  /** Queues the partial batch and waits for every tsc run. */
  async finish(): Promise<void> {
    this.flush();
    while (this.running) await this.running;
  }

  private batchDir(index: number): string {
    return join(this.root, `b${index}`);
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const dir = this.batchDir(this.batchIndex);
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    writeFileSync(
      join(dir, "tsconfig.json"),
      `${JSON.stringify({ extends: STRICT_CONFIG, include: ["c*/**/*.ts"] }, null, 2)}\n`,
    );
    this.waiting.push({ dir, cases: this.batch });
    this.batch = [];
    this.batchIndex++;
    this.startNext();
  }

  private startNext(): void {
    if (this.running) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.running = this.run(next.dir, next.cases).then(() => {
      this.running = undefined;
      this.startNext();
    });
  }

  private async run(dir: string, cases: readonly number[]): Promise<void> {
    const started = performance.now();
    // Output goes to a file: the fuzz loop may keep the event loop busy, and a full pipe would stall tsc.
    const logFile = join(dir, "tsc.log");
    const log = openSync(logFile, "w");
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [TSC, "-p", ".", "--pretty", "false"], {
        cwd: dir,
        stdio: ["ignore", log, log],
      });
      // The background check takes the CPU the fuzz loop leaves; it must not slow the loop down.
      if (child.pid !== undefined) {
        try {
          setPriority(child.pid, 19);
        } catch {
          // Not permitted here: it runs at normal priority.
        }
      }
      child.on("error", reject);
      child.on("exit", resolve);
    }).finally(() => closeSync(log));
    this.tscMs += performance.now() - started;
    this.runs++;
    const output = readFileSync(logFile, "utf8");
    const byCase = new Map<number, string[]>();
    let last: string[] | undefined;
    for (const line of output.split("\n")) {
      const match = /^c(\d+)\/(.*)$/.exec(line);
      if (!match) {
        // A message's further lines are indented.
        if (last && /^\s/.test(line)) last.push(line);
        continue;
      }
      const caseIndex = Number(match[1]);
      last = byCase.get(caseIndex) ?? [];
      last.push(match[2] ?? "");
      byCase.set(caseIndex, last);
    }
    for (const [caseIndex, errors] of byCase) this.failures.push({ caseIndex, errors });
    if (code !== 0 && byCase.size === 0) {
      this.failures.push({ caseIndex: -1, errors: [`tsc exited with ${code}:`, ...output.split("\n").slice(0, 20)] });
    }
    this.checked += cases.length;
    if (code === 0) rmSync(dir, { recursive: true, force: true });
  }
}

/** Type-checks a few outputs in one tsc run; returns each output's errors, in order (empty when it type-checks). */
export async function typecheckOutputs(
  root: string,
  outputs: readonly ReadonlyMap<string, string>[],
): Promise<string[][]> {
  const queue = new TypecheckQueue(root, Math.max(1, outputs.length));
  for (const [index, files] of outputs.entries()) queue.add(index, files);
  await queue.finish();
  return outputs.map((_, index) => [...(queue.failures.find((failure) => failure.caseIndex === index)?.errors ?? [])]);
}

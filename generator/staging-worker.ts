/**
 * The thread that stages the output while the main thread is still emitting it: for each file it
 * is sent (its UTF-8 bytes, moved, not copied), it hashes the bytes and writes them beside the final
 * path under the staging suffix unless the file on disk already holds them. It answers each file on the port it
 * was given and counts its answers in the shared signal, which the main thread waits on.
 */
import { createHash } from "node:crypto";
import * as nodeFs from "node:fs";
import { dirname, join } from "node:path";
import { type MessagePort, parentPort, workerData } from "node:worker_threads";

/** What the main thread gives the staging thread when it starts it. */
export interface StagingSetup {
  readonly out: string;
  readonly suffix: string;
  /** Only tell whether each file on disk holds the bytes sent (`generate --check`): nothing is written or hashed. */
  readonly compareOnly: boolean;
  /** Where the answers go. */
  readonly port: MessagePort;
  /** `[0]`: how many files have been answered. */
  readonly signal: Int32Array;
}

/** One file to stage, as UTF-8. */
export interface StageRequest {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** The answer for one file: its hash and whether it was staged, or why it could not be. */
export type StageAnswer =
  | { readonly file: string; readonly sha256: string; readonly staged: boolean }
  | { readonly file: string; readonly error: string };

const setup = workerData as StagingSetup;
/** The folders made already: each is made once, not once per file. */
const made = new Set<string>();

function stage({ file, bytes }: StageRequest): StageAnswer {
  try {
    const path = join(setup.out, file);
    const same = nodeFs.existsSync(path) && nodeFs.readFileSync(path).equals(bytes);
    if (setup.compareOnly) return { file, sha256: "", staged: !same };
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (same) return { file, sha256, staged: false };
    const folder = dirname(path);
    if (!made.has(folder)) nodeFs.mkdirSync(folder, { recursive: true });
    made.add(folder);
    nodeFs.writeFileSync(`${path}${setup.suffix}.new`, bytes);
    return { file, sha256, staged: true };
  } catch (error) {
    // A check's file that cannot be read is not known to be the same: the main thread reads it again and says why.
    if (setup.compareOnly) return { file, sha256: "", staged: true };
    return { file, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on("message", (request: StageRequest) => {
  setup.port.postMessage(stage(request));
  Atomics.add(setup.signal, 0, 1);
  Atomics.notify(setup.signal, 0);
});

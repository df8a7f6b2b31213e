import { receiveMessageOnPort } from "node:worker_threads";
import type { OutputHashes } from "./fingerprint.js";
import type { StageAnswer, StageRequest, StagingSetup } from "./staging-worker.js";
import { startThread, stopThread, type Thread } from "./threads.js";

const encoder = new TextEncoder();

/** How long the main thread waits for the staging thread's next answer before giving up. */
const ANSWER_TIMEOUT_MS = 120_000;

/** What the staging thread did: the files it staged, those already on disk as they are, their hashes. */
export interface Staged {
  readonly staged: readonly string[];
  readonly unchanged: readonly string[];
  readonly hashes: OutputHashes;
}

/**
 * Stages output files on a second thread while this one emits the rest: encoding, hashing and
 * writing 24 MB overlap with emitting instead of following it. `finish` waits for every answer
 * synchronously, so `generate` stays a synchronous function.
 */
export class StagingThread {
  private readonly texts = new Map<string, string>();
  private readonly answers: StageAnswer[] = [];

  private constructor(private readonly thread: Thread) {}

  /**
   * Starts the thread; undefined where errcat runs from its sources, which have no built worker.
   * With `compareOnly`, it writes nothing and only tells which files on disk hold the bytes sent.
   */
  static start(out: string, suffix: string, compareOnly = false): StagingThread | undefined {
    const setup: Omit<StagingSetup, "port" | "signal"> = { out, suffix, compareOnly };
    const thread = startThread("staging-worker.js", setup);
    return thread && new StagingThread(thread);
  }

  /**
   * Sends one file to be staged: encoded here, then moved to the thread without a copy, which costs
   * this thread less than cloning the text and leaves the thread only to hash and write.
   */
  stage(file: string, text: string): void {
    this.texts.set(file, text);
    const bytes = encoder.encode(text);
    const request: StageRequest = { file, bytes };
    this.thread.worker.postMessage(request, [bytes.buffer]);
  }

  /**
   * Waits for an answer for every file sent. A file that could not be written throws a
   * {@link StagingError} that lists what was staged, for the caller to remove.
   */
  finish(): Staged {
    const total = this.texts.size;
    const { signal, port } = this.thread;
    while (this.answers.length < total) {
      const seen = Atomics.load(signal, 0);
      if (seen <= this.answers.length && Atomics.wait(signal, 0, seen, ANSWER_TIMEOUT_MS) === "timed-out") {
        throw new Error(`the staging thread answered ${this.answers.length} of ${total} files in time`);
      }
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        this.answers.push(message.message as StageAnswer);
      }
    }
    const staged: string[] = [];
    const unchanged: string[] = [];
    const hashes: OutputHashes = new Map();
    const failed = this.answers.find((answer) => "error" in answer);
    for (const answer of this.answers) {
      if ("error" in answer) continue;
      (answer.staged ? staged : unchanged).push(answer.file);
      hashes.set(answer.file, { text: this.texts.get(answer.file) ?? "", sha256: answer.sha256 });
    }
    if (failed && "error" in failed) throw new StagingError(`cannot write ${failed.file}: ${failed.error}`, staged);
    return { staged, unchanged, hashes };
  }

  /** Stops the thread. */
  close(): void {
    stopThread(this.thread);
  }
}

/** A file the staging thread could not write; `staged` lists what it had staged, to be removed. */
export class StagingError extends Error {
  override readonly name = "StagingError";

  constructor(
    message: string,
    readonly staged: readonly string[],
  ) {
    super(message);
  }
}

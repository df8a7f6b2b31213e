import { availableParallelism } from "node:os";
import { receiveMessageOnPort } from "node:worker_threads";
import type { ParseAnswer, ParseSetup } from "./parse-worker.js";
import { startThread, stopThread, type Thread } from "./threads.js";

/** How long the main thread waits for the rest's data before parsing the whole text itself. */
const ANSWER_TIMEOUT_MS = 120_000;

/**
 * The rest of a split catalog, parsed on a second thread while this one parses the head (see
 * `split-parse.ts`). `data` waits for it synchronously, so that loading stays a synchronous function.
 */
export class RestParse {
  private constructor(private readonly thread: Thread) {}

  /**
   * Starts parsing `rest`; undefined on a machine with one core, and where errcat runs from its
   * sources, which have no built worker.
   */
  static start(rest: string): RestParse | undefined {
    if (availableParallelism() < 2) return undefined;
    const setup: Omit<ParseSetup, "port" | "signal"> = { rest };
    const thread = startThread("parse-worker.js", setup);
    return thread && new RestParse(thread);
  }

  /** The rest's data; undefined when the thread refused it, failed or took too long. */
  data(): unknown[] | undefined {
    const { signal, port } = this.thread;
    if (Atomics.load(signal, 0) === 0 && Atomics.wait(signal, 0, 0, ANSWER_TIMEOUT_MS) === "timed-out")
      return undefined;
    const message = receiveMessageOnPort(port);
    return (message?.message as ParseAnswer | undefined)?.data;
  }

  /** Stops the thread. */
  close(): void {
    stopThread(this.thread);
  }
}

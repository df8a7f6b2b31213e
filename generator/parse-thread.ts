import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { ParseAnswer, ParseSetup } from "./parse-worker.js";

/** How long the main thread waits for the rest's data before parsing the whole text itself. */
const ANSWER_TIMEOUT_MS = 120_000;

/**
 * The rest of a split catalog, parsed on a second thread while this one parses the head (see
 * `split-parse.ts`). `data` waits for it synchronously, so that loading stays a synchronous function.
 */
export class RestParse {
  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
  ) {}

  /**
   * Starts parsing `rest`; undefined on a machine with one core, and where errcat runs from its
   * sources, which have no built worker.
   */
  static start(rest: string): RestParse | undefined {
    if (availableParallelism() < 2) return undefined;
    const script = new URL("./parse-worker.js", import.meta.url);
    if (!existsSync(fileURLToPath(script))) return undefined;
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const setup: ParseSetup = { rest, port: port2, signal };
    // Without the node flags errcat was started with: a thread needs none, and some (`--input-type`) stop one starting.
    const worker = new Worker(script, { workerData: setup, transferList: [port2], execArgv: [] });
    worker.unref();
    port1.unref();
    return new RestParse(worker, port1, signal);
  }

  /** The rest's data; undefined when the thread refused it, failed or took too long. */
  data(): unknown[] | undefined {
    if (Atomics.load(this.signal, 0) === 0 && Atomics.wait(this.signal, 0, 0, ANSWER_TIMEOUT_MS) === "timed-out") {
      return undefined;
    }
    const message = receiveMessageOnPort(this.port);
    return (message?.message as ParseAnswer | undefined)?.data;
  }

  /** Stops the thread. */
  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

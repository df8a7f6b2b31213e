/**
 * The thread that parses the rest of a split catalog (see `split-parse.ts`) while the main thread
 * parses the head: it answers the rest's data, or that it refused it, on the port it was given, and
 * sets the shared signal the main thread waits on.
 */
import { type MessagePort, workerData } from "node:worker_threads";

/** What the main thread gives the parsing thread when it starts it. */
export interface ParseSetup {
  readonly rest: string;
  /** Where the answer goes. */
  readonly port: MessagePort;
  /** `[0]`: 1 once the answer is posted. */
  readonly signal: Int32Array;
}

/** The rest's data, or undefined where it could not be parsed soundly on its own. */
export interface ParseAnswer {
  readonly data: unknown[] | undefined;
}

const setup = workerData as ParseSetup;
let answer: ParseAnswer;
try {
  // Imported here, so that even a failure to load them is answered rather than left for the main thread to wait out.
  const { isSound } = await import("./load.js");
  const { parseRest } = await import("./split-parse.js");
  answer = { data: parseRest(setup.rest, isSound) };
} catch {
  answer = { data: undefined };
}
setup.port.postMessage(answer);
Atomics.store(setup.signal, 0, 1);
Atomics.notify(setup.signal, 0);

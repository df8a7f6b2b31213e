import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";

/** A thread errcat started: its answers come on `port`, and `signal` tells the main thread, which waits on it. */
export interface Thread {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

/**
 * Starts the built script `name` (beside this module) with `setup` and the port and signal it
 * answers on; undefined where errcat runs from its sources, which have no built worker.
 */
export function startThread<S extends object>(name: string, setup: S): Thread | undefined {
  const script = new URL(`./${name}`, import.meta.url);
  if (!existsSync(fileURLToPath(script))) return undefined;
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const workerData = { ...setup, port: port2, signal };
  // Without the node flags errcat was started with: a thread needs none, and some (`--input-type`) stop one starting.
  const worker = new Worker(script, { workerData, transferList: [port2], execArgv: [] });
  worker.unref();
  port1.unref();
  return { worker, port: port1, signal };
}

/** Stops a thread started by {@link startThread}. */
export function stopThread(thread: Thread): void {
  thread.port.close();
  void thread.worker.terminate();
}

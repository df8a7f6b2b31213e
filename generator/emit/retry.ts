import type { CatalogModel } from "../model.js";
import { createWriter, finish } from "./writer.js";

/** `retry.ts`: calling again what a retryable error says may succeed later, with backoff. */
export function emitRetry(model: CatalogModel): string {
  const writer = createWriter(model);
  writer.blankLine();
  writer.write(`import type { ApiError } from "./api-error.js";
import { isApiError } from "./guards.js";
import { HttpError } from "./http.js";

/** A signal that ends the retries: an \`AbortSignal\`, or anything shaped like one. */
export interface RetrySignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** Options of {@link withRetry}. */
export interface RetryOptions {
  /** How many calls in all, the first included; 3 by default. */
  readonly attempts?: number | undefined;
  /** The backoff's base: the n-th retry waits up to \`baseDelayMs * 2 ** (n - 1)\`; 100 by default. */
  readonly baseDelayMs?: number | undefined;
  /** No wait is longer: a \`retryAfterMs\` above it ends the retries at once; 10,000 by default. */
  readonly maxDelayMs?: number | undefined;
  /** Ends the retries at once, the wait included. */
  readonly signal?: RetrySignal | undefined;
  /** Told before each wait: the error, the attempt that failed (1 for the first call) and the wait. */
  readonly onRetry?: ((error: ApiError, attempt: number, delayMs: number) => void) | undefined;
  /** Whether to retry this retryable error: say no for calls that are not idempotent. */
  readonly shouldRetry?: ((error: ApiError, attempt: number) => boolean) | undefined;
  /** A number in [0, 1): \`Math.random\` by default; inject one for deterministic tests. */
  readonly random?: (() => number) | undefined;
  /** Waits \`ms\`, ending early on \`signal\`; a timer by default; inject one for tests without waits. */
  readonly sleep?: ((ms: number, signal?: RetrySignal) => Promise<void>) | undefined;
}

/**
 * Calls \`call\` until it succeeds, and again only when it throws an {@link ApiError} whose
 * \`retryable\` is true (and \`shouldRetry\` agrees), at most \`attempts\` times. Waits use full-jitter
 * exponential backoff, at least \`retryAfterMs\` when the server said so, never past \`maxDelayMs\`.
 * An abort stops at once. What it throws is the last error itself, with a non-enumerable \`attempts\`.
 *
 * @example
 * const user = await withRetry(() => getUser(id), { attempts: 4, signal: AbortSignal.timeout(10_000) });
 */
export async function withRetry<T>(call: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, Math.floor(options.attempts ?? 3));
  const base = options.baseDelayMs ?? 100;
  const max = options.maxDelayMs ?? 10_000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? timerSleep;
  const { signal } = options;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw withAttempts(aborted(signal), attempt - 1);
    let error: unknown;
    try {
      return await call(attempt);
    } catch (thrown) {
      error = thrown;
    }
    if (!isApiError(error) || !error.retryable || attempt >= attempts) throw withAttempts(error, attempt);
    if (options.shouldRetry && !options.shouldRetry(error, attempt)) throw withAttempts(error, attempt);
    const hinted = error.retryAfterMs ?? 0;
    if (hinted > max || signal?.aborted) throw withAttempts(error, attempt);
    const delay = Math.min(max, Math.max(hinted, Math.floor(random() * Math.min(max, base * 2 ** (attempt - 1)))));
    options.onRetry?.(error, attempt, delay);
    await sleep(delay, signal);
    if (signal?.aborted) throw withAttempts(error, attempt);
  }
}

/** The error of a signal that aborted before any call failed. */
function aborted(signal: RetrySignal): HttpError {
  return new HttpError({ message: "The request was aborted", cause: signal.reason });
}

/** The error itself, told how many calls were made, without a field that logs would show. */
function withAttempts(error: unknown, attempts: number): unknown {
  if (typeof error === "object" && error !== null && Object.isExtensible(error)) {
    Object.defineProperty(error, "attempts", { value: attempts, configurable: true, writable: true });
  }
  return error;
}

interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

/** Waits \`ms\`, or until \`signal\` aborts. */
function timerSleep(ms: number, signal?: RetrySignal): Promise<void> {
  const timers = globalThis as unknown as Timers;
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      timers.clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = timers.setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
`);
  return finish(writer);
}

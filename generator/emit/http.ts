import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import { createWriter, finish } from "./writer.js";

type Writer = ReturnType<typeof createWriter>;

/** The most a response body is read to, in bytes: error bodies are small, a gateway page is not. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * `http.ts`: from an HTTP response (fetch's, or the parts of any client's) to the error it reports,
 * and `HttpError` for what the catalog cannot name: a status with no catalog code, a body that is
 * not JSON, a request that failed or was aborted.
 */
export function emitHttp(model: CatalogModel): string {
  const writer = createWriter(model);
  writer.blankLine();
  for (const write of [writeHttpTypes, writeHttpError, writeErrorFromHttp, writeHeaderReaders, writeBodyReader]) {
    write(writer, model);
    writer.blankLine();
  }
  writeStatusTexts(writer);
  return finish(writer);
}

/** What `errorFromHttp` reads: the shapes of a response, a failure and the options. */
function writeHttpTypes(writer: Writer, _model: CatalogModel): void {
  writer.write(`import { ApiError, type ApiErrorInit } from "./api-error.js";
import { type ErrorFromResponseOptions, type ResponseApiError, readResponse } from "./response.js";
import type { ModuleName } from "./types.js";

/** The headers of a response: fetch's \`Headers\`, or a plain object (axios, undici, node:http). */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | number | readonly string[] | null | undefined>>;

/**
 * A response: a fetch \`Response\`, or its parts from another client, with \`body\` a string, bytes,
 * a stream, the already parsed JSON value, or nothing.
 */
export interface HttpResponseLike {
  readonly status: number;
  readonly statusText?: string | undefined;
  readonly headers?: HeadersLike | undefined;
  readonly body?: unknown;
}

/** A request that got no response: what \`fetch\` threw (a network failure, an abort, a timeout). */
export interface HttpFailure {
  readonly cause: unknown;
}

/** Options of {@link errorFromHttp}. */
export interface ErrorFromHttpOptions<M extends ModuleName = never> extends ErrorFromResponseOptions<M> {
  /** The clock \`Retry-After\` dates are measured against; \`Date.now\` by default. */
  readonly now?: (() => number) | undefined;
}

/** What an {@link HttpError} was made from, besides the fields every error has. */
export interface HttpErrorInit extends ApiErrorInit {
  /** The response's status text, or the standard one for its status. */
  readonly statusText?: string | undefined;
  /** The body as text, when it was text; kept on the error but never in its message or logs. */
  readonly bodyText?: string | undefined;
}
`);
}

/** `HttpError`, and the constants `errorFromHttp` reads. */
function writeHttpError(writer: Writer, model: CatalogModel): void {
  const header = model.envelope.requestIdHeader;
  writer.write(`/**
 * A response the catalog cannot name: a status without a catalog code in its body, a body that is
 * not JSON (a gateway's HTML page, truncated JSON, nothing), or a request that got no response
 * (\`status\` absent). Whose fault and whether to retry follow the status: 4xx is the client's, 5xx
 * the server's; 408, 425, 429, 500, 502, 503 and 504 are retryable, and so is a failed request, but
 * never an abort. Its message names the status, content type and length, never the body's text,
 * which may hold secrets: that stays in the non-enumerable \`bodyText\`.
 */
export class HttpError extends ApiError {
  declare readonly code: undefined;
  declare readonly known: false;
  /** The body as text, when it was text; not enumerable, so never logged. */
  declare readonly bodyText?: string;

  constructor(init: HttpErrorInit = {}) {
    const { status } = init;
    super(
      {
        code: undefined,
        name: "HttpError",
        type: "HTTP error",
        fault: status === undefined || !(status >= 400 && status < 600) ? "unknown" : status < 500 ? "client" : "server",
        retryable: status === undefined ? !isAbort(init.cause) : RETRYABLE_STATUSES.has(status),
        known: false,
      },
      init,
    );
    if (init.bodyText !== undefined) Object.defineProperty(this, "bodyText", { value: init.bodyText, configurable: true });
  }
}

/** The statuses a later retry may get past: timeouts, rate limits and a failing or busy server. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

/** A response body is read to this many bytes at most. */
const MAX_BODY_BYTES = ${MAX_BODY_BYTES};

/** The response header a request id may arrive in. */
const REQUEST_ID_HEADER: string | undefined = ${header === undefined ? "undefined" : tsString(header)};
`);
}

/** `errorFromHttp` itself, and the wrapping of a request that got no response. */
function writeErrorFromHttp(writer: Writer, model: CatalogModel): void {
  writer.write(`/**
 * The error an HTTP response reports, or \`undefined\` for success. It reads at most 1 MiB of the body,
 * once (of a fetch \`Response\`, a clone: the response stays readable), and never throws. A non-2xx response is never success: a JSON body with a catalog code keeps
 * its class, anything else is an {@link HttpError}; so is a 2xx body JSON cannot serve. A 204 with no
 * body is success. Every error it makes has \`status\` set; the request id comes from the body, else
 * from the catalog's request id header; \`Retry-After\` becomes \`retryAfterMs\`.
 *
 * @example
 * const response = await fetch(url).catch((cause: unknown) => ({ cause }));
 * const error = await errorFromHttp(response${model.modules[0] ? `, { module: ${model.modules[0].tableName} }` : ""});
 * if (error) throw error;
 */
export function errorFromHttp<M extends ModuleName = never>(
  response: HttpResponseLike | HttpFailure,
  options: ErrorFromHttpOptions<M> = {},
): Promise<ResponseApiError | HttpError | undefined> {
  // Typed as \`errorFromResponse\` is: the class a code is given is that code's.
  return readHttp(response, options) as unknown as Promise<ResponseApiError | HttpError | undefined>;
}

/** {@link errorFromHttp}, typed by its callers: an \`ApiError\`, as \`readResponse\` gives. */
export async function readHttp(
  response: HttpResponseLike | HttpFailure,
  options: ErrorFromHttpOptions<ModuleName> = {},
): Promise<ApiError | undefined> {
  // The status, once read: an error after that still reports it.
  let statusRead: number | undefined;
  try {
    if (!("status" in response)) return failedRequest(response.cause);
    const { status } = response;
    statusRead = status;
    const headers = response.headers;
    const statusText = response.statusText || STATUS_TEXTS[status] || "";
    const contentType = headerOf(headers, "content-type");
    const http: ApiErrorInit = {
      status,
      requestId: REQUEST_ID_HEADER === undefined ? undefined : headerOf(headers, REQUEST_ID_HEADER),
      retryAfterMs: retryAfter(headerOf(headers, "retry-after"), options.now ?? Date.now),
    };
    const body = await readBody(unreadBody(response));
    const describe = (problem: string) =>
      \`HTTP \${status}\${statusText === "" ? "" : \` \${statusText}\`}\${problem} (\${contentType ?? "no content type"}, \${body.bytes} bytes\${body.truncated ? " read" : ""})\`;
    const fail = (problem: string) =>
      new HttpError({ ...http, statusText, message: describe(problem), bodyText: body.text, response: body.value ?? body.text });
    const ok = Number.isInteger(status) && status >= 200 && status < 300;
    if (body.kind === "empty") return status === 204 ? undefined : fail(ok ? ": the body is empty" : "");
    if (body.kind === "text" && body.truncated) return fail(": the body is over 1 MiB");
    let value = body.value;
    if (body.kind === "text") {
      try {
        value = JSON.parse(body.text ?? "");
      } catch {
        return fail(ok ? ": the body is not JSON" : "");
      }
    }
    const error = readResponse(value, options, http);
    // Only a code the catalog names says more than the status: anything else is the status's error.
    if (ok || (error !== undefined && (error.known || error.category !== undefined))) return error;
    return new HttpError({ ...http, statusText, message: describe(""), bodyText: body.text, response: value });
  } catch (cause) {
    return new HttpError({ status: statusRead, message: "The response could not be read", cause });
  }
}

/**
 * The body to read: a fetch \`Response\`'s clone, so that the caller can still read the original
 * (\`await response.json()\` after a success); any other client's body as given.
 */
function unreadBody(response: HttpResponseLike): unknown {
  const fetched = response as { clone?: unknown; bodyUsed?: unknown; body?: unknown };
  if (typeof fetched.clone === "function" && fetched.bodyUsed === false) {
    return ((fetched.clone as () => { body?: unknown }).call(response)).body;
  }
  return response.body;
}

/** A request that got no response: a network failure, or an abort (never retryable). */
function failedRequest(cause: unknown): HttpError {
  const name = describeCause(cause);
  const message = isAbort(cause) ? \`The request was aborted (\${name})\` : \`The request failed (\${name})\`;
  return new HttpError({ message, cause });
}

function describeCause(cause: unknown): string {
  if (typeof cause !== "object" || cause === null) return String(cause);
  const { name, message } = cause as { name?: unknown; message?: unknown };
  return [name, message].filter((part) => typeof part === "string" && part !== "").join(": ") || "unknown cause";
}
`);
}

/** Aborts, headers and `Retry-After`. */
function writeHeaderReaders(writer: Writer, _model: CatalogModel): void {
  writer.write(`/** Whether a failure is an abort: fetch's \`AbortError\` or \`TimeoutError\`, as a cause or its cause. */
export function isAbort(cause: unknown): boolean {
  for (let error = cause, depth = 0; typeof error === "object" && error !== null && depth < 4; depth++) {
    const name = (error as { name?: unknown }).name;
    if (name === "AbortError" || name === "TimeoutError") return true;
    error = (error as { cause?: unknown }).cause;
  }
  return false;
}

/** A header's value, by case-insensitive name; the first of several. */
function headerOf(headers: HeadersLike | undefined, name: string): string | undefined {
  if (headers === undefined || headers === null) return undefined;
  if (typeof (headers as { get?: unknown }).get === "function") {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === null || value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : String(first);
  }
  return undefined;
}

/** \`Retry-After\` in milliseconds: seconds, or an HTTP date measured against \`now\`. */
function retryAfter(value: string | undefined, now: () => number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}
`);
}

/** Reading a body once, at most 1 MiB of it: strings, bytes, streams, parsed values. */
function writeBodyReader(writer: Writer, _model: CatalogModel): void {
  writer.write(`interface Body {
  readonly kind: "empty" | "text" | "value";
  /** The body as text, when it came as text or bytes. */
  readonly text?: string | undefined;
  /** The body as a value, when the client parsed it already. */
  readonly value?: unknown;
  readonly bytes: number;
  readonly truncated: boolean;
}

interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

/** Reads a body once, at most {@link MAX_BODY_BYTES} of it. */
async function readBody(body: unknown): Promise<Body> {
  if (body === undefined || body === null || body === "") return { kind: "empty", bytes: 0, truncated: false };
  if (typeof body === "string") {
    const bytes = utf8Length(body);
    return { kind: "text", text: body, bytes, truncated: bytes > MAX_BODY_BYTES };
  }
  if (body instanceof ArrayBuffer) return decodeBytes([new Uint8Array(body)]);
  if (ArrayBuffer.isView(body)) return decodeBytes([new Uint8Array(body.buffer, body.byteOffset, body.byteLength)]);
  const stream = body as { getReader?: unknown };
  if (typeof stream.getReader === "function") return readStream((stream.getReader as () => StreamReader).call(body));
  return { kind: "value", value: body, bytes: 0, truncated: false };
}

async function readStream(reader: StreamReader): Promise<Body> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || value === undefined) break;
    chunks.push(value);
    bytes += value.byteLength;
    if (bytes > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return decodeBytes(chunks);
}

function decodeBytes(chunks: readonly Uint8Array[]): Body {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  if (total === 0) return { kind: "empty", bytes: 0, truncated: false };
  const decoder = new (globalThis as unknown as { TextDecoder: new () => Decoder }).TextDecoder();
  let text = "";
  let read = 0;
  for (const chunk of chunks) {
    const room = MAX_BODY_BYTES - read;
    if (room <= 0) break;
    const part = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
    text += decoder.decode(part, { stream: true });
    read += part.byteLength;
  }
  text += decoder.decode();
  return { kind: text === "" ? "empty" : "text", text, bytes: total, truncated: total > MAX_BODY_BYTES };
}

/** A string's length in UTF-8 bytes, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && index + 1 < text.length) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}
`);
}

/** The standard status texts, for clients that give none. */
function writeStatusTexts(writer: Writer): void {
  writer.write(`/** Standard status texts, for clients (HTTP/2 among them) that give none. */
const STATUS_TEXTS: Readonly<Record<number, string>> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  304: "Not Modified",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  425: "Too Early",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};
`);
}

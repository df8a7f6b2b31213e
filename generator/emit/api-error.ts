import type { CatalogModel } from "../model.js";
import { codeType, createWriter, finish, mainText, writeJsdoc } from "./writer.js";

/** `api-error.ts`: the base class and the two classes for responses the catalog cannot name. */
export function emitApiError(model: CatalogModel): string {
  const writer = createWriter(model);
  const code = codeType(model);
  writer.blankLine();
  writeInitTypes(writer, code);
  writeApiErrorClass(writer, model, code);
  writer.blankLine();
  writeUnlistedClasses(writer, model, code);
  return finish(writer);
}

type Writer = ReturnType<typeof createWriter>;

/** What every error is made from: the response's fields and each class's metadata. */
function writeInitTypes(writer: Writer, code: string): void {
  writer.write(`import { API_ERROR_BRAND, CATALOG_ID } from "./guards.js";
import type { ErrorFields, Fault, ModuleError } from "./types.js";
import { type WireResponse, writeBody, writeResponse } from "./wire.js";

/** What a response says beyond its code; every field is optional. */
export interface ApiErrorInit {
  /** The server's message text; the error's \`message\` falls back to the error type. */
  readonly message?: string | undefined;
  /** The module error code found in the response. */
  readonly moduleError?: ModuleError | undefined;
  /** The request id the response carried. */
  readonly requestId?: string | undefined;
  /** The HTTP status the response arrived with. */
  readonly status?: number | undefined;
  /** How long the server asked to wait before a retry (\`Retry-After\`), in milliseconds. */
  readonly retryAfterMs?: number | undefined;
  /** The body path the code was read from, where the envelope names several. */
  readonly codeField?: string | undefined;
  /** The extra body fields the catalog names, safe to log. */
  readonly fields?: ErrorFields | undefined;
  /** Overrides the class's fault, as a module code may. */
  readonly fault?: Fault | undefined;
  /** Overrides the class's retryable, as a module code may. */
  readonly retryable?: boolean | undefined;
  /** Overrides the class's HTTP status, as a module code may. */
  readonly httpStatus?: number | undefined;
  /** The raw response body: readable as \`error.response\`, never logged. */
  readonly response?: unknown;
  /** What caused this error, as in \`new Error(message, { cause })\`. */
  readonly cause?: unknown;
}

/** What each error class states about itself. */
export interface ApiErrorMeta {
  readonly code: ${code} | undefined;
  readonly name: string;
  readonly type: string;
  readonly fault: Fault | "unknown";
  readonly retryable: boolean;
  /** Whether the code is one the catalog lists. */
  readonly known: boolean;
  readonly httpStatus?: number | undefined;
  /** The prefix of the declared category the code belongs to. */
  readonly category?: string | undefined;
}

`);
}

/** The base class: the fields, the brand, what logs see, and the body a server writes back. */
function writeApiErrorClass(writer: Writer, model: CatalogModel, code: string): void {
  writer.write(`/** The optional fields of an error, in the order \`toJSON\` writes them, each present only when known. */
const OPTIONAL_FIELDS = [
  "httpStatus",
  "category",
  "status",
  "retryAfterMs",
  "codeField",
  "moduleError",
  "requestId",
  "fields",
] as const;

`);
  writeJsdoc(writer, [
    `An error response of ${mainText(model, model.title)}.`,
    "Narrow it with the `is...Error` guards, which also recognise errors made by another copy of this module, where `instanceof` does not, or with `known`: `if (error.known) switch (error.code) { ... }`. Optional fields are absent rather than `undefined` (they are declared, and set only when known); the raw body is read through `response`, a getter rather than a field, so that logging the error never writes out what the body held.",
  ]);
  writer.write(`export class ApiError extends Error {
  /** The response's code; \`undefined\` for a {@link MalformedResponseError} and an \`HttpError\`. */
  declare readonly code: ${code} | undefined;
  /** Whether the code is one the catalog lists: \`true\` on the catalog's classes, \`false\` on the others. */
  declare readonly known: boolean;
  /** The error type, a short title. */
  declare readonly type: string;
  /** Whose mistake the error is; \`unknown\` for codes the catalog does not list. */
  declare readonly fault: Fault | "unknown";
  /** Whether the same call may succeed when sent again later. */
  declare readonly retryable: boolean;
  /** The HTTP status the catalog gives the code (its own, its category's or the catalog's default). */
  declare readonly httpStatus?: number;
  /** The prefix of the declared category the code belongs to. */
  declare readonly category?: string;
  /** The HTTP status the response arrived with. */
  declare readonly status?: number;
  /** How long the server asked to wait before a retry (\`Retry-After\`), in milliseconds. */
  declare readonly retryAfterMs?: number;
  /** The body path the code was read from, where the envelope names several. */
  declare readonly codeField?: string;
  /** The module error code, when the response carried one. */
  declare readonly moduleError?: ModuleError;
  /** The request id, when the response carried one. */
  declare readonly requestId?: string;
  /** The extra body fields the catalog names, when the body held any. */
  declare readonly fields?: ErrorFields;
  readonly #response: unknown;

  constructor(meta: ApiErrorMeta, init: ApiErrorInit = {}) {
    super(init.message ?? meta.type, init.cause === undefined ? undefined : { cause: init.cause });
    if (!branded) brandErrors();
    this.#response = init.response;
    this.name = meta.name;
    this.code = meta.code;
    this.known = meta.known;
    this.type = meta.type;
    this.fault = init.fault ?? meta.fault;
    this.retryable = init.retryable ?? meta.retryable;
    const httpStatus = init.httpStatus ?? meta.httpStatus;
    if (httpStatus !== undefined) this.httpStatus = httpStatus;
    if (meta.category !== undefined) this.category = meta.category;
    // Set one by one: a plain assignment per field keeps construction as fast as a hand-written class.
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.codeField !== undefined) this.codeField = init.codeField;
    if (init.moduleError !== undefined) this.moduleError = init.moduleError;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.fields !== undefined) this.fields = init.fields;
  }

  /** The raw response body; not an own field, so neither \`JSON.stringify\` nor \`console.log\` shows it. */
  get response(): unknown {
    return #response in this ? this.#response : undefined;
  }

  /** The fields that are safe in a log line, without the raw body; \`JSON.stringify(error)\` uses it. */
  toJSON(): Record<string, unknown> {
    const { name, code, type, message, fault, retryable } = this;
    const json: Record<string, unknown> = { name, code, type, message, fault, retryable };
    for (const field of OPTIONAL_FIELDS) {
      if (this[field] !== undefined) json[field] = this[field];
    }
    return json;
  }

  /**
   * The API's own body for this error, through the catalog's envelope: what a server sends.
   * \`errorFromResponse(error.toBody())\` gives back the same class, code, module code and message.
   */
  toBody(): Record<string, unknown> {
    return writeBody(this);
  }

  /**
   * \`{ status, headers, body }\` for this error: \`status\` is \`httpStatus\`, else 200; \`headers\` carry
   * the content type, \`Retry-After\` and the request id; \`body\` is {@link toBody} as JSON text.
   */
  toResponse(): WireResponse {
    return writeResponse(this);
  }
}

/** Whether the errors' prototype carries the brand yet. */
let branded = false;

/**
 * Gives \`ApiError.prototype\` the brand the guards read, on the first error: one property that every
 * error inherits, rather than one set on each error. Not in the class body, where its computed key
 * would keep the class in every bundle, even one that imports a guard alone.
 */
function brandErrors(): void {
  Object.defineProperty(ApiError.prototype, API_ERROR_BRAND, { value: CATALOG_ID });
  branded = true;
}
`);
}

/** The two classes for responses the catalog cannot name: an unknown code, and no valid code. */
function writeUnlistedClasses(writer: Writer, model: CatalogModel, code: string): void {
  writer.write(`/** A code the catalog does not list, so that newer server codes still arrive as an {@link ApiError}. */
export class UnknownApiError extends ApiError {
  declare readonly code: ${code};
  declare readonly known: false;

  constructor(code: ${code}, init: ApiErrorInit = {}) {
    super({ code, name: "UnknownApiError", type: "Unknown error", fault: "unknown", retryable: false, known: false${model.defaultHttpStatus === undefined ? "" : `, httpStatus: ${model.defaultHttpStatus}`} }, init);
  }
}

/** What a malformed response says: the error's fields, and why it is malformed. */
export interface MalformedResponseInit extends ApiErrorInit {
  /** Why the body is malformed: \`no code\`, \`the code is "4400", not a safe integer\`. */
  readonly reason?: string | undefined;
}

/**
 * A body without a valid code: not an object, no code, or a code that is not ${code === "number" ? "a safe integer" : "a non-empty string"}.
 * Never mistaken for success; the message keeps the server's text, \`response\` the body as it came.
 */
export class MalformedResponseError extends ApiError {
  declare readonly code: undefined;
  declare readonly known: false;
  /** Why the body is malformed. */
  readonly reason: string;

  constructor(init: MalformedResponseInit = {}) {
    super(
      {
        code: undefined,
        name: "MalformedResponseError",
        type: "Malformed response",
        fault: "unknown",
        retryable: false,
        known: false,
      },
      init,
    );
    this.reason = init.reason ?? "no code";
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}
`);
}

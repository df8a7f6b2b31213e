import type { CatalogModel } from "../model.js";
import { codeType, createWriter, finish, mainText, writeJsdoc } from "./writer.js";

/** `api-error.ts`: the base class and the two classes for responses the catalog cannot name. */
export function emitApiError(model: CatalogModel): string {
  const writer = createWriter(model);
  const code = codeType(model);
  writer.blankLine();
  writer.write(`import { API_ERROR_BRAND, CATALOG_ID } from "./guards.js";
import type { Fault, ModuleError } from "./types.js";

/** What a response says beyond its code; every field is optional. */
export interface ApiErrorInit {
  /** The server's message text; the error's \`message\` falls back to the error type. */
  readonly message?: string | undefined;
  /** The module error code found in the message. */
  readonly moduleError?: ModuleError | undefined;
  /** The request id the response carried. */
  readonly requestId?: string | undefined;
  /** The raw response body. */
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
}

`);
  writeJsdoc(writer, [
    `An error response of ${mainText(model, model.title)}.`,
    "Narrow it with the `is...Error` guards, which also recognise errors made by another copy of this module, where `instanceof` does not.",
  ]);
  writer.write(`export class ApiError extends Error {
  /** The response's code; \`undefined\` only for a {@link MalformedResponseError}. */
  readonly code: ${code} | undefined;
  /** The error type, a short title. */
  readonly type: string;
  /** Whose mistake the error is; \`unknown\` for codes the catalog does not list. */
  readonly fault: Fault | "unknown";
  /** Whether the same call may succeed when sent again later. */
  readonly retryable: boolean;
  /** The module error code, when the message carried one. */
  readonly moduleError?: ModuleError;
  /** The request id, when the response carried one. */
  readonly requestId?: string;
  /** The raw response body. */
  readonly response: unknown;

  constructor(meta: ApiErrorMeta, init: ApiErrorInit = {}) {
    super(init.message ?? meta.type, init.cause === undefined ? undefined : { cause: init.cause });
    Object.defineProperty(this, API_ERROR_BRAND, { value: CATALOG_ID });
    this.name = meta.name;
    this.code = meta.code;
    this.type = meta.type;
    this.fault = meta.fault;
    this.retryable = meta.retryable;
    if (init.moduleError !== undefined) this.moduleError = init.moduleError;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    this.response = init.response;
  }

  /** The fields that matter in a log line; \`JSON.stringify(error)\` uses it. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      type: this.type,
      message: this.message,
      fault: this.fault,
      retryable: this.retryable,
      moduleError: this.moduleError,
      requestId: this.requestId,
      response: this.response,
    };
  }
}

/** A code the catalog does not list, so that newer server codes still arrive as an {@link ApiError}. */
export class UnknownApiError extends ApiError {
  declare readonly code: ${code};

  constructor(code: ${code}, init: ApiErrorInit = {}) {
    super({ code, name: "UnknownApiError", type: "Unknown error", fault: "unknown", retryable: false }, init);
  }
}

/**
 * A body without a valid code: not an object, no code, or a code that is not ${code === "number" ? "a safe integer" : "a non-empty string"}.
 * Never mistaken for success; \`response\` keeps the body as it came.
 */
export class MalformedResponseError extends ApiError {
  declare readonly code: undefined;

  constructor(init: ApiErrorInit = {}) {
    super(
      { code: undefined, name: "MalformedResponseError", type: "Malformed response", fault: "unknown", retryable: false },
      init,
    );
  }
}
`);
  return finish(writer);
}

/**
 * errorFromHttp over hostile statuses, headers and bodies: it never throws, never reads a
 * non-2xx response as success, and sets the status it was given on every error from a response.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorFromHttp, errorFromResponse } from "../generated/index.js";

const hostileHeaders = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()), fc.constant(null))),
  fc.constant(
    new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("hostile headers");
        },
      },
    ),
  ),
  fc.constant({ get: () => 42 }),
  fc.record({ "retry-after": fc.oneof(fc.string(), fc.nat().map(String)), "content-type": fc.string() }),
);

const body = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.record({ code: fc.oneof(fc.integer({ min: -1, max: 7000 }), fc.constant(0), fc.string()), message: fc.string() }),
  fc.record({ code: fc.constantFrom(0, 4400, 6000, 4999) }).map((value) => JSON.stringify(value)),
  fc.uint8Array({ maxLength: 64 }),
  fc.constant(null),
  fc.constant(""),
);

const status = fc.oneof(
  fc.integer({ min: -5, max: 700 }),
  fc.constantFrom(200, 204, 299, 300, 400, 429, 500, 502),
  fc.double(),
);

/** Whether a body, as the parser reads it, reports success. */
function bodyIsSuccess(value: unknown): boolean {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return false;
    }
  }
  if (value instanceof Uint8Array) {
    try {
      parsed = JSON.parse(new TextDecoder().decode(value));
    } catch {
      return false;
    }
  }
  return errorFromResponse(parsed) === undefined;
}

describe("errorFromHttp over hostile responses", () => {
  it("never throws, and is success only for a 2xx whose body says so (or an empty 204)", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(status, hostileHeaders, body, async (code, headers, value) => {
        const result = await errorFromHttp({ status: code, headers: headers as never, body: value });
        runs++;
        const ok = Number.isInteger(code) && code >= 200 && code < 300;
        if (result === undefined) {
          expect(ok).toBe(true);
          const empty = value === null || value === "" || (value instanceof Uint8Array && value.length === 0);
          expect((code === 204 && empty) || bodyIsSuccess(value)).toBe(true);
          return;
        }
        expect(result.known === true || result.known === false).toBe(true);
        expect(result.status).toBe(code);
      }),
      { numRuns: 3000, seed: 20261201 },
    );
    expect(runs).toBe(3000);
  });

  it("wraps whatever a failed request throws", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (cause) => {
        const result = await errorFromHttp({ cause });
        expect(result?.name).toBe("HttpError");
        expect(result?.status).toBeUndefined();
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });
});

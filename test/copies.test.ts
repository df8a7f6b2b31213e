import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Api from "../generated/index.js";
import { bundleAndImport, cleanup, ROOT } from "./helpers.js";

// Two bundles of the same generated module stand for two copies in one process, as when an
// application and a library each bring their own.
let first: typeof Api;
let second: typeof Api;

function loadCopy(): Promise<typeof Api> {
  return bundleAndImport<typeof Api>(join(ROOT, "generated"));
}

beforeAll(async () => {
  [first, second] = await Promise.all([loadCopy(), loadCopy()]);
});
afterAll(cleanup);

describe("two copies of the generated module", () => {
  it("are really two copies: instanceof fails across them", () => {
    const error = first.errorFromResponse({ code: 4400 });
    expect(error).toBeInstanceOf(first.QuotaExceededError);
    expect(error).not.toBeInstanceOf(second.QuotaExceededError);
    expect(error).not.toBeInstanceOf(second.ApiError);
  });

  it("recognise each other's errors through the guards", () => {
    const error = first.errorFromResponse({ code: 4400 });
    expect(second.isApiError(error)).toBe(true);
    expect(second.isQuotaExceededError(error)).toBe(true);
    expect(second.isInternalError(error)).toBe(false);
    expect(second.isUnknownApiError(first.errorFromResponse({ code: 1234 }))).toBe(true);
    expect(second.isMalformedResponseError(first.errorFromResponse({}))).toBe(true);
  });

  it("do not take look-alikes for errors", () => {
    const lookAlike = Object.assign(new Error("x"), { name: "QuotaExceededError", code: 4400 });
    expect(second.isApiError(lookAlike)).toBe(false);
    expect(second.isQuotaExceededError(lookAlike)).toBe(false);
    expect(second.isApiError({ [Symbol.for("errcat.ApiError")]: "another catalog", code: 4400 })).toBe(false);
    expect(second.isApiError(null)).toBe(false);
    expect(second.isApiError("QuotaExceededError")).toBe(false);
  });
});

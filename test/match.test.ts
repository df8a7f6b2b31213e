import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  type ApiError,
  errorFromCode,
  errorFromResponse,
  HttpError,
  type MatchHandlers,
  matchError,
  type QuotaExceededError,
  type UnmatchedError,
} from "../generated/index.js";
import { cleanup, ROOT, tempDir } from "./helpers.js";

afterAll(cleanup);

// The compiler checks these handler maps when `npm run typecheck` runs over test/: every
// `@ts-expect-error` below fails the typecheck if the line it marks compiles.
const error = errorFromResponse({ code: 4400, message: "slow down" }) as ApiError;

const allCodes = {
  InvalidParameter: () => "InvalidParameter",
  AuthenticationFailed: () => "AuthenticationFailed",
  RequestExpired: () => "RequestExpired",
  AccessDenied: () => "AccessDenied",
  QuotaExceeded: (quota: QuotaExceededError) => `QuotaExceeded ${quota.code}`,
  ReplayAttack: () => "ReplayAttack",
  ProtocolNotSupported: () => "ProtocolNotSupported",
  ResourceNotFound: () => "ResourceNotFound",
  ResourceOperationFailed: () => "ResourceOperationFailed",
  ResourcePurchaseFailed: () => "ResourcePurchaseFailed",
  InsufficientBalance: () => "InsufficientBalance",
  PartialSuccess: () => "PartialSuccess",
  IdentityVerificationFailed: () => "IdentityVerificationFailed",
  InternalError: () => "InternalError",
  VersionNotSupported: () => "VersionNotSupported",
  ApiUnavailable: () => "ApiUnavailable",
};
const exhaustive: MatchHandlers<string> = { ...allCodes, unknown: (other: UnmatchedError) => `unknown ${other.name}` };

describe("matchError", () => {
  it("calls the handler of the error's code with the narrowed class", () => {
    expect(matchError(error, exhaustive)).toBe("QuotaExceeded 4400");
    matchError(error, {
      QuotaExceeded: (quota) => expectTypeOf(quota).toEqualTypeOf<QuotaExceededError>(),
      _: () => undefined,
    });
  });

  it("sends other codes, unknown codes, malformed bodies and HTTP errors to _", () => {
    const handlers = { QuotaExceeded: () => "quota", _: (other: ApiError) => `other ${other.name}` };
    expect(matchError(errorFromCode(6000), handlers)).toBe("other InternalError");
    expect(matchError(errorFromResponse({ code: 4999 }) as ApiError, handlers)).toBe("other UnknownApiError");
    expect(matchError(errorFromResponse({}) as ApiError, handlers)).toBe("other MalformedResponseError");
    expect(matchError(new HttpError({ status: 502 }), handlers)).toBe("other HttpError");
  });

  it("never throws on an unknown code, a malformed body or an HTTP error: they go to unknown", () => {
    expect(matchError(errorFromResponse({ code: 4999 }) as ApiError, exhaustive)).toBe("unknown UnknownApiError");
    expect(matchError(errorFromResponse(null) as ApiError, exhaustive)).toBe("unknown MalformedResponseError");
    expect(matchError(new HttpError({ status: 503 }), exhaustive)).toBe("unknown HttpError");
    const both = { QuotaExceeded: () => "quota", unknown: () => "unknown", _: () => "rest" };
    expect(matchError(errorFromResponse({ code: 4999 }) as ApiError, both)).toBe("unknown");
    expect(matchError(errorFromCode(6000), both)).toBe("rest");
  });

  it("does not compile without a handler for every code, or _", () => {
    // @ts-expect-error a code's handler is missing and there is no `_`
    const missing: MatchHandlers<string> = { QuotaExceeded: () => "quota", unknown: () => "" };
    const { InvalidParameter: _dropped, ...allButOne } = exhaustive as typeof allCodes & { unknown: () => string };
    // @ts-expect-error one code short of complete, and no `_`
    const oneShort: MatchHandlers<string> = allButOne;
    // @ts-expect-error every code, but no `unknown` and no `_`
    const noUnknown: MatchHandlers<string> = allCodes;
    // @ts-expect-error a handler receives its own class, not another's
    const wrongClass: MatchHandlers<number> = { QuotaExceeded: (e: { code: 6000 }) => e.code, _: () => 0 };
    expect([missing, oneShort, noUnknown, wrongClass]).toHaveLength(4);
  });

  it("names the missing code in the compiler's error", () => {
    const dir = tempDir();
    const { InternalError: _left, ...rest } = allCodes;
    const handlers = Object.keys(rest)
      .map((name) => `${name}: () => 0`)
      .join(", ");
    const source = `import { type ApiError, matchError } from ${JSON.stringify(join(ROOT, "generated/index.js"))};
declare const error: ApiError;
matchError(error, { ${handlers}, unknown: () => 0 });
`;
    writeFileSync(join(dir, "missing.ts"), source);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const flags = [
      "--ignoreConfig",
      "--noEmit",
      "--strict",
      "--module",
      "nodenext",
      "--target",
      "es2022",
      "--types",
      "",
    ];
    const result = spawnSync(process.execPath, [tsc, ...flags, join(dir, "missing.ts")], { encoding: "utf8" });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/Property 'InternalError' is missing/);
  });
});

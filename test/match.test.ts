import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type ApiError,
  errorFromResponse,
  type MatchHandlers,
  matchError,
  type QuotaExceededError,
} from "../generated/index.js";

// The compiler checks these handler maps when `npm run typecheck` runs over test/: every
// `@ts-expect-error` below fails the typecheck if the line it marks compiles.
const error = errorFromResponse({ code: 4400, message: "slow down" }) as ApiError;

const allCodes: MatchHandlers<string> = {
  InvalidParameter: () => "InvalidParameter",
  AuthenticationFailed: () => "AuthenticationFailed",
  RequestExpired: () => "RequestExpired",
  AccessDenied: () => "AccessDenied",
  QuotaExceeded: (quota) => `QuotaExceeded ${quota.code}`,
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

describe("matchError", () => {
  it("calls the handler of the error's code with the narrowed class", () => {
    expect(matchError(error, allCodes)).toBe("QuotaExceeded 4400");
    matchError(error, {
      QuotaExceeded: (quota) => expectTypeOf(quota).toEqualTypeOf<QuotaExceededError>(),
      _: () => undefined,
    });
  });

  it("sends other codes, unknown codes and malformed bodies to _", () => {
    const handlers = { QuotaExceeded: () => "quota", _: (other: ApiError) => `other ${other.name}` };
    expect(matchError(errorFromResponse({ code: 6000 }) as ApiError, handlers)).toBe("other InternalError");
    expect(matchError(errorFromResponse({ code: 4999 }) as ApiError, handlers)).toBe("other UnknownApiError");
    expect(matchError(errorFromResponse({}) as ApiError, handlers)).toBe("other MalformedResponseError");
  });

  it("rethrows an unknown error when every code has a handler but there is no _", () => {
    const unknown = errorFromResponse({ code: 4999 }) as ApiError;
    expect(() => matchError(unknown, allCodes)).toThrow(unknown);
  });

  it("does not compile without a handler for every code or _", () => {
    // @ts-expect-error a code's handler is missing and there is no `_`
    const missing: MatchHandlers<string> = { QuotaExceeded: () => "quota" };
    const { InvalidParameter: _dropped, ...allButOne } = allCodes;
    // @ts-expect-error one code short of complete, and no `_`
    const oneShort: MatchHandlers<string> = allButOne;
    // @ts-expect-error a handler receives its own class, not another's
    const wrongClass: MatchHandlers<number> = { QuotaExceeded: (e: { code: 6000 }) => e.code, _: () => 0 };
    expect([missing, oneShort, wrongClass]).toHaveLength(3);
  });
});

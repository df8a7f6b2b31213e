import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it, vi } from "vitest";
import * as dotted from "../examples/dotted/generated/all.js";
import * as errcode from "../examples/errcode/generated/all.js";
import * as numeric from "../examples/numeric/generated/all.js";
import * as problems from "../examples/problem-details/generated/all.js";
import { ROOT } from "./helpers.js";

describe("the three example catalogs", () => {
  it.each(["numeric", "dotted", "errcode", "problem-details"])("%s is generated and in sync", (name) => {
    const dir = join(ROOT, "examples", name);
    const args = ["--schema", join(dir, "catalog.yaml"), "--out", join(dir, "generated")];
    const result = spawnSync(process.execPath, [join(ROOT, "dist/bin.js"), "generate", "--check", ...args], {
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toMatch(/is up to date/);
    expect(result.status).toBe(0);
  });
});

describe("errorFromCode is typed by the code in every dialect", () => {
  it("gives the code's class for a TypeScript enum member, a negative code and a dotted string code", () => {
    const throttled = numeric.errorFromCode(numeric.CommonErrorCode.Throttled);
    expectTypeOf(throttled).toEqualTypeOf<numeric.ThrottledError>();
    expect(throttled).toBeInstanceOf(numeric.ThrottledError);
    const busy = errcode.errorFromCode(errcode.CommonErrorCode.SystemBusy);
    expectTypeOf(busy).toEqualTypeOf<errcode.SystemBusyError>();
    expect(busy.code).toBe(-1);
    const expired = dotted.errorFromCode("AuthFailure.SignatureExpire");
    expectTypeOf(expired).toEqualTypeOf<dotted.AuthFailureSignatureExpireError>();
    expect(expired).toBeInstanceOf(dotted.AuthFailureSignatureExpireError);
    // A code the catalog does not list is typed as any error the catalog can give.
    expectTypeOf(numeric.errorFromCode(4242)).toEqualTypeOf<numeric.ResponseApiError>();
  });
});

describe("numeric codes, module codes in the message", () => {
  it("resolves a negative module code", () => {
    const error = numeric.errorFromResponse({ code: 1000, message: "(-1) bad checksum" }, { module: "objects" });
    expect(error).toBeInstanceOf(numeric.BadRequestError);
    expect(error?.moduleError).toMatchObject({
      code: -1,
      module: "objects",
      name: "ChecksumMismatch",
      text: "bad checksum",
    });
  });

  it("keeps deprecated codes working and marks them", () => {
    expect(numeric.errorFromResponse({ code: 1503 })).toBeInstanceOf(numeric.LegacyMaintenanceError);
    expect(numeric.commonErrorInfo(1503)?.deprecated).toEqual({
      reason: "Maintenance now answers with 1500.",
      replacedBy: 1500,
    });
  });
});

describe("dotted string codes in a nested envelope", () => {
  const body = (code: string, message = "text") => ({
    Response: { Error: { Code: code, Message: message }, RequestId: "req-9" },
  });

  it("takes a Response without an Error for success, and anything else for malformed", () => {
    expect(dotted.errorFromResponse({ Response: { RequestId: "req-1" } })).toBeUndefined();
    for (const bad of [
      {},
      null,
      { Response: null },
      { Response: [] },
      { Response: { Error: {} } },
      { Response: { Error: { Code: 4 } } },
    ]) {
      expect(dotted.errorFromResponse(bad)).toBeInstanceOf(dotted.MalformedResponseError);
    }
  });

  it("gives the class of the exact common code", () => {
    const error = dotted.errorFromResponse(body("AuthFailure.SignatureExpire", "expired"));
    expect(error).toBeInstanceOf(dotted.AuthFailureSignatureExpireError);
    expect(error).toMatchObject({ code: "AuthFailure.SignatureExpire", message: "expired", requestId: "req-9" });
    expect(error?.moduleError).toBeUndefined();
    expect(dotted.isAuthFailureCategory(error)).toBe(true);
  });

  it("gives a module code the class of its longest common prefix, with the module's name", () => {
    const error = dotted.errorFromResponse(body("InvalidParameter.ProjectIdNotExist", "no such project"));
    expect(error).toBeInstanceOf(dotted.InvalidParameterError);
    expect(error?.code).toBe("InvalidParameter");
    expect(error?.moduleError).toEqual({
      code: "InvalidParameter.ProjectIdNotExist",
      text: "no such project",
      module: "cvm-v20170312",
      name: "InvalidParameterProjectIdNotExist",
    });
    expect(dotted.isInvalidParameterCategory(error)).toBe(true);
    expect(dotted.isAuthFailureCategory(error)).toBe(false);
  });

  it("gives a module's copy of a common code the common class and the module's name", () => {
    const error = dotted.errorFromResponse(body("InvalidParameter"), { module: "cvm-v20170312" });
    expect(error).toBeInstanceOf(dotted.InvalidParameterError);
    expect(error?.moduleError).toMatchObject({ module: "cvm-v20170312", name: "InvalidParameter" });
    expect(dotted.errorFromResponse(body("InvalidParameter"), { module: "cdb" })?.moduleError).toBeUndefined();
  });

  it("gives a code with no common prefix UnknownApiError, still naming the module code", () => {
    const error = dotted.errorFromResponse(body("UnsupportedOperation.NOT_SUPPORT_THIS_ACTION"));
    expect(error).toBeInstanceOf(dotted.UnknownApiError);
    expect(error?.moduleError?.name).toBe("UnsupportedOperationNotSupportThisAction");
    expect(dotted.errorFromResponse(body("InternalError."))?.moduleError?.name).toBe("InternalErrorTrailingDot");
  });

  it("tells listeners about codes the catalog lacks", () => {
    const listener = vi.fn();
    const perCall = vi.fn();
    const stop = dotted.onUnknownCode(listener);
    const failing = dotted.onUnknownCode(() => {
      throw new Error("a broken listener");
    });
    const response = body("FailedOperation.New");
    expect(dotted.errorFromResponse(response, { onUnknownCode: perCall })).toBeInstanceOf(dotted.UnknownApiError);
    dotted.errorFromResponse(body("InternalError"));
    stop();
    failing();
    dotted.errorFromResponse(body("FailedOperation.Newer"));
    expect(listener.mock.calls).toEqual([["FailedOperation.New", response]]);
    expect(perCall).toHaveBeenCalledOnce();
  });

  it("describes codes in each locale, falling back to the default", () => {
    expect(dotted.LOCALES).toEqual(["en", "zh"]);
    expect(dotted.describe("AuthFailure", "zh")?.description).toBe("请求无法通过认证。");
    expect(dotted.describe("AuthFailure")?.description).toBe("The request could not be authenticated.");
    expect(dotted.describe("MissingParameter.cmq", "zh", "cdb")?.description).toBe("缺少队列参数。");
    expect(dotted.describe("Nope")).toBeUndefined();
  });

  it("has string enums with derived names", () => {
    expect(dotted.CommonErrorCode.AuthFailureSignatureExpire).toBe("AuthFailure.SignatureExpire");
    expect(dotted.CvmV20170312ModuleErrorCode.UnsupportedOperationNotSupportThisAction).toBe(
      "UnsupportedOperation.NOT_SUPPORT_THIS_ACTION",
    );
  });
});

describe("flat errcode/errmsg with negative codes, erasable output", () => {
  it("reads errcode and errmsg", () => {
    expect(errcode.errorFromResponse({ errcode: 0, errmsg: "ok" })).toBeUndefined();
    const error = errcode.errorFromResponse({ errcode: -1, errmsg: "system busy" });
    expect(error).toBeInstanceOf(errcode.SystemBusyError);
    expect(error).toMatchObject({ code: -1, message: "system busy", retryable: true });
    expect(errcode.errorFromResponse({ errcode: "0" })).toBeInstanceOf(errcode.MalformedResponseError);
    expect(errcode.errorFromResponse({ code: 0 })).toBeInstanceOf(errcode.MalformedResponseError);
  });

  it("has const objects in place of enums", () => {
    expect(errcode.CommonErrorCode).toEqual({
      SystemBusy: -1,
      InvalidCredential: 40001,
      InvalidOpenId: 40003,
      DailyLimitReached: 45009,
    });
  });

  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const erasable = (dir: string) =>
    spawnSync(
      process.execPath,
      [
        tsc,
        "--ignoreConfig",
        "--noEmit",
        "--strict",
        "--erasableSyntaxOnly",
        "--isolatedModules",
        "--verbatimModuleSyntax",
        "--target",
        "ES2022",
        "--module",
        "nodenext",
        "--types",
        "",
        join(ROOT, dir, "all.ts"),
      ],
      { encoding: "utf8" },
    );

  it("compiles under --erasableSyntaxOnly and --isolatedModules", () => {
    const result = erasable("examples/errcode/generated");
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  });

  it("where enum output does not (so the check above means something)", () => {
    const result = erasable("examples/numeric/generated");
    expect(result.stdout).toMatch(/TS1294/);
  });
});

it("the package builds a self-contained output: no import leaves the output folder", () => {
  const imports = execFileSync("grep", ["-rhoE", 'from "[^"]+"', join(ROOT, "generated"), join(ROOT, "examples")], {
    encoding: "utf8",
  });
  for (const line of imports.split("\n").filter(Boolean)) expect(line).toMatch(/from "\.\.?\//);
});

describe("RFC 9457 problem details: type URIs as codes", () => {
  const outOfCredit = {
    type: "https://example.com/probs/out-of-credit",
    title: "You do not have enough credit.",
    status: 403,
    detail: "Your current balance is 30, but that costs 50.",
    instance: "/account/12345/msgs/abc",
    balance: 30,
    accounts: ["/account/12345", "/account/67890"],
  };

  it("names each problem type after its URI's last segment, and reads status, instance and fields", () => {
    const error = problems.errorFromResponse(outOfCredit);
    expect(error).toBeInstanceOf(problems.OutOfCreditError);
    expect(problems.isOutOfCreditError(error)).toBe(true);
    expect(error).toMatchObject({
      code: "https://example.com/probs/out-of-credit",
      message: "Your current balance is 30, but that costs 50.",
      requestId: "/account/12345/msgs/abc",
      status: 403,
      httpStatus: 403,
      fields: { balance: 30 },
    });
    expect(problems.CommonErrorCode.OutOfCredit).toBe("https://example.com/probs/out-of-credit");
  });

  it("takes a body without a type for a resource, about:blank for a problem, an unknown URI as unknown", () => {
    expect(problems.errorFromResponse({ id: 7, name: "widget" })).toBeUndefined();
    expect(problems.errorFromResponse({ type: "about:blank", title: "Not Found", status: 404 })).toBeInstanceOf(
      problems.UntypedError,
    );
    const unknown = problems.errorFromResponse({ type: "https://example.com/probs/new", status: 409 });
    expect(unknown).toBeInstanceOf(problems.UnknownApiError);
    expect(unknown).toMatchObject({ status: 409, httpStatus: 500 });
  });
});

/**
 * `errcat import`: three hand-written files of error codes (a numeric enum with JSDoc, a string
 * `as const` object, error classes with `static code`) become catalogs whose generated code
 * carries the same values as the hand-written code, loaded side by side.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importCodes } from "../generator/import.js";
import { pascalName } from "../generator/import-catalog.js";
import { render, validate } from "../generator/index.js";
import { errorClassName } from "../generator/names.js";
import * as classes from "./fixtures/import/error-classes.js";
import * as numeric from "./fixtures/import/numeric-enum.js";
import * as strings from "./fixtures/import/string-const.js";
import { bundleAndImport, cleanup, cli, tempDir, typecheckOutput, writeCatalog, writeRendered } from "./helpers.js";

afterAll(cleanup);

const FIXTURES = "test/fixtures/import";

interface Generated {
  CommonErrorCode: Record<string, unknown>;
  errorFromResponse(body: unknown): (Error & { code: unknown }) | undefined;
}

/** Imports a file, generates from the catalog, type-checks and loads the output. */
async function importAndGenerate(file: string) {
  const result = importCodes([join(FIXTURES, file)]);
  const dir = tempDir();
  const out = join(dir, "generated");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  writeRendered(out, render(validate(writeCatalog(dir, result.yaml))));
  return { result, out, api: await bundleAndImport<Generated>(out) };
}

/** The generated code answers each hand-written (name, code) pair with the same value. */
function expectSameValues(api: Generated, pairs: readonly (readonly [string, string | number])[]) {
  expect(pairs.length).toBeGreaterThan(2);
  for (const [name, code] of pairs) {
    expect(api.CommonErrorCode[name], name).toBe(code);
    const error = api.errorFromResponse({ code, message: "m" });
    expect([error?.name, error?.code]).toEqual([errorClassName(name), code]);
  }
}

describe("errcat import", () => {
  it("a numeric enum with JSDoc: values, descriptions, deprecation, success, and what it left out", async () => {
    const { result, out, api } = await importAndGenerate("numeric-enum.ts");
    const pairs = Object.entries(numeric.ErrorCode)
      .filter(([name, value]) => typeof value === "number" && !["Ok", "Dynamic"].includes(name))
      .map(([name, value]) => [name, value as number] as const);
    expectSameValues(api, pairs);
    expect(api.errorFromResponse({ code: numeric.ErrorCode.Ok })).toBeUndefined();
    const catalog = parse(result.yaml) as { common: Record<string, unknown>[] };
    expect(catalog.common.find((entry) => entry.name === "AuthenticationFailed")?.description).toBe(
      "The signature does not match. Sign the request again with the current key.",
    );
    expect(catalog.common.find((entry) => entry.name === "RateLimited")?.deprecated).toEqual({
      reason: "Replaced by QuotaExceeded.",
    });
    expect(catalog.common.find((entry) => entry.name === "ServiceUnavailable")?.description).toBe(
      "down for maintenance",
    );
    expect(result.problems.map(({ message, location: { line, col } }) => `${line}:${col}: ${message}`)).toEqual([
      "26:3: ErrorCode.Dynamic has no constant value; left out",
    ]);
    expect(typecheckOutput(out)).toEqual({ status: 0, output: "" });
  });

  it("a string as const object: plain and { code, message } values, line comments", async () => {
    const { result, api } = await importAndGenerate("string-const.ts");
    const pairs = Object.entries(strings.ErrorCodes)
      .filter(([name]) => name !== "SAME_AS_ABOVE")
      .map(([name, value]) => [pascalName(name), typeof value === "string" ? value : value.code] as const);
    expectSameValues(api, pairs);
    const catalog = parse(result.yaml) as { success: string; common: Record<string, unknown>[] };
    expect(catalog.success).toBe("OK");
    expect(catalog.common.map((entry) => entry.description)).toEqual([
      "A parameter is missing or has the wrong format.",
      "The credentials are wrong.",
      "the resource does not exist",
      "Internal error.",
      "Too many requests in one second.",
    ]);
    expect(result.problems.map((problem) => `${problem.location.line}:${problem.location.col}`)).toEqual(["11:3"]);
    expect(result.problems[0]?.message).toMatch(/^SAME_AS_ABOVE repeats code AuthFailure of .*string-const\.ts:7:3/);
  });

  it("error classes with static code: negative codes, super() and message texts", async () => {
    const { result, api } = await importAndGenerate("error-classes.ts");
    const pairs = [classes.InvalidParameterError, classes.QuotaExceededError, classes.ServerBusyError].map(
      (ErrorClass) => [ErrorClass.name.replace(/Error$/, ""), ErrorClass.code] as const,
    );
    expectSameValues(api, pairs);
    const catalog = parse(result.yaml) as { common: Record<string, unknown>[] };
    expect(catalog.common.map((entry) => [entry.name, entry.description, entry.fault, entry.retryable])).toEqual([
      ["InvalidParameter", "The caller sent an invalid parameter.", "client", undefined],
      ["QuotaExceeded", "Too many requests: slow down.", "client", true],
      ["ServerBusy", "The server is busy; retry in a moment.", "server", true],
    ]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      "UnmappedError.code is not a number or string literal; left out",
    ]);
  });

  it.each([
    { given: "QUOTA_EXCEEDED", want: "QuotaExceeded" },
    { given: "quotaExceeded", want: "QuotaExceeded" },
    { given: "HTTPTimeout", want: "HttpTimeout" },
    { given: "Auth.Failure", want: "AuthFailure" },
  ])("names $given $want", ({ given, want }) => {
    expect(pascalName(given)).toBe(want);
  });

  it("writes a new catalog from the command line and never overwrites one", () => {
    const dir = tempDir();
    const schema = join(dir, "errors.yaml");
    const args = ["import", join(FIXTURES, "numeric-enum.ts"), "--schema", schema, "--title", "Acme API"];
    const first = cli(args);
    expect(first.stdout).toMatch(/wrote .*errors\.yaml: 6 codes; 1 left out/);
    expect(first.stderr).toMatch(/numeric-enum\.ts:26:3: warning: ErrorCode\.Dynamic has no constant value/);
    expect(first.code).toBe(0);
    expect(parse(cli(["export", "--format", "json", "--schema", schema]).stdout)).toMatchObject({ title: "Acme API" });
    const second = cli(args);
    expect(second.stderr).toMatch(/exists; import never overwrites a catalog/);
    expect(second.code).toBe(2);
  });
});

describe("errcat import, the other shapes", () => {
  it("reads a string enum and reports a number code among string codes", () => {
    const file = join(tempDir(), "codes.ts");
    writeFileSync(
      file,
      `export enum Code {
  /** The token expired. */
  TokenExpired = "TOKEN_EXPIRED",
  Throttled = "THROTTLED", // slow down
}
export enum Numbers {
  Other = 7,
}
`,
    );
    const result = importCodes([file]);
    expect(parse(result.yaml)).toMatchObject({
      success: "OK",
      common: [
        { code: "TOKEN_EXPIRED", name: "TokenExpired", description: "The token expired.", fault: "client" },
        { code: "THROTTLED", name: "Throttled", description: "slow down", fault: "client", retryable: true },
      ],
    });
    expect(result.problems.map(({ message, location: { line, col } }) => `${line}:${col}: ${message}`)).toEqual([
      "7:3: Other is a number code among string codes; left out",
    ]);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import * as api from "../generated/all.js";
import { errorClassName } from "../generator/names.js";
import { ROOT } from "./helpers.js";

interface YamlCommon {
  code: number;
  name: string;
  type: string;
  description: string;
  fault: string;
  retryable?: boolean;
}
interface YamlModule {
  name: string;
  codes: { code: number; name: string; description: string }[];
}

// The committed output is exercised against the catalog itself, code by code.
const catalog = parse(readFileSync(join(ROOT, "schema/error-codes.yaml"), "utf8")) as {
  success: number;
  common: YamlCommon[];
  moduleErrors: { modules: YamlModule[] };
};
const exports = api as unknown as Record<string, unknown>;

describe("the default catalog", () => {
  it("holds exactly the sixteen common codes of the API reference", () => {
    expect(catalog.common.map((entry) => entry.code)).toEqual([
      4000, 4100, 4200, 4300, 4400, 4500, 4600, 5000, 5100, 5200, 5300, 5400, 5500, 6000, 6100, 6200,
    ]);
    expect(catalog.common.find((entry) => entry.code === 4000)?.description).not.toMatch(/[\u200b\u00e2]/);
  });

  it("exports the success code", () => {
    expect(api.SUCCESS_CODE).toBe(catalog.success);
    expect(api.errorFromResponse({ code: catalog.success, message: "ok" })).toBeUndefined();
  });

  it("lists COMMON_ERRORS ordered by code with the YAML strings exactly", () => {
    expect(api.COMMON_ERRORS).toEqual(
      [...catalog.common]
        .sort((a, b) => a.code - b.code)
        .map((entry) => ({
          code: entry.code,
          name: entry.name,
          type: entry.type,
          description: entry.description,
          fault: entry.fault,
          retryable: entry.retryable ?? false,
        })),
    );
  });

  describe.each(catalog.common)("common code $code ($name)", (entry) => {
    const ErrorClass = exports[errorClassName(entry.name)] as (new (
      init?: api.ApiErrorInit,
    ) => api.ApiError) & { code: number };
    const guard = exports[`is${errorClassName(entry.name)}`] as (value: unknown) => boolean;

    it("is an enum member and a common code", () => {
      expect((api.CommonErrorCode as unknown as Record<string, number>)[entry.name]).toBe(entry.code);
      expect(api.isCommonErrorCode(entry.code)).toBe(true);
      expect(api.commonErrorInfo(entry.code)?.name).toBe(entry.name);
    });

    it("becomes its class through errorFromResponse, with every field", () => {
      const body = { code: entry.code, message: `server says ${entry.code}`, requestId: "req-1" };
      const error = api.errorFromResponse(body);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(api.ApiError);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({
        name: errorClassName(entry.name),
        code: entry.code,
        type: entry.type,
        message: `server says ${entry.code}`,
        fault: entry.fault,
        retryable: entry.retryable ?? false,
        requestId: "req-1",
      });
      expect(error?.response).toBe(body);
      expect(error?.moduleError).toBeUndefined();
      expect(ErrorClass.code).toBe(entry.code);
      // Declared as a constant, the class still reads as a declaration would.
      expect(ErrorClass.name).toBe(errorClassName(entry.name));
      expect(error?.constructor).toBe(ErrorClass);
      expect(guard(error)).toBe(true);
      expect(api.isApiError(error)).toBe(true);
      expect(api.isUnknownApiError(error)).toBe(false);
    });

    it("can be extended: a subclass keeps the code, the metadata and the guard", () => {
      class AppError extends ErrorClass {
        readonly retriedAt = 1;
      }
      const error = new AppError({ message: "from the app" });
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ name: errorClassName(entry.name), code: entry.code, message: "from the app" });
      expect(error.retriedAt).toBe(1);
      expect(guard(error)).toBe(true);
    });

    it("is recognised by its guard only", () => {
      const error = new ErrorClass();
      for (const other of catalog.common) {
        expect((exports[`is${errorClassName(other.name)}`] as (value: unknown) => boolean)(error)).toBe(
          other.code === entry.code,
        );
      }
    });
  });

  describe.each(catalog.moduleErrors.modules)("module $name", (module) => {
    const pascal = module.name.replace(/(^|[-_])([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
    const upper = module.name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
    it.each(module.codes)("code $code ($name) resolves through the message", (entry) => {
      const enumObject = exports[`${pascal}ModuleErrorCode`] as Record<string, number>;
      expect(enumObject[entry.name]).toBe(entry.code);
      expect((exports[`is${pascal}ModuleErrorCode`] as (value: unknown) => boolean)(entry.code)).toBe(true);
      expect(exports[`${upper}_MODULE_ERRORS`]).toContainEqual({ code: entry.code, name: entry.name });
      expect(api.describe(entry.code, "en", module.name as api.ModuleName)?.description).toBe(entry.description);
      const error = api.errorFromResponse(
        { code: 4000, message: `(${entry.code}) ${entry.description}` },
        {
          module: module.name as api.ModuleName,
        },
      );
      expect(error?.moduleError).toEqual({
        code: entry.code,
        text: entry.description,
        pattern: "parenthesized",
        module: module.name,
        name: entry.name,
      });
    });
  });
});

describe("errorFromResponse", () => {
  it("gives UnknownApiError for a code the catalog does not know", () => {
    const error = api.errorFromResponse({ code: 4999, message: "new" });
    expect(error).toBeInstanceOf(api.UnknownApiError);
    expect(error).toMatchObject({ code: 4999, message: "new", fault: "unknown", name: "UnknownApiError" });
    expect(api.isUnknownApiError(error)).toBe(true);
  });

  it.each([
    ["null", null],
    ["an empty object", {}],
    ["a string code", { code: "abc" }],
    ["a numeric string code", { code: "4400" }],
    ["a float code", { code: 4400.5 }],
    ["NaN", { code: Number.NaN }],
    ["an unsafe integer", { code: 2 ** 60 }],
    ["an array", [0]],
    ["a number", 0],
    ["undefined", undefined],
  ])("gives MalformedResponseError for %s, keeping the body", (_, body) => {
    const error = api.errorFromResponse(body);
    expect(error).toBeInstanceOf(api.MalformedResponseError);
    expect(api.isMalformedResponseError(error)).toBe(true);
    expect(error?.code).toBeUndefined();
    expect(error?.response).toBe(body);
  });

  it("never throws on a body whose getters throw", () => {
    const body = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
        has() {
          throw new Error("boom");
        },
        getOwnPropertyDescriptor() {
          throw new Error("boom");
        },
      },
    );
    const error = api.errorFromResponse(body);
    expect(error).toBeInstanceOf(api.MalformedResponseError);
    expect(error?.cause).toEqual(new Error("boom"));
  });

  it("reads own properties only", () => {
    const body = Object.create({ code: 0 }) as object;
    expect(api.errorFromResponse(body)).toBeInstanceOf(api.MalformedResponseError);
    const parsed = JSON.parse('{"__proto__": {"code": 0}, "code": 4400}') as unknown;
    expect(api.errorFromResponse(parsed)).toBeInstanceOf(api.QuotaExceededError);
  });

  it("falls back to the error type when the message is missing or not a string", () => {
    expect(api.errorFromResponse({ code: 4400 })?.message).toBe("Quota exceed");
    const error = api.errorFromResponse({ code: 4400, message: { text: "x" } });
    expect(error?.message).toBe("Quota exceed");
    expect(error?.moduleError).toBeUndefined();
  });

  it("resolves a module code without a module when exactly one module lists it", () => {
    expect(api.errorFromResponse({ code: 4000, message: "(100004) incorrect projectId" })?.moduleError).toEqual({
      code: 100004,
      text: "incorrect projectId",
      pattern: "parenthesized",
      module: "account",
      name: "IncorrectProjectId",
    });
  });

  it("keeps the module but no name for a code the given module does not list", () => {
    expect(api.errorFromResponse({ code: 4000, message: "(100004) x" }, { module: "storageBox" })?.moduleError).toEqual(
      { code: 100004, text: "x", pattern: "parenthesized", module: "storageBox" },
    );
  });

  it("keeps the cause chain and logs well", () => {
    const cause = new Error("socket");
    const error = new api.InternalError({ message: "down", cause });
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe("InternalError: down");
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "InternalError",
      code: 6000,
      message: "down",
    });
  });
});

describe("parseModuleMessage", () => {
  it.each([
    ["(100004) incorrect projectId", { code: 100004, text: "incorrect projectId", pattern: "parenthesized" }],
    ["(-30001)bucket name taken", { code: -30001, text: "bucket name taken", pattern: "parenthesized" }],
    ["(12) multi\nline", { code: 12, text: "multi\nline", pattern: "parenthesized" }],
    ["no code here", undefined],
    ["(abc) letters", undefined],
    ["(99999999999999999999) too big", undefined],
  ])("%j", (message, want) => {
    expect(api.parseModuleMessage(message)).toEqual(want);
  });

  it("scans a capped prefix but keeps the whole text", () => {
    const tail = "x".repeat(100_000);
    expect(api.parseModuleMessage(`(7) ${tail}`)).toEqual({ code: 7, text: tail, pattern: "parenthesized" });
    // The code must appear inside the scanned prefix.
    expect(api.parseModuleMessage(`${" ".repeat(5000)}(7) late`)).toBeUndefined();
  });
});

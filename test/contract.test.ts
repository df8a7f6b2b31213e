/**
 * The error contract of any API: the answers that were once silently wrong, and every key of the
 * format that says what a real API's docs say (success rules, code paths, categories, HTTP
 * status, extra fields, aliases, reserved ranges, names).
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { explain } from "../generator/explain.js";
import { exportJson } from "../generator/export.js";
import { CatalogError, validate } from "../generator/index.js";
import { type CatalogApi, catalogApi } from "./catalog-api.js";
import { cleanup, ROOT, tempDir, writeCatalog, writeRendered } from "./helpers.js";

afterAll(cleanup);

/** The problems of an invalid catalog, as `line:col: message (at pointer)`. */
function problems(text: string): string[] {
  try {
    validate(writeCatalog(tempDir(), text));
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    return error.problems.map(
      (problem) =>
        `${problem.location.line}:${problem.location.col}: ${problem.message} (at ${problem.location.pointer})`,
    );
  }
  return [];
}

const common = (entries: string) =>
  `format: 1\ntitle: T\nsuccess: 0\ncommon:${entries === "" ? " []" : ""}\n${entries}`;

describe("silent wrong answers", () => {
  it.each([
    ["08006", "the integer 8006"],
    ["0x1F", "the integer 31"],
    ["1e3", "the integer 1000"],
    ["+5", "the integer 5"],
    ["00000", "the integer 0"],
  ])("refuses the code %s, read as %s, and says to quote it", (source, read) => {
    const found = problems(
      `format: 1\nsuccess: "x"\ncommon:\n  - { code: ${source}, name: A, type: t, description: d, fault: client }\n`,
    );
    expect(found).toEqual([
      `4:13: ${source} is read as ${read}, not as written: quote it if it is a code ("${source}"), or write ${read.replace("the integer ", "")} (at /common/0/code)`,
    ]);
  });

  it("refuses success: 00000 and 1_000, located", () => {
    expect(problems(`format: 1\nsuccess: 00000\ncommon: []\n`)).toEqual([
      '2:10: 00000 is read as the integer 0, not as written: quote it if it is a code ("00000"), or write 0 (at /success)',
    ]);
    expect(problems(common("  - { code: 1_000, name: A, type: t, description: d, fault: client }\n"))).toEqual([
      '5:13: 1_000 is read as a string, not a number: write 1000, or quote it if it is a code ("1_000") (at /common/0/code)',
    ]);
  });

  it("asks to quote the numeric-looking codes of a list that mixes kinds because of it", () => {
    const text = `format: 1
success: "00000"
common:
  - { code: "0A000", name: FeatureNotSupported, description: d, fault: client }
  - { code: 23505, name: UniqueViolation, description: d, fault: client }
`;
    expect(problems(text)).toEqual([
      '5:13: code 23505 is read as an integer, but the other codes of the list are strings: quote it ("23505") (at /common/1/code)',
    ]);
  });

  it("applies no pattern where the catalog declares no module errors", async () => {
    const text = common("  - { code: 13, name: Internal, type: Internal, description: d, fault: server }\n");
    const { errorFromResponse, api, files, model } = await catalogApi(text);
    const error = errorFromResponse({ code: 13, message: "(503) upstream connect error" });
    expect(error?.name).toBe("InternalError");
    expect(error?.moduleError).toBeUndefined();
    expect((api.parseModuleMessage as (message: string) => unknown)("(503) upstream connect error")).toBeUndefined();
    expect(explain(model, "(42) x").known).toBe(false);
    expect(explain(model, "(42) x").lines.join("\n")).not.toMatch(/module code/);
    expect(files.get("error-codes.md")).not.toMatch(/100004|[Pp]attern/);
  });

  it("keeps the raw body out of toJSON and util.inspect, and readable in code", async () => {
    const { errorFromResponse } = await catalogApi(
      `${common("  - { code: 4000, name: CardDeclined, type: Declined, description: d, fault: client }\n")}envelope:\n  fields: { declineCode: decline_code }\n`,
    );
    const body = {
      code: 4000,
      message: "declined",
      client_secret: "pi_secret_123",
      decline_code: "insufficient_funds",
    };
    const error = errorFromResponse(body);
    expect(error?.response).toBe(body);
    expect(JSON.stringify(error)).not.toContain("pi_secret_123");
    expect(inspect(error, { depth: 5 })).not.toContain("pi_secret_123");
    expect(Object.keys(error ?? {})).not.toContain("response");
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "CardDeclinedError",
      code: 4000,
      type: "Declined",
      message: "declined",
      fault: "client",
      retryable: false,
      fields: { declineCode: "insufficient_funds" },
    });
  });

  it("reads a null error object as absent", async () => {
    const { errorFromResponse } = await catalogApi(
      `format: 1\nsuccess: { absent: error }\nenvelope: { code: error.code, message: error.message }\ncommon:\n  - { code: 5, name: NotFound, type: Not found, description: d, fault: client }\n`,
    );
    expect(errorFromResponse({ data: { id: 1 }, error: null })).toBeUndefined();
    expect(errorFromResponse({ data: { id: 1 } })).toBeUndefined();
    expect(errorFromResponse({ error: { code: 5 } })?.name).toBe("NotFoundError");
    expect(errorFromResponse({ error: {} })?.name).toBe("MalformedResponseError");
  });

  it("keeps the server's text in a malformed response's message, with the reason", async () => {
    const { errorFromResponse } = await catalogApi(common(""));
    const error = errorFromResponse({ message: "upstream connect error" });
    expect(error?.name).toBe("MalformedResponseError");
    expect(error?.message).toBe("Malformed response (no code): upstream connect error");
    expect(error?.reason).toBe("no code");
    expect(errorFromResponse({ code: "4400", message: "quota" })?.reason).toBe(
      'the code is "4400", not a safe integer',
    );
    expect(errorFromResponse("<html>502</html>")?.message).toBe("Malformed response: not a JSON object (found string)");
  });
});

describe("success rules", () => {
  const rule = (success: string, extra = "") =>
    catalogApi(
      `format: 1\nsuccess: ${success}\n${extra}common:\n  - { code: "E1", name: Broken, description: d, fault: server }\n`,
    );

  it("takes a list of codes", async () => {
    const { errorFromResponse, api } = await rule(`["00000", "01000", "02000"]`);
    for (const code of ["00000", "01000", "02000"]) expect(errorFromResponse({ code })).toBeUndefined();
    expect(errorFromResponse({ code: "E1" })?.name).toBe("BrokenError");
    expect(api.SUCCESS_CODES).toEqual(["00000", "01000", "02000"]);
    expect(api.SUCCESS_CODE).toBeUndefined();
  });

  it("takes when: success only when every field equals its value", async () => {
    const { errorFromResponse } = await rule("{ when: { ok: true, state: done } }", "envelope: { code: error }\n");
    expect(errorFromResponse({ ok: true, state: "done", data: 1 })).toBeUndefined();
    expect(errorFromResponse({ ok: false, state: "done", error: "E1" })?.name).toBe("BrokenError");
    expect(errorFromResponse({ ok: true, error: "E1" })?.name).toBe("BrokenError");
    expect(errorFromResponse({ ok: "true", state: "done" })?.name).toBe("MalformedResponseError");
  });

  it("takes unless: Kubernetes answers with the resource, or a Status that failed", async () => {
    const { errorFromResponse } = await rule("{ unless: { status: Failure } }", "envelope: { code: reason }\n");
    expect(errorFromResponse({ kind: "Pod", metadata: { name: "x" } })).toBeUndefined();
    expect(errorFromResponse({ kind: "Status", status: "Success" })).toBeUndefined();
    expect(errorFromResponse({ kind: "Status", status: "Failure", reason: "E1" })?.name).toBe("BrokenError");
    expect(errorFromResponse({ kind: "Status", status: "Failure", message: "no reason" })?.name).toBe(
      "MalformedResponseError",
    );
    // A body that is not an object is never success, whatever the rule.
    for (const body of [null, "Failure", [], 42]) expect(errorFromResponse(body)?.name).toBe("MalformedResponseError");
  });
});

describe("several code fields", () => {
  it("takes the first path holding a code, and records it", async () => {
    const { errorFromResponse } = await catalogApi(`format: 1
success: { absent: error }
envelope: { code: [error.code, error.type], message: error.message }
common:
  - { code: api_error, name: StripeApi, description: d, fault: server, retryable: true }
  - { code: card_declined, name: CardDeclined, description: d, fault: client }
`);
    const typeOnly = errorFromResponse({ error: { type: "api_error", message: "boom" } });
    expect(typeOnly).toMatchObject({ name: "StripeApiError", code: "api_error", codeField: "error.type" });
    const both = errorFromResponse({ error: { type: "card_error", code: "card_declined" } });
    expect(both).toMatchObject({ name: "CardDeclinedError", codeField: "error.code" });
    expect(errorFromResponse({ error: { code: "", type: 7 } })?.name).toBe("MalformedResponseError");
  });
});

describe("prefix categories", () => {
  let pg: CatalogApi;
  const text = `format: 1
success: ["00000"]
defaultHttpStatus: 500
categories:
  - { prefix: "23", name: IntegrityConstraintViolation, type: Integrity constraint violation, fault: client, httpStatus: 409 }
  - { prefix: "40", name: TransactionRollback, type: Transaction rollback, fault: server }
  - { prefix: "40P", name: Narrower, type: A narrower prefix, fault: client, retryable: true }
common:
  - { code: "23000", name: IntegrityConstraintViolation, description: d }
  - { code: "23505", name: UniqueViolation, description: d, httpStatus: 422 }
  - { code: "40001", name: SerializationFailure, description: d, retryable: true }
  - { code: "42P01", name: UndefinedTable, description: d, fault: client }
`;

  it("gives an unlisted code its category's class, with the code received, and tells onUnknownCode", async () => {
    pg = await catalogApi(text);
    const heard: unknown[] = [];
    const error = pg.errorFromResponse({ code: "23P99" }, { onUnknownCode: (code: unknown) => heard.push(code) });
    expect(error).toMatchObject({
      name: "IntegrityConstraintViolationCategoryError",
      code: "23P99",
      fault: "client",
      retryable: false,
      httpStatus: 409,
    });
    expect(heard).toEqual(["23P99"]);
    expect(pg.errorFromResponse({ code: "99999" })?.name).toBe("UnknownApiError");
  });

  it("inherits fault, retryable and httpStatus unless the code sets its own", () => {
    const info = pg.api.commonErrorInfo as (code: string) => Record<string, unknown>;
    expect(info("23000")).toMatchObject({ fault: "client", retryable: false, httpStatus: 409 });
    expect(info("23505")).toMatchObject({ fault: "client", httpStatus: 422 });
    expect(info("40001")).toMatchObject({ fault: "server", retryable: true, httpStatus: 500 });
    expect(info("42P01")).toMatchObject({ fault: "client", httpStatus: 500 });
  });

  it("puts a code under its longest prefix; the category guard accepts every code of it", () => {
    expect(pg.errorFromResponse({ code: "40P99" })?.name).toBe("NarrowerCategoryError");
    expect(pg.errorFromResponse({ code: "40199" })?.name).toBe("TransactionRollbackCategoryError");
    const guard = pg.api.isIntegrityConstraintViolationCategory as (value: unknown) => boolean;
    expect(guard(pg.errorFromResponse({ code: "23505" }))).toBe(true);
    expect(guard(pg.errorFromResponse({ code: "23P99" }))).toBe(true);
    expect(guard(pg.errorFromResponse({ code: "40001" }))).toBe(false);
    expect(
      (pg.api.isIntegrityConstraintViolationError as (value: unknown) => boolean)(
        pg.errorFromResponse({ code: "23000" }),
      ),
    ).toBe(true);
    expect((pg.api.categoryPrefixOf as (code: string) => unknown)("40P12")).toBe("40P");
    expect((pg.api.categoryPrefixOf as (code: string) => unknown)("40012")).toBe("40");
  });

  it("is explained: a listed code with its HTTP status, an unlisted one by its category", () => {
    expect(explain(pg.model, "23505").lines).toContain("  fault: client, retryable: no, HTTP status: 422");
    expect(explain(pg.model, "23P99")).toMatchObject({
      known: true,
      lines: [
        '23P99 is not listed, but category IntegrityConstraintViolation ("23") covers it: class IntegrityConstraintViolationCategoryError',
        "  type: Integrity constraint violation",
        "  fault: client, retryable: no, HTTP status: 409",
      ],
    });
  });

  it("is exported with the categories, HTTP statuses and success rule", () => {
    const exported = JSON.parse(exportJson(pg.model));
    expect(exported.success).toEqual({ codes: ["00000"] });
    expect(exported.defaultHttpStatus).toBe(500);
    expect(exported.categories[0]).toEqual({
      prefix: "23",
      name: "IntegrityConstraintViolation",
      guard: "isIntegrityConstraintViolationCategory",
      className: "IntegrityConstraintViolationCategoryError",
      type: "Integrity constraint violation",
      description: "",
      fault: "client",
      httpStatus: 409,
    });
    expect(exported.common.find((entry: { code: string }) => entry.code === "23505")).toMatchObject({
      httpStatus: 422,
      category: "23",
    });
  });

  it("matches dotted codes by whole segments, other codes by characters", async () => {
    const dotted = await catalogApi(`format: 1
success: Ok
categories:
  - { prefix: InvalidParameter, name: InvalidParameter, fault: client }
common:
  - { code: InvalidParameter.Known, description: d }
  - { code: InvalidParameterValue.Known, description: d, fault: client }
`);
    expect(dotted.errorFromResponse({ code: "InvalidParameter.Other" })?.name).toBe("InvalidParameterCategoryError");
    expect(dotted.errorFromResponse({ code: "InvalidParameterValue.Other" })?.name).toBe("UnknownApiError");
  });

  it("refuses a code with no fault from itself or a category, and a clash left", () => {
    expect(
      problems(`format: 1\nsuccess: "0"\ncommon:\n  - { code: "42P01", name: UndefinedTable, description: d }\n`),
    ).toEqual([
      '4:5: code "42P01" needs a fault (client or server): neither it nor a category gives one (at /common/0)',
    ]);
    const clash = `format: 1
success: "0"
categories: [{ prefix: "23", name: Integrity, fault: client }]
common:
  - { code: "23000", name: IntegrityCategory, description: d }
`;
    expect(problems(clash)[0]).toMatch(
      /category Integrity generates IntegrityCategoryError, which common code IntegrityCategory at line 5, col 5 defines already/,
    );
  });
});

describe("module codes override the common code they arrive under", () => {
  it("takes fault, retryable and httpStatus from the module code", async () => {
    const { errorFromResponse } = await catalogApi(`format: 1
success: 0
common:
  - { code: 4000, name: Conflict, type: Conflict, description: d, fault: client, httpStatus: 409 }
moduleErrors:
  modules:
    - name: db
      codes:
        - { code: 40001, name: SerializationFailure, description: d, fault: server, retryable: true, httpStatus: 503 }
        - { code: 40002, name: Plain, description: d }
`);
    const error = errorFromResponse({ code: 4000, message: "(40001) could not serialize" }, { module: "db" });
    expect(error).toMatchObject({ name: "ConflictError", fault: "server", retryable: true, httpStatus: 503 });
    const plain = errorFromResponse({ code: 4000, message: "(40002) plain" }, { module: "db" });
    expect(plain).toMatchObject({ fault: "client", retryable: false, httpStatus: 409 });
  });
});

describe("HTTP status and extra fields", () => {
  it("reads the body's status field and the extra fields, keeping strings, numbers and booleans", async () => {
    const { errorFromResponse, api } = await catalogApi(`format: 1
success: { absent: type }
envelope: { code: type, message: detail, requestId: instance, status: status, fields: { balance: balance, retriable: meta.retriable, note: meta.note } }
common:
  - { code: "https://example.com/probs/out-of-credit", type: Out of credit, description: d, fault: client, httpStatus: 403 }
`);
    const error = errorFromResponse({
      type: "https://example.com/probs/out-of-credit",
      detail: "Your balance is 30",
      instance: "/account/1/msgs/abc",
      status: 403,
      balance: 30,
      meta: { retriable: false, note: { nested: true } },
    });
    expect(error).toMatchObject({
      name: "OutOfCreditError",
      status: 403,
      httpStatus: 403,
      requestId: "/account/1/msgs/abc",
      fields: { balance: 30, retriable: false },
    });
    expect(error?.fields).not.toHaveProperty("note");
    expect((api.commonErrorInfo as (code: string) => unknown)("https://example.com/probs/out-of-credit")).toMatchObject(
      { httpStatus: 403 },
    );
    expect(errorFromResponse({ type: "https://example.com/probs/out-of-credit", status: 42 })).not.toHaveProperty(
      "status",
    );
  });
});

describe("aliases and reserved ranges", () => {
  it("adds an enum member and a guard for each alias", async () => {
    const { api, errorFromResponse } = await catalogApi(
      common(
        "  - { code: 3400, name: InvalidCursorName, aliases: [UndefinedCursor], type: t, description: d, fault: client }\n",
      ),
    );
    const codes = api.CommonErrorCode as Record<string, unknown>;
    expect(codes.InvalidCursorName).toBe(3400);
    expect(codes.UndefinedCursor).toBe(3400);
    const error = errorFromResponse({ code: 3400 });
    expect((api.isUndefinedCursorError as (value: unknown) => boolean)(error)).toBe(true);
    expect((api.isInvalidCursorNameError as (value: unknown) => boolean)(error)).toBe(true);
  });

  it("refuses a code inside a reserved range, and keeps a retired name", () => {
    const text = `${common("  - { code: 2500, name: Reused, type: t, description: d, fault: client }\n")}reserved:\n  - { from: 2000, to: 2999 }\n  - { code: 1054, name: OldBadField }\n`;
    expect(problems(text)).toEqual([
      "5:13: code 2500 is reserved at line 7, col 5 and may not be reused (at /common/0/code)",
    ]);
    expect(problems(`${common("")}reserved: [{ from: 10, to: 1 }, { from: 5 }]\n`)).toEqual([
      '5:33: missing property "to", which goes with "from" (at /reserved/1)',
    ]);
  });
});

describe("names a careful person would write", () => {
  it("does not double the Error suffix, and lets className override the derived name", async () => {
    const { api } = await catalogApi(
      common(
        "  - { code: 1, name: InternalError, type: t, description: d, fault: server }\n  - { code: 2, name: Ooops, className: UpstreamFailure, type: t, description: d, fault: server }\n",
      ),
    );
    expect(api.InternalError).toBeTypeOf("function");
    expect(api.isInternalError).toBeTypeOf("function");
    expect(api.InternalErrorError).toBeUndefined();
    expect(api.UpstreamFailure).toBeTypeOf("function");
    expect(api.isUpstreamFailure).toBeTypeOf("function");
  });

  it("refuses a name that would take one of errcat's own, with where and the fix", () => {
    expect(problems(common("  - { code: 1, name: ApiError, type: t, description: d, fault: server }\n"))).toEqual([
      "5:22: common code ApiError generates ApiError and isApiError, which errcat's runtime defines already; choose another name (at /common/0/name)",
    ]);
  });

  it("asks for a name where a numeric-looking string code would derive a poor one", () => {
    expect(
      problems(`format: 1\nsuccess: "0"\ncommon:\n  - { code: "HV00N", description: d, fault: client }\n`),
    ).toEqual([
      '4:13: code "HV00N" would derive the name Hv00n, which does not read well; add a name, a PascalCase identifier such as UniqueViolation (at /common/0/code)',
    ]);
  });

  it("warns, and does not refuse, a failure named as success", () => {
    const model = validate(
      writeCatalog(tempDir(), common("  - { code: 1, name: NoError, type: t, description: d, fault: server }\n")),
    );
    expect(model.warnings.map((warning) => warning.message)).toEqual([
      "code 1 is an error, but its name NoError reads as success; name what went wrong",
    ]);
  });
});

describe("output.importExtension", () => {
  it("writes .ts specifiers for Deno and type stripping, and the output still type-checks and runs", async () => {
    const text = `${common("  - { code: 4400, name: QuotaExceeded, type: Quota, description: d, fault: client }\n")}moduleErrors:\n  modules:\n    - { name: account, codes: [{ code: 1, name: One, description: d }] }\noutput: { importExtension: ".ts", enumStyle: const }\n`;
    const { files, errorFromResponse } = await catalogApi(text);
    const sources = [...files].filter(([path]) => path.endsWith(".ts"));
    const specifiers = sources.flatMap(([, source]) =>
      [...source.matchAll(/ from "(\.{1,2}\/[^"]+)"/g)].map((match) => match[1]),
    );
    expect(specifiers.length).toBeGreaterThan(20);
    expect(specifiers.filter((specifier) => !specifier?.endsWith(".ts"))).toEqual([]);
    expect(errorFromResponse({ code: 4400 })?.name).toBe("QuotaExceededError");
    const dir = tempDir();
    writeRendered(dir, files);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const flags = ["--ignoreConfig", "--noEmit", "--strict", "--allowImportingTsExtensions", "--erasableSyntaxOnly"];
    const more = ["--module", "nodenext", "--target", "es2022", "--types", "", join(dir, "all.ts")];
    const result = spawnSync(process.execPath, [tsc, ...flags, ...more], { encoding: "utf8" });
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  });
});

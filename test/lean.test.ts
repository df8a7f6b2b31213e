/**
 * The lean index and the all-modules entry: a module is opted into by its table, a parser can be
 * bound to a set of modules, and `all.ts` keeps naming modules by id and filling in their texts.
 */
import { describe, expect, it } from "vitest";
import * as all from "../generated/all.js";
import {
  createErrorParser,
  errorFromCode,
  errorFromHttp,
  errorFromResponse,
  type ModuleTable,
  QuotaExceededError,
} from "../generated/index.js";
import { AccountModuleErrorCode, accountModule } from "../generated/modules/account.js";
import { storageBoxModule } from "../generated/modules/storage-box.js";

const body = { code: 4000, message: "(100004) incorrect projectId" };

describe("the lean index", () => {
  it("parses a module code without naming its module when the call gives no table", () => {
    const error = errorFromResponse(body);
    expect(error?.moduleError).toEqual({ code: 100004, text: "incorrect projectId", pattern: "parenthesized" });
  });

  it("names a module code by the table the call gives, typed by that module", () => {
    const error = errorFromResponse(body, { module: accountModule });
    expect(error?.moduleError).toMatchObject({ module: "account", name: "IncorrectProjectId" });
    if (error?.moduleError?.name !== undefined) {
      const code: AccountModuleErrorCode = error.moduleError.code;
      expect(code).toBe(AccountModuleErrorCode.IncorrectProjectId);
    }
  });

  it("takes a module id only with the table it names: a bare id does not compile, and names nothing at run time", () => {
    // @ts-expect-error a bare id gives the lean index no table to name the module's codes with
    const error = errorFromResponse(body, { module: "account" });
    expect(error?.moduleError).toMatchObject({ module: "account", code: 100004 });
    expect(error?.moduleError).not.toHaveProperty("name");
    // @ts-expect-error the same for errorFromCode
    const built = errorFromCode(4000, { moduleError: { module: "account", code: 100004, text: "x" } });
    expect(built.moduleError).not.toHaveProperty("name");
    const named = errorFromResponse(body, { modules: [accountModule], module: "account" });
    expect(named?.moduleError?.name).toBe("IncorrectProjectId");
  });

  it("tells the listeners of a code the named table does not list, with the module", () => {
    const heard: unknown[] = [];
    const error = errorFromResponse(
      { code: 4000, message: "(100999) new" },
      { module: accountModule, onUnknownCode: (code, _body, module) => heard.push([code, module]) },
    );
    expect(error?.moduleError).toEqual({ code: 100999, text: "new", pattern: "parenthesized", module: "account" });
    expect(heard).toEqual([[100999, "account"]]);
  });

  it("keeps the class's own fault and retryable where the table overrides nothing", () => {
    const error = errorFromResponse({ code: 4400, message: "(-30001) taken" }, { module: storageBoxModule });
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect(error).toMatchObject({ retryable: true, moduleError: { module: "storageBox", name: "BucketNameTaken" } });
  });

  it("takes module overrides from the table", () => {
    const table: ModuleTable<"account"> = {
      id: "account",
      names: { 100004: "IncorrectProjectId" },
      overrides: { 100004: { fault: "server", retryable: true, httpStatus: 503 } },
    };
    const error = errorFromResponse(body, { module: table });
    expect(error).toMatchObject({ fault: "server", retryable: true, httpStatus: 503 });
  });

  it("builds an error from a code and a module table: the name from the table, the text from the call", () => {
    const error = errorFromCode(4000, {
      moduleError: { module: accountModule, code: 100004, text: "no such project" },
    });
    expect(error.moduleError).toMatchObject({ module: "account", name: "IncorrectProjectId", text: "no such project" });
    expect(error.message).toBe("(100004) no such project");
    expect(errorFromResponse(error.toBody(), { module: accountModule })?.moduleError).toEqual(error.moduleError);
  });

  it("reads an HTTP response with a module table", async () => {
    const error = await errorFromHttp(
      { status: 400, headers: {}, body: JSON.stringify(body) },
      { module: accountModule },
    );
    expect(error?.moduleError).toMatchObject({ module: "account", name: "IncorrectProjectId" });
  });
});

describe("createErrorParser", () => {
  const parse = createErrorParser({ modules: [accountModule, storageBoxModule] });

  it("names a module given by id, and types its codes", () => {
    const error = parse(body, { module: "account" });
    expect(error?.moduleError).toMatchObject({ module: "account", name: "IncorrectProjectId" });
    if (error?.moduleError?.name !== undefined) {
      const code: AccountModuleErrorCode = error.moduleError.code;
      expect(code).toBe(100004);
    }
  });

  it("names the only module of its modules that lists a code when the call names none", () => {
    expect(parse({ code: 4400, message: "(-30002) not empty" })?.moduleError).toMatchObject({
      module: "storageBox",
      name: "BucketNotEmpty",
    });
  });

  it("names no module for a code two of its modules list", () => {
    const twin: ModuleTable<"storageBox"> = { id: "storageBox", names: { 100004: "Other" } };
    const error = createErrorParser({ modules: [accountModule, twin] })(body);
    expect(error?.moduleError).not.toHaveProperty("module");
  });

  it("reports to its own listener", () => {
    const heard: unknown[] = [];
    const listening = createErrorParser({ modules: [accountModule], onUnknownCode: (code) => heard.push(code) });
    listening({ code: 9999 });
    expect(heard).toEqual([9999]);
  });

  it("never throws on a module option that is not a table or an id", () => {
    const options = { module: null } as unknown as Parameters<typeof parse>[1];
    expect(parse(body, options)?.code).toBe(4000);
  });
});

describe("all.ts", () => {
  it("names modules by id and by code alone, as the index did before tables", () => {
    expect(all.errorFromResponse(body, { module: "account" })?.moduleError?.name).toBe("IncorrectProjectId");
    expect(all.errorFromResponse(body)?.moduleError).toMatchObject({ module: "account", name: "IncorrectProjectId" });
  });

  it("fills a module code's text in from the catalog", () => {
    const error = all.errorFromCode(4000, { moduleError: { module: "account", code: 100004 } });
    expect(error.message).toBe("(100004) incorrect projectId");
  });

  it("describes module codes by module id", () => {
    expect(all.describe(100004, "en", "account")?.description).toBe("incorrect projectId");
    expect(all.describe(4400)?.type).toBe("Quota exceed");
  });

  it("exports every module's table and lookups", () => {
    expect(all.MODULE_TABLES).toEqual([all.accountModule, all.storageBoxModule]);
    expect(all.moduleErrorInfo("account", 100004)?.name).toBe("IncorrectProjectId");
  });
});

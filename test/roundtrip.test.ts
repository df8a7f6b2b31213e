/**
 * The server's side of the contract read back by the client's: for every code of the default
 * catalog, the examples and the real APIs' catalogs, `errorFromResponse(errorFromCode(code, init)
 * .toBody())` gives back the same class, code, module code and message, whatever the init.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { CodeValue } from "../generator/catalog.js";
import { type CatalogApi, catalogFileApi } from "./catalog-api.js";
import { cleanup, ROOT } from "./helpers.js";

afterAll(cleanup);

const CATALOGS = [
  "schema/error-codes.yaml",
  ...["numeric", "dotted", "errcode", "problem-details"].map((name) => `examples/${name}/catalog.yaml`),
  ...readdirSync(join(ROOT, "test/fixtures/apis"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `test/fixtures/apis/${entry.name}/catalog.yaml`),
];

type Built = Error & {
  readonly code: unknown;
  readonly moduleError?: { readonly code: unknown };
  toBody(): Record<string, unknown>;
};

/** One call: a code, and maybe a module code of one of the catalog's modules. */
function cases(api: CatalogApi): { code: CodeValue; module?: { module: string; code: CodeValue } }[] {
  const { model } = api;
  const plain = model.common.map((entry) => ({ code: entry.code }));
  const withModules = model.modules.flatMap((module) =>
    module.codes.slice(0, 5).flatMap((entry) => {
      // In the code field a module code is its own response code; in the message, under any common code.
      if (model.moduleErrorsIn === "code")
        return [{ code: entry.code, module: { module: module.id, code: entry.code } }];
      return model.common
        .slice(0, 3)
        .map((common) => ({ code: common.code, module: { module: module.id, code: entry.code } }));
    }),
  );
  return [...plain, ...withModules];
}

describe.each(CATALOGS)("%s", (catalog) => {
  it("reads back every code's body as the error it was written from", async () => {
    const api = await catalogFileApi(join(ROOT, catalog));
    const errorFromCode = api.api.errorFromCode as (code: CodeValue, init?: object) => Built;
    const parseModuleMessage = api.api.parseModuleMessage as (message: string) => unknown;
    const message = fc.option(
      fc.string({ maxLength: 40 }).filter((text) => parseModuleMessage(text) === undefined),
      {
        nil: undefined,
      },
    );
    let checked = 0;
    for (const { code, module } of cases(api)) {
      fc.assert(
        fc.property(
          message,
          fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
          (text, requestId) => {
            const init = {
              ...(text === undefined || module !== undefined ? {} : { message: text }),
              ...(requestId === undefined ? {} : { requestId }),
              ...(module === undefined ? {} : { moduleError: module }),
            };
            const built = errorFromCode(code, init);
            const read = api.errorFromResponse(built.toBody());
            expect(read?.name).toBe(built.name);
            expect(read?.code).toBe(built.code);
            expect(read?.message).toBe(built.message);
            expect((read?.moduleError as { code?: unknown } | undefined)?.code).toBe(built.moduleError?.code);
            checked++;
          },
        ),
        { numRuns: 10, seed: 20261201 },
      );
    }
    expect(checked).toBeGreaterThan(0);
  });
});

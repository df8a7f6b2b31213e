import { afterAll, describe, expect, it } from "vitest";
import { render, validate } from "../generator/index.js";
import { catalogWarnings, suggestId } from "../generator/warnings.js";
import { cleanup, cli, minimalCatalog, tempDir, writeCatalog } from "./helpers.js";

afterAll(cleanup);

const withoutTitle = (extra = "") => minimalCatalog(extra).replace("title: Test API\n", "");
const catalogIdOf = (file: string) =>
  /export const CATALOG_ID = (.*);/.exec(render(validate(file)).get("guards.ts") ?? "")?.[1];

describe("the catalog id", () => {
  it("brands errors: two untitled catalogs with ids do not share a brand", () => {
    const dir = tempDir();
    const a = writeCatalog(dir, withoutTitle("id: billing-api\n"), "a.yaml");
    const b = writeCatalog(dir, withoutTitle("id: storage-api\n"), "b.yaml");
    expect(catalogIdOf(a)).toBe('"billing-api"');
    expect(catalogIdOf(b)).toBe('"storage-api"');
    expect(catalogWarnings(validate(a))).toEqual([]);
  });

  it("falls back to the title, with a warning that suggests an id", () => {
    const dir = tempDir();
    const a = writeCatalog(dir, withoutTitle(), "a.yaml");
    const b = writeCatalog(dir, withoutTitle(), "b.yaml");
    expect(catalogIdOf(a)).toBe(catalogIdOf(b));
    const [warning, ...more] = catalogWarnings(validate(a));
    expect(more).toEqual([]);
    expect(warning?.location).toEqual({ file: a, line: 1, col: 1, pointer: "" });
    expect(warning?.message).toMatch(
      /^the catalog has no id, so its errors are branded with its title "API error codes"/,
    );
    expect(warning?.message).toMatch(/id: api-error-codes$/);
  });

  it("is refused when it is not a plain token", () => {
    const file = writeCatalog(tempDir(), minimalCatalog("id: two words\n"));
    expect(() => validate(file)).toThrow(/"two words" is not a catalog id/);
  });

  it("warns on validate and generate, which still succeed", () => {
    const dir = tempDir();
    const file = writeCatalog(dir, withoutTitle());
    for (const args of [
      ["validate", file],
      ["generate", "--schema", file, "--out", `${dir}/out`],
    ]) {
      const result = cli(args);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`${file}:1:1: warning: the catalog has no id`);
    }
    expect(cli(["validate", file, "--format", "github"]).stderr).toMatch(
      /^::warning file=.*,line=1,col=1::the catalog has no id/m,
    );
  });

  it.each([
    { given: "Cloud API error codes", want: "cloud-api-error-codes" },
    { given: "@acme/sdk", want: "acme-sdk" },
    { given: "云 API", want: "api" },
    { given: "", want: "my-api" },
  ])("suggests $want for $given", ({ given, want }) => {
    expect(suggestId(given)).toBe(want);
  });
});

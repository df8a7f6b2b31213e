/** `errcat init`: a starter catalog that validates, scripts, a .gitattributes line; never an overwrite. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validate } from "../generator/index.js";
import { planInit } from "../generator/init.js";
import { catalogWarnings } from "../generator/warnings.js";
import { cleanup, cli, ROOT, tempDir } from "./helpers.js";

afterAll(cleanup);

const SEED = readFileSync(join(ROOT, "schema/error-codes.yaml"), "utf8");

describe("planInit", () => {
  it.each([
    { schema: undefined, want: "../node_modules/errcat/schema/error-catalog.schema.json" },
    { schema: "errors.yaml", want: "node_modules/errcat/schema/error-catalog.schema.json" },
    { schema: "src/api/errors.yaml", want: "../../node_modules/errcat/schema/error-catalog.schema.json" },
  ])("points $schema at the installed JSON Schema: $want", ({ schema, want }) => {
    const [catalog] = planInit(SEED, { schema }).files;
    expect(catalog?.text.split("\n")[0]).toBe(`# yaml-language-server: $schema=${want}`);
  });

  it("writes the default catalog's common codes, one example module, and an id from the project", () => {
    const [catalog] = planInit(SEED, { project: "@acme/cloud-sdk" }).files;
    const doc = parse(catalog?.text ?? "") as Record<string, unknown> & {
      common: unknown[];
      moduleErrors: { modules: unknown[] };
    };
    expect(doc.id).toBe("acme-cloud-sdk");
    expect(doc.title).toBe("@acme/cloud-sdk error codes");
    expect(doc.common).toEqual((parse(SEED) as { common: unknown[] }).common);
    expect(doc.moduleErrors.modules).toHaveLength(1);
  });

  it("names the non-default paths in the scripts, the workflow and the .gitattributes line", () => {
    const plan = planInit(SEED, { schema: "errors.yaml", out: "src/generated/", ci: "github" });
    expect(plan.scripts).toEqual({
      generate: "errcat generate --schema errors.yaml --out src/generated",
      check: "errcat generate --check --schema errors.yaml --out src/generated",
    });
    expect(plan.gitattributes).toBe("src/generated/** linguist-generated");
    const workflow = plan.files.find((file) => file.path === ".github/workflows/errcat.yml")?.text ?? "";
    expect(workflow).toContain("npx errcat generate --check --schema errors.yaml --out src/generated --format github");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template.
    expect(workflow).toContain("diff --against origin/${{ github.base_ref }} errors.yaml --format github");
    const steps = (parse(workflow) as { jobs: { errcat: { steps: { if?: string; run?: string }[] } } }).jobs.errcat
      .steps;
    expect(steps.find((step) => step.run?.includes("diff --against"))?.if).toBe("github.event_name == 'pull_request'");
  });
});

describe("errcat init", () => {
  function project(scripts: Record<string, string> = {}): string {
    const dir = tempDir();
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "acme-api", scripts }, null, 2)}\n`);
    return dir;
  }

  it("writes a catalog that validates without warnings, the scripts and the .gitattributes line", () => {
    const dir = project({ test: "vitest" });
    const result = cli(["init", "--ci", "github"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("wrote schema/error-codes.yaml");
    expect(catalogWarnings(validate(join(dir, "schema/error-codes.yaml")))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts).toEqual({
      test: "vitest",
      generate: "errcat generate",
      check: "errcat generate --check",
    });
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toBe("generated/** linguist-generated\n");
    expect(existsSync(join(dir, ".github/workflows/errcat.yml"))).toBe(true);
  });

  it("never overwrites: a second run leaves everything alone and says so", () => {
    const dir = project({ generate: "my-own-generator" });
    mkdirSync(join(dir, "schema"));
    writeFileSync(join(dir, "schema/error-codes.yaml"), "mine\n");
    writeFileSync(join(dir, ".gitattributes"), "*.png binary");
    const first = cli(["init"], dir);
    expect(first.stdout).toContain("left schema/error-codes.yaml alone: it exists");
    expect(first.stdout).toContain("left the npm script generate alone: it runs my-own-generator");
    expect(readFileSync(join(dir, "schema/error-codes.yaml"), "utf8")).toBe("mine\n");
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toBe("*.png binary\ngenerated/** linguist-generated\n");
    const second = cli(["init"], dir);
    expect(second.stdout).toContain("left .gitattributes alone: it has the line");
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts.generate).toBe("my-own-generator");
  });
});

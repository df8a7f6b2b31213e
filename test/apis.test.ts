/**
 * Real APIs' error contracts (test/fixtures/apis, and the problem-details example): each catalog
 * is validated, generated, type-checked strictly (all in one compiler run) and exercised with the
 * bodies those APIs' docs show, as listed in its bodies.json.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render, validate } from "../generator/index.js";
import type { CatalogModel } from "../generator/model.js";
import type { LoadedError } from "./catalog-api.js";
import { loadOutput } from "./fuzz/load.js";
import { cleanup, ROOT, tempDir, typecheckOutput, writeRendered } from "./helpers.js";

afterAll(cleanup);

interface BodyCase {
  readonly name: string;
  readonly httpStatus?: number;
  readonly headers?: Record<string, string>;
  readonly body: unknown;
  readonly expect: {
    readonly success: boolean;
    readonly className?: string;
    readonly code?: string | number;
    readonly httpStatus?: number;
    readonly message?: string;
    readonly requestId?: string;
    readonly fields?: Record<string, unknown>;
  };
}

const FIXTURES = join(ROOT, "test/fixtures/apis");
const catalogs = [
  ...readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, dir: join(FIXTURES, entry.name) })),
  { name: "problem-details", dir: join(ROOT, "examples/problem-details") },
];

interface Generated {
  readonly model: CatalogModel;
  readonly errorFromResponse: (body: unknown) => LoadedError | undefined;
  readonly bodies: readonly BodyCase[];
}

const generated = new Map<string, Generated>();
let tsc: { status: number | null; output: string };

beforeAll(async () => {
  const root = tempDir("errcat-apis-");
  for (const { name, dir } of catalogs) {
    const out = join(root, name);
    const model = validate(join(dir, "catalog.yaml"));
    const files = render(model);
    writeRendered(out, files);
    const api = (await loadOutput(files, () => {})).get("all.ts") ?? {};
    const bodiesFile = join(dir, "bodies.json");
    const bodies = name === "problem-details" ? [] : (JSON.parse(readFileSync(bodiesFile, "utf8")) as BodyCase[]);
    generated.set(name, {
      model,
      errorFromResponse: api.errorFromResponse as Generated["errorFromResponse"],
      bodies,
    });
  }
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
  tsc = typecheckOutput(...catalogs.map(({ name }) => join(root, name)));
}, 120_000);

describe("real APIs' catalogs", () => {
  it("type-check strictly, every one in one compiler run", () => {
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
  });

  it.each(catalogs.map((catalog) => catalog.name))("%s validates without warnings", (name) => {
    expect(generated.get(name)?.model.warnings).toEqual([]);
  });

  const cases = catalogs.flatMap(({ name }) => {
    const file = join(FIXTURES, name, "bodies.json");
    if (name === "problem-details") return [];
    return (JSON.parse(readFileSync(file, "utf8")) as BodyCase[]).map((body) => ({ api: name, ...body }));
  });

  it.each(cases)("$api: $name", ({ api, body, headers, expect: want }) => {
    const error = generated.get(api)?.errorFromResponse(body);
    if (want.success) {
      expect(error).toBeUndefined();
      return;
    }
    expect(error).toBeDefined();
    const seen: Record<string, unknown> = { className: error?.name };
    for (const key of ["code", "httpStatus", "message", "requestId", "fields"] as const) {
      if (want[key] !== undefined) seen[key] = error?.[key];
    }
    // A request id that came in a header is the HTTP parser's to read, not the body's.
    const { success: _, ...wanted } = want;
    if (headers !== undefined && Object.values(headers).includes(String(want.requestId))) {
      delete seen.requestId;
      delete (wanted as { requestId?: string }).requestId;
    }
    expect(seen).toEqual(wanted);
  });
});

describe("the catalogs say what their APIs' docs say", () => {
  const model = (name: string) => generated.get(name)?.model as CatalogModel;

  it("PostgreSQL: classes as categories, success as classes 00, 01 and 02", () => {
    const pg = model("postgresql");
    expect(pg.categories.filter((category) => category.declared).length).toBeGreaterThanOrEqual(30);
    expect("codes" in pg.success && pg.success.codes).toContain("00000");
    const unique = pg.common.find((entry) => entry.code === "23505");
    expect(unique).toMatchObject({ className: "UniqueViolationError", category: "23", httpStatus: 409 });
  });

  it("Stripe: the type when the body has no code", () => {
    const stripe = model("stripe");
    expect(stripe.envelope.code).toEqual([
      ["error", "code"],
      ["error", "type"],
    ]);
  });

  it("Kubernetes: success unless the Status failed", () => {
    expect(model("kubernetes").success).toEqual({ unless: [{ path: ["status"], value: "Failure" }] });
  });

  it("MySQL: retired numbers in reserved ranges and names", () => {
    const mysql = model("mysql");
    expect(mysql.reserved.some((entry) => "from" in entry)).toBe(true);
    expect(mysql.reserved.some((entry) => "name" in entry && entry.name !== undefined)).toBe(true);
  });
});

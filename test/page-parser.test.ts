import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as dotted from "../examples/dotted/generated/all.js";
import * as errcode from "../examples/errcode/generated/all.js";
import * as numeric from "../examples/numeric/generated/all.js";
import * as problems from "../examples/problem-details/generated/all.js";
import * as main from "../generated/all.js";
import { pageParser } from "../generator/emit/html-parser.js";
import { type CatalogModel, validate } from "../generator/index.js";
import { ROOT } from "./helpers.js";

// The page's "paste an error" parser is generated from the model beside the runtime's
// errorFromResponse; on the same bodies both must name the same success, code and module code.

interface Runtime {
  errorFromResponse(
    body: unknown,
  ): (Error & { code?: unknown; moduleError?: { code: unknown; module?: string } }) | undefined;
  isMalformedResponseError(value: unknown): boolean;
  isUnknownApiError(value: unknown): boolean;
}

interface Known {
  readonly common: Set<string>;
  readonly modules: Map<string, string[]>;
}

type PageResult =
  | { kind: "success" | "malformed" }
  | { kind: "error"; code: unknown; common: unknown; module?: { code: unknown; modules: string[] } };

const CASES: readonly { name: string; dir: string; api: Runtime }[] = [
  { name: "default", dir: ".", api: main },
  { name: "numeric", dir: "examples/numeric", api: numeric },
  { name: "dotted", dir: "examples/dotted", api: dotted },
  { name: "errcode", dir: "examples/errcode", api: errcode },
  { name: "problem-details", dir: "examples/problem-details", api: problems },
];

function load(dir: string): CatalogModel {
  const catalog = dir === "." ? "schema/error-codes.yaml" : `${dir}/catalog.yaml`;
  return validate(join(ROOT, catalog));
}

/** The parser as the page runs it: the same text, evaluated. */
function compile(source: string): { parseErrorBody: (body: unknown, known: Known) => PageResult } {
  return new Function(`${source}\nreturn { parseErrorBody, parseMessageText };`)();
}

/** What the page reads from its tables: the common codes and which modules list each module code. */
function knownOf(model: CatalogModel): Known {
  const modules = new Map<string, string[]>();
  for (const module of model.modules) {
    for (const entry of module.codes)
      modules.set(String(entry.code), [...(modules.get(String(entry.code)) ?? []), module.id]);
  }
  return { common: new Set(model.common.map((entry) => String(entry.code))), modules };
}

/** The runtime's answer in the page's terms. */
function runtimeView(api: Runtime, body: unknown): PageResult {
  const error = api.errorFromResponse(body);
  if (error === undefined) return { kind: "success" };
  if (api.isMalformedResponseError(error)) return { kind: "malformed" };
  const common = api.isUnknownApiError(error) ? undefined : (error.constructor as unknown as { code: unknown }).code;
  const module = error.moduleError;
  return {
    kind: "error",
    code: error.code,
    common,
    ...(module ? { module: { code: module.code, modules: module.module === undefined ? [] : [module.module] } } : {}),
  };
}

/**
 * The page's answer in the runtime's terms: the error's code is the common code it stands for (a
 * dotted code's prefix) or else the code itself, and a module is named only when exactly one lists it.
 */
function pageView(result: PageResult): PageResult {
  if (result.kind !== "error" || result.module === undefined) {
    return result.kind === "error"
      ? { kind: "error", code: result.common ?? result.code, common: result.common }
      : result;
  }
  const { code, modules } = result.module;
  return {
    kind: "error",
    code: result.common ?? result.code,
    common: result.common,
    module: { code, modules: modules.length === 1 ? modules : [] },
  };
}

/** A body with each value at its envelope path, as JSON (the page parses pasted text). */
function bodyAt(fields: readonly [readonly string[], unknown][]): unknown {
  const body: Record<string, unknown> = {};
  for (const [path, value] of fields) {
    let target = body;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== "object" || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[path[path.length - 1] ?? ""] = value;
  }
  return JSON.parse(JSON.stringify(body));
}

/** Bodies every catalog should be checked on: each common code, each pattern example, success, near misses. */
function catalogBodies(model: CatalogModel): unknown[] {
  const [code = ["code"]] = model.envelope.code;
  const { message } = model.envelope;
  const examples = model.patterns.flatMap((pattern) => pattern.examples.map((example) => example.message));
  const moduleCodes = model.modules.flatMap((module) => module.codes.map((entry) => entry.code));
  const codes = [
    ...model.common.map((entry) => entry.code),
    ...moduleCodes,
    ...("codes" in model.success ? model.success.codes : []),
  ];
  const bodies: unknown[] = [
    {},
    [],
    null,
    "text",
    4400,
    bodyAt([[code, null]]),
    bodyAt([[code, "4400"]]),
    bodyAt([[code, 1.5]]),
  ];
  for (const value of codes) {
    bodies.push(bodyAt([[code, value]]));
    for (const text of [...examples, "(999999) unknown", "no code here"])
      bodies.push(
        bodyAt([
          [code, value],
          [message, text],
        ]),
      );
  }
  if ("absent" in model.success) bodies.push(bodyAt([[model.success.absent.slice(0, -1), {}]]));
  return bodies;
}

/** JSON bodies shaped like the envelope, with code-like and message-like values, and arbitrary JSON. */
function jsonBodies(model: CatalogModel): fc.Arbitrary<unknown> {
  const known = [
    ...model.common.map((entry) => entry.code),
    ...model.modules.flatMap((m) => m.codes.map((e) => e.code)),
  ];
  const codeLike = fc.oneof(
    fc.constantFrom(...known, 0, -1, "", "0", "4400", 1e21, 0.5, true, null),
    fc.integer(),
    fc.string(),
    fc.constantFrom(...known.map(String)).map((value) => `${value}.Sub`),
  );
  const examples = model.patterns.flatMap((pattern) => pattern.examples.map((example) => example.message));
  const messageLike = fc.oneof(
    fc.string(),
    fc.tuple(fc.constantFrom(...known, 1, -30001), fc.string()).map(([value, text]) => `(${value}) ${text}`),
    fc.constantFrom(...examples, "(42) no pattern declared"),
    fc.constantFrom(null, 12, {}, ["(1) x"]),
  );
  const paths = [
    model.envelope.code[0] ?? ["code"],
    model.envelope.message,
    ...("absent" in model.success ? [model.success.absent] : []),
  ];
  const enveloped = fc
    .tuple(
      fc.option(codeLike, { nil: undefined }),
      fc.option(messageLike, { nil: undefined }),
      fc.option(fc.jsonValue(), { nil: undefined }),
    )
    .map(([value, text, extra]) => {
      const fields: [readonly string[], unknown][] = [];
      if (value !== undefined) fields.push([paths[0] ?? [], value]);
      if (text !== undefined) fields.push([paths[1] ?? [], text]);
      if (extra !== undefined && paths[2]) fields.push([paths[2], extra]);
      return bodyAt(fields);
    });
  return fc.oneof(
    enveloped,
    fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value))),
  );
}

describe.each(CASES)("the page parser of $name agrees with the runtime", ({ dir, api }) => {
  const model = load(dir);
  const source = pageParser(model);
  const { parseErrorBody } = compile(source);
  const known = knownOf(model);

  it("is the parser the page holds", () => {
    const page = readFileSync(join(ROOT, dir, "generated/error-codes.html"), "utf8");
    expect(page).toContain(source);
  });

  it("on every common code, module code and pattern example", () => {
    const bodies = catalogBodies(model);
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) {
      expect(pageView(parseErrorBody(body, known)), JSON.stringify(body)).toEqual(runtimeView(api, body));
    }
  });

  it("on fuzzed JSON bodies", () => {
    fc.assert(
      fc.property(jsonBodies(model), (body) => {
        expect(pageView(parseErrorBody(body, known))).toEqual(runtimeView(api, body));
      }),
      { numRuns: 1500, seed: 20261201 },
    );
  });
});

it("names every module that lists a code when several do", () => {
  const model = load(".");
  const { parseErrorBody } = compile(pageParser(model));
  const known: Known = { common: new Set(["4000"]), modules: new Map([["7", ["a", "b"]]]) };
  expect(parseErrorBody({ code: 4000, message: "(7) twice" }, known)).toEqual({
    kind: "error",
    code: 4000,
    common: 4000,
    module: { code: 7, modules: ["a", "b"] },
  });
});

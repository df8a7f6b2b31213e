/**
 * The JSON Schema as editors see it. Every property carries a `markdownDescription` and valid
 * `examples`; and a second JSON Schema implementation (@cfworker/json-schema, not ajv) agrees with
 * errcat on every schema-level problem of every catalog in the repository.
 */
import { readFileSync } from "node:fs";
import { Validator } from "@cfworker/json-schema";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { type LoadedCatalog, loadCatalog } from "../generator/load.js";
import { CatalogError, fromPointer, type Problem, toPointer } from "../generator/problems.js";
import { checkSchema } from "../generator/schema.js";
import { ROOT } from "./helpers.js";

type Json = Record<string, unknown>;
const SCHEMA = JSON.parse(readFileSync(`${ROOT}/schema/error-catalog.schema.json`, "utf8")) as Json & { $id: string };

/** Every `properties` entry anywhere in the schema, with its path: `definitions/module/name`. */
function properties(node: unknown, path: string[] = []): { path: string; block: Json }[] {
  if (node === null || typeof node !== "object") return [];
  const found: { path: string; block: Json }[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && value !== null && typeof value === "object") {
      for (const [name, block] of Object.entries(value as Json)) {
        found.push({ path: [...path, name].join("/"), block: block as Json });
        found.push(...properties(block, [...path, name]));
      }
    } else if (key !== "examples" && key !== "if" && key !== "then") {
      found.push(...properties(value, [...path, key]));
    }
  }
  return found;
}

/** A validator for one block of the schema, its `#/definitions/…` references resolved against the whole. */
function validatorFor(block: Json): Validator {
  const absolute = JSON.parse(JSON.stringify(block).replaceAll('"#/definitions/', `"${SCHEMA.$id}#/definitions/`));
  const validator = new Validator({ ...absolute, $id: `${SCHEMA.$id}/test-block` }, "7", false);
  validator.addSchema(SCHEMA);
  return validator;
}

describe("the JSON Schema for editors", () => {
  const all = properties(SCHEMA);

  it("has an https $id", () => {
    expect(SCHEMA.$id).toMatch(/^https:\/\//);
  });

  it("finds the properties it checks, including the nested ones", () => {
    const paths = all.map((entry) => entry.path);
    expect(paths).toContain("format");
    expect(paths).toContain("definitions/module/codes/items/name");
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(all)("$path has a markdownDescription and examples that are valid", ({ block }) => {
    expect(typeof block.markdownDescription === "string" && block.markdownDescription.length > 0).toBe(true);
    expect(Array.isArray(block.examples) && block.examples.length > 0).toBe(true);
    const validator = validatorFor(block);
    for (const example of block.examples as unknown[]) expect(validator.validate(example).errors).toEqual([]);
  });

  it("requires a name and a type of integer codes, and neither of string codes", () => {
    const common = validatorFor({ $ref: "#/definitions/commonCode" });
    const required = (data: unknown) =>
      common
        .validate(data)
        .errors.filter((error) => error.keyword === "required")
        .map((error) => error.error);
    expect(required({ code: 4400, description: "d", fault: "client" })).toEqual([
      'Instance does not have required property "name".',
      'Instance does not have required property "type".',
    ]);
    expect(required({ code: "InvalidParameter", description: "d", fault: "client" })).toEqual([]);
  });
});

/** One problem as `pointer kind`, the same for both validators: `/common/0 required fault`, `/format value`. */
function errcatKeys(problems: readonly Problem[]): Set<string> {
  return new Set(
    problems.map(({ message, location: { pointer } }) => {
      const missing = /^missing required property "(.+)"$/.exec(message)?.[1];
      if (missing !== undefined) return `${pointer} required ${missing}`;
      const integer = /^integer code .+ needs a (name|type),/.exec(message)?.[1];
      if (integer !== undefined) return `${pointer} required ${integer}`;
      if (message.startsWith("unknown property ")) return `${pointer} unknown`;
      if (message.endsWith("is not a locale such as en, zh or pt-BR") && message.startsWith('"')) {
        const [name] = fromPointer(pointer).slice(-1);
        if (message === `${JSON.stringify(name)} is not a locale such as en, zh or pt-BR`) return `${pointer} key`;
      }
      return `${pointer} value`;
    }),
  );
}

function cfworkerKeys(data: unknown, kind: "catalog" | "included"): Set<string> {
  const validator =
    kind === "catalog" ? new Validator(SCHEMA, "7", false) : validatorFor({ $ref: "#/definitions/includedFile" });
  const errors = validator.validate(data).errors.map((error) => ({
    ...error,
    pointer: toPointer(fromPointer(decodeURIComponent(error.instanceLocation.replace(/^#/, "")))),
  }));
  // A bad locale key is one problem: its propertyNames error, not the pattern error inside it.
  const keys = new Set(
    errors
      .filter((error) => error.keyword === "propertyNames")
      .map((error) => `${error.pointer}${toPointer([/"(.*)"/.exec(error.error)?.[1] ?? ""])}`),
  );
  const found = new Set<string>([...keys].map((pointer) => `${pointer} key`));
  for (const error of errors) {
    if (["properties", "items", "$ref", "if", "additionalProperties", "propertyNames"].includes(error.keyword))
      continue;
    if (keys.has(error.pointer)) continue;
    if (error.keyword === "false") found.add(`${error.pointer} unknown`);
    else if (error.keyword === "required")
      found.add(`${error.pointer} required ${/"(.*)"/.exec(error.error)?.[1] ?? ""}`);
    else found.add(`${error.pointer} value`);
  }
  return found;
}

const FILES = globSync(["test/fixtures/**/*.{yaml,yml}", "examples/**/*.{yaml,yml}", "schema/error-codes.yaml"], {
  cwd: ROOT,
  ignore: ["**/node_modules/**"],
}).sort();

describe("an independent JSON Schema validator agrees with errcat", () => {
  it("on a corpus of catalogs, valid and broken", () => {
    expect(FILES.length).toBeGreaterThan(100);
  });

  it.each(FILES)("%s", (file) => {
    let loaded: LoadedCatalog;
    try {
      loaded = loadCatalog(`${ROOT}/${file}`);
    } catch (error) {
      if (error instanceof CatalogError) return; // not YAML errcat can read: no schema-level verdict to compare
      throw error;
    }
    const kind = /\/(included|modules)\//.test(file) ? "included" : "catalog";
    const checked = kind === "catalog" ? checkSchema(loaded, "catalog") : checkSchema(loaded, "included");
    const ours = Array.isArray(checked) ? errcatKeys(checked) : new Set<string>();
    expect([...cfworkerKeys(loaded.data, kind)].sort()).toEqual([...ours].sort());
  });
});

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ErrorObject, Options, ValidateFunction } from "ajv";
import type { CatalogDocument, IncludedDocument } from "./catalog.js";
import type { LoadedCatalog } from "./load.js";
import { type Problem, pointerSegment } from "./problems.js";

/** The JSON Schema editors use for completion; the same file validates here. */
export const SCHEMA_URL = new URL("../schema/error-catalog.schema.json", import.meta.url);

/** ajv's options, the same for the build's standalone code and for compiling from the sources. */
export const SCHEMA_OPTIONS: Options = {
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  useDefaults: false,
  verbose: true,
};

interface Validators {
  readonly catalog: ValidateFunction;
  readonly included: ValidateFunction;
}

let validators: Validators | undefined;

/**
 * The built package loads the validators `postbuild.ts` compiled (ajv's compiler stays unloaded);
 * run from the sources, errcat compiles the schema with ajv on first use.
 */
function schemaValidators(): Validators {
  if (validators) return validators;
  const require = createRequire(import.meta.url);
  const standalone = new URL("./schema-validators.cjs", import.meta.url);
  if (existsSync(standalone)) {
    validators = require(fileURLToPath(standalone)) as Validators;
    return validators;
  }
  const { Ajv } = require("ajv") as typeof import("ajv");
  const ajv = new Ajv(SCHEMA_OPTIONS);
  const schema = JSON.parse(readFileSync(SCHEMA_URL, "utf8")) as { $id: string };
  ajv.addSchema(schema);
  validators = {
    catalog: ajv.getSchema(schema.$id) as ValidateFunction,
    included: ajv.getSchema(`${schema.$id}#/definitions/includedFile`) as ValidateFunction,
  };
  return validators;
}

/**
 * Checks a loaded catalog (or, with `included`, a file it includes) against the JSON Schema.
 * Returns the document, or every violation at its position.
 */
export function checkSchema(catalog: LoadedCatalog, kind: "catalog"): CatalogDocument | Problem[];
export function checkSchema(catalog: LoadedCatalog, kind: "included"): IncludedDocument | Problem[];
export function checkSchema(
  catalog: LoadedCatalog,
  kind: "catalog" | "included",
): CatalogDocument | IncludedDocument | Problem[] {
  const validate = schemaValidators()[kind];
  if (validate(catalog.data)) return catalog.data as CatalogDocument | IncludedDocument;
  // A bad locale key is reported once, by its propertyNames error, not by the inner pattern error.
  const errors = (validate.errors ?? []).filter((error) => error.keyword === "propertyNames" || !error.propertyName);
  return dedupe(errors.map((error) => toProblem(catalog, error)));
}

function toProblem(catalog: LoadedCatalog, error: ErrorObject): Problem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperty":
    case "additionalProperties": {
      const property = String(params.additionalProperty);
      const pointer = `${error.instancePath}/${pointerSegment(property)}`;
      return { message: `unknown property "${property}"`, location: catalog.locate(pointer, { key: true }) };
    }
    case "required":
      return {
        message: `missing required property "${String(params.missingProperty)}"`,
        location: catalog.locate(error.instancePath, { key: false }),
      };
    case "enum":
      return {
        message: `must be one of: ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")}`,
        location: catalog.locate(error.instancePath),
      };
    case "const":
      return {
        message: `must be ${JSON.stringify(params.allowedValue)}`,
        location: catalog.locate(error.instancePath),
      };
    case "pattern":
      return { message: patternMessage(error), location: catalog.locate(error.instancePath) };
    case "type":
      if (error.instancePath === "" && (error.data === null || error.data === undefined)) {
        return {
          message: "the catalog is empty: it needs at least format, success and common",
          location: catalog.locate(""),
        };
      }
      return {
        message: `must be ${String(params.type).split(",").map(article).join(" or ")} (found ${describe(error.data)})`,
        location: catalog.locate(error.instancePath),
      };
    case "propertyNames":
      return {
        message: `${JSON.stringify(params.propertyName)} is not a locale such as en, zh or pt-BR`,
        location: catalog.locate(`${error.instancePath}/${pointerSegment(String(params.propertyName))}`, { key: true }),
      };
    default:
      return { message: error.message ?? error.keyword, location: catalog.locate(error.instancePath) };
  }
}

function patternMessage(error: ErrorObject): string {
  const value = JSON.stringify(error.data);
  const path = error.instancePath;
  if (/\/(common|codes)\/\d+\/name$/.test(path)) {
    return `${value} is not a PascalCase identifier: start with A-Z, then only ASCII letters and digits`;
  }
  if (/\/modules\/\d+\/name$/.test(path)) {
    return `${value} is not a module id: start with a-z, then ASCII letters and digits, words joined by "-" or "_" (as storageBox, face-pay)`;
  }
  if (/\/patterns\/\d+\/name$/.test(path)) return `${value} is not a lowerCamelCase pattern name`;
  if (/\/(envelope\/\w+|absent)$/.test(path)) return `${value} is not a dotted path such as Response.Error.Code`;
  if (/(\/code|\/success|\/reserved\/\d+|\/replacedBy)$/.test(path)) {
    return `${value} is not a code: a string code has no control characters and no leading or trailing spaces`;
  }
  if (/(\/locales\/\d+|\/defaultLocale)$/.test(path)) return `${value} is not a locale such as en, zh or pt-BR`;
  return `${value} must match ${String((error.params as { pattern: string }).pattern)}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.location.pointer}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { CatalogDocument } from "./catalog.js";
import type { LoadedCatalog } from "./load.js";
import { CatalogError, type Problem, pointerSegment } from "./problems.js";

/** The JSON Schema editors use for completion; the same file validates here. */
export const SCHEMA_URL = new URL("../schema/error-catalog.schema.json", import.meta.url);

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, useDefaults: false });
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, "utf8")));
  }
  return compiled;
}

/**
 * Checks a loaded catalog against the JSON Schema; throws a {@link CatalogError} listing
 * every violation at its position.
 */
export function checkSchema(catalog: LoadedCatalog): CatalogDocument {
  const validate = schemaValidator();
  if (validate(catalog.data)) return catalog.data as CatalogDocument;
  throw new CatalogError(dedupe((validate.errors ?? []).map((error) => toProblem(catalog, error))));
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
      return {
        message: `must be ${article(String(params.type))} (found ${describe(error.data)})`,
        location: catalog.locate(error.instancePath),
      };
    default:
      return { message: error.message ?? error.keyword, location: catalog.locate(error.instancePath) };
  }
}

function patternMessage(error: ErrorObject): string {
  if (error.schemaPath.includes("codeName")) {
    return `${JSON.stringify(error.data)} is not a PascalCase identifier: start with A-Z, then only ASCII letters and digits`;
  }
  if (error.instancePath.endsWith("/name") && error.schemaPath.includes("module")) {
    return `${JSON.stringify(error.data)} is not a module id: start with a-z, then ASCII letters and digits, words joined by "-" or "_" (as storageBox, face-pay)`;
  }
  if (error.schemaPath.includes("pattern/properties/name")) {
    return `${JSON.stringify(error.data)} is not a lowerCamelCase pattern name`;
  }
  return `${JSON.stringify(error.data)} must match ${String((error.params as { pattern: string }).pattern)}`;
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

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Ajv as AjvInstance, ErrorObject, Options, ValidateFunction } from "ajv";
import type { CatalogDocument, CodeValue, IncludedDocument } from "./catalog.js";
import type { LoadedCatalog } from "./load.js";
import { listKind } from "./model.js";
import { fromPointer, type Problem, pointerSegment } from "./problems.js";
import { closest } from "./suggest.js";

/** The JSON Schema editors use for completion; the same file validates here. */
export const SCHEMA_PATH: string = fileURLToPath(new URL("../schema/error-catalog.schema.json", import.meta.url));

/** ajv's options, the same for the build's standalone code and for compiling from the sources. */
export const SCHEMA_OPTIONS: Options = {
  allErrors: true,
  strict: true,
  // An `if`/`then` names properties its parent schema defines.
  strictRequired: false,
  allowUnionTypes: true,
  useDefaults: false,
  verbose: true,
};

/** Editors show `markdownDescription` (VS Code's JSON language service); it does not validate. */
export function addEditorVocabulary(ajv: AjvInstance): void {
  ajv.addVocabulary(["markdownDescription"]);
}

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
  if (!validators) {
    const require = createRequire(import.meta.url);
    const standalone = new URL("./schema-validators.cjs", import.meta.url);
    if (existsSync(standalone)) {
      validators = require(fileURLToPath(standalone)) as Validators;
      return validators;
    }
    const { Ajv } = require("ajv") as typeof import("ajv");
    const ajv = new Ajv(SCHEMA_OPTIONS);
    addEditorVocabulary(ajv);
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as { $id: string };
    ajv.addSchema(schema);
    validators = {
      catalog: ajv.getSchema(schema.$id) as ValidateFunction,
      included: ajv.getSchema(`${schema.$id}#/definitions/includedFile`) as ValidateFunction,
    };
  }
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
  // A bad locale key is reported once, by its propertyNames error, not by the inner pattern error;
  // an `if`/`then` failure once, by the `then` error that names what is missing.
  const errors = (validate.errors ?? []).filter(
    (error) => (error.keyword === "propertyNames" || !error.propertyName) && error.keyword !== "if",
  );
  return dedupe(errors.map((error) => toProblem(catalog, error)));
}

function toProblem(catalog: LoadedCatalog, error: ErrorObject): Problem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperty":
    case "additionalProperties": {
      const property = String(params.additionalProperty);
      const pointer = `${error.instancePath}/${pointerSegment(property)}`;
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(property, known);
      const hint =
        error.instancePath === "/success"
          ? ": success as a mapping takes absent, when or unless"
          : near === undefined
            ? ""
            : `; did you mean ${near}?`;
      return { message: `unknown property "${property}"${hint}`, location: catalog.locate(pointer, { key: true }) };
    }
    case "required":
      if (error.schemaPath.endsWith("/then/required")) return integerCodeProblem(catalog, error);
      return {
        message: `missing required property "${String(params.missingProperty)}"`,
        location: catalog.locate(error.instancePath, { key: false }),
      };
    case "dependencies":
      return {
        message: `missing property "${String(params.missingProperty)}", which goes with "${String(params.property)}"`,
        location: catalog.locate(error.instancePath),
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
      if (error.instancePath === "/success") {
        return {
          message: `must be a code, a list of codes, or a mapping with absent, when or unless (found ${describe(error.data)})`,
          location: catalog.locate(error.instancePath),
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

/** The `if`/`then` rule: an integer code needs a name (and, in the common list, a type). */
function integerCodeProblem(catalog: LoadedCatalog, error: ErrorObject): Problem {
  const code = String((error.data as { code?: unknown }).code);
  // An unquoted 23505 among string codes such as 0A000 wants quotes, not a name and a type.
  const list = valueAt(catalog.data, error.instancePath.slice(0, error.instancePath.lastIndexOf("/")));
  const codes = Array.isArray(list) ? list.map((entry) => (entry as { code?: unknown })?.code) : [];
  const valid = codes.filter((value): value is CodeValue => typeof value === "number" || typeof value === "string");
  if (listKind(valid) === "string") {
    return {
      message: `code ${code} is read as an integer, but the other codes of the list are strings: quote it ("${code}")`,
      location: catalog.locate(`${error.instancePath}/code`),
    };
  }
  const message =
    (error.params as { missingProperty: string }).missingProperty === "name"
      ? `integer code ${code} needs a name, a PascalCase identifier such as QuotaExceeded`
      : `integer code ${code} needs a type, a short title such as "Quota exceeded"`;
  return { message, location: catalog.locate(error.instancePath) };
}

/** The value at a JSON pointer of plain data. */
function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const segment of fromPointer(pointer)) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
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
  if (path === "/id") return `${value} is not a catalog id: letters, digits and . _ : / @ -, no spaces`;
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

/** A document that passed the schema once its unknown keys were set aside, and every problem found. */
export interface LenientCheck<T> {
  readonly doc?: T;
  readonly problems: readonly Problem[];
}

/**
 * Like {@link checkSchema}, but when the only problems are unknown keys, they are set aside and
 * the rest of the document is returned too, so that the semantic checks can run in the same pass.
 */
export function checkSchemaLeniently(catalog: LoadedCatalog, kind: "catalog"): LenientCheck<CatalogDocument>;
export function checkSchemaLeniently(catalog: LoadedCatalog, kind: "included"): LenientCheck<IncludedDocument>;
export function checkSchemaLeniently(
  catalog: LoadedCatalog,
  kind: "catalog" | "included",
): LenientCheck<CatalogDocument | IncludedDocument> {
  const checked = kind === "catalog" ? checkSchema(catalog, kind) : checkSchema(catalog, kind);
  if (!Array.isArray(checked)) return { doc: checked, problems: [] };
  const validate = schemaValidators()[kind];
  const errors = validate.errors ?? [];
  if (!errors.every((error) => error.keyword === "additionalProperties")) return { problems: checked };
  const data = structuredClone(catalog.data);
  for (const error of errors) {
    const parent = fromPointer(error.instancePath).reduce<unknown>(
      (node, segment) => (node as Record<string, unknown>)[segment],
      data,
    ) as Record<string, unknown>;
    delete parent[String((error.params as { additionalProperty: string }).additionalProperty)];
  }
  return validate(data)
    ? { doc: data as CatalogDocument | IncludedDocument, problems: checked }
    : { problems: checked };
}

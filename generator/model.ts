import type { CatalogDocument, Fault } from "./catalog.js";
import { errorClassName, errorGuardName, moduleNames } from "./names.js";
import { toPointer } from "./problems.js";

/** The regex used when a catalog lists no patterns: `(100004) incorrect projectId`. */
export const DEFAULT_PATTERN = {
  name: "parenthesized",
  regex: String.raw`^\((?<code>-?\d+)\)\s*(?<text>[\s\S]*)$`,
  examples: [{ message: "(100004) incorrect projectId", code: 100004, text: "incorrect projectId" }],
} as const;

/** What the emitters read: every identifier and file name is derived here and nowhere else. */
export interface CatalogModel {
  /** The catalog path written in every header, relative to the output folder's parent, POSIX separators. */
  readonly sourcePath: string;
  readonly title: string;
  /** Brands errors so that two copies of the same generated module recognise each other's errors. */
  readonly catalogId: string;
  readonly success: number;
  readonly envelope: Envelope;
  readonly patterns: readonly PatternModel[];
  /** Ordered by code. */
  readonly common: readonly CommonCodeModel[];
  /** In catalog order. */
  readonly modules: readonly ModuleModel[];
  readonly enumStyle: "enum";
}

/** Where the fields live in a response body; each a path of property names. */
export interface Envelope {
  readonly code: readonly string[];
  readonly message: readonly string[];
  readonly requestId: readonly string[];
}

export interface CommonCodeModel {
  readonly code: number;
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly fault: Fault;
  readonly retryable: boolean;
  readonly className: string;
  readonly guardName: string;
  /** The docs anchor: `code-4400`. */
  readonly anchor: string;
  readonly pointer: string;
}

export interface PatternModel {
  readonly name: string;
  readonly regex: string;
  readonly examples: readonly { readonly message: string; readonly code: number; readonly text: string }[];
  readonly pointer: string;
}

export interface ModuleModel {
  readonly id: string;
  readonly title: string;
  readonly enumName: string;
  readonly guardName: string;
  readonly constName: string;
  /** Path of the module's file inside the output folder: `modules/storage-box.ts`. */
  readonly file: string;
  readonly anchor: string;
  /** Ordered by code. */
  readonly codes: readonly ModuleCodeModel[];
  readonly pointer: string;
}

export interface ModuleCodeModel {
  readonly code: number;
  readonly name: string;
  readonly description: string;
  /** The docs anchor: `account-100004`, `account-minus-1`. */
  readonly anchor: string;
  readonly pointer: string;
}

/** Builds the model of a schema-valid catalog; `sourcePath` is what headers name. */
export function buildModel(doc: CatalogDocument, sourcePath: string): CatalogModel {
  const title = doc.title ?? "API error codes";
  return {
    sourcePath,
    title,
    catalogId: title,
    success: doc.success,
    envelope: {
      code: splitPath(doc.envelope?.code ?? "code"),
      message: splitPath(doc.envelope?.message ?? "message"),
      requestId: splitPath(doc.envelope?.requestId ?? "requestId"),
    },
    patterns: (doc.moduleErrors?.patterns ?? [DEFAULT_PATTERN]).map((pattern, index) => ({
      name: pattern.name,
      regex: pattern.regex,
      examples: pattern.examples ?? [],
      pointer: doc.moduleErrors?.patterns ? toPointer(["moduleErrors", "patterns", index]) : "",
    })),
    common: byCode(
      doc.common.map((entry, index) => ({
        code: entry.code,
        name: entry.name,
        type: entry.type,
        description: entry.description,
        fault: entry.fault,
        retryable: entry.retryable ?? false,
        className: errorClassName(entry.name),
        guardName: errorGuardName(entry.name),
        anchor: `code-${anchorCode(entry.code)}`,
        pointer: toPointer(["common", index]),
      })),
    ),
    modules: (doc.moduleErrors?.modules ?? []).map((module, moduleIndex) => {
      const names = moduleNames(module.name);
      return {
        id: module.name,
        title: module.title ?? module.name,
        enumName: names.enumName,
        guardName: names.guardName,
        constName: names.constName,
        file: `modules/${names.fileStem}.ts`,
        anchor: `module-${names.fileStem}`,
        pointer: toPointer(["moduleErrors", "modules", moduleIndex]),
        codes: byCode(
          module.codes.map((entry, index) => ({
            code: entry.code,
            name: entry.name,
            description: entry.description,
            anchor: `${names.fileStem}-${anchorCode(entry.code)}`,
            pointer: toPointer(["moduleErrors", "modules", moduleIndex, "codes", index]),
          })),
        ),
      };
    }),
    enumStyle: doc.output?.enumStyle ?? "enum",
  };
}

function splitPath(path: string): string[] {
  return path.split(".");
}

function anchorCode(code: number): string {
  return code < 0 ? `minus-${-code}` : String(code);
}

/** A stable sort by code value; entries with equal codes keep catalog order. */
function byCode<T extends { readonly code: number }>(entries: T[]): T[] {
  return entries.sort((a, b) => a.code - b.code);
}

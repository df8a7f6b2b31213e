import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import { codeType, createWriter, finish, moduleCodeType } from "./writer.js";

/** `types.ts`: the shapes shared by the other files; it holds no values. */
export function emitTypes(model: CatalogModel): string {
  const writer = createWriter(model);
  const union = (values: readonly string[]) => (values.length === 0 ? "never" : values.map(tsString).join(" | "));
  const translations = (fields: string) => `
  /** The texts in the catalog's other locales; \`describe\` falls back to the default locale. */
  readonly translations?: Readonly<Partial<Record<Locale, { ${fields} }>>>;`;
  writer.blankLine();
  writer.write(`/** Whose mistake an error is: the caller's (\`client\`) or the service's (\`server\`). */
export type Fault = "client" | "server";

/** The id of a module, as passed to \`errorFromResponse(body, { module })\`. */
export type ModuleName = ${union(model.modules.map((module) => module.id))};

/** A module error code: ${moduleCodeType(model) === "number" ? "an integer parsed from the message" : "a string carried in the code field"}. */
export type ModuleCode = ${moduleCodeType(model)};

/** A locale of the catalog's texts. */
export type Locale = ${union(model.locales)};

/** Why a code is deprecated, and the code to use instead. */
export interface Deprecation {
  readonly reason: string;
  readonly replacedBy?: ${[...new Set([codeType(model), moduleCodeType(model)])].join(" | ")};
}

/** What the catalog says about one common error code. */
export interface CommonErrorInfo {
  /**
   * The value of the response's code field, one of {@link CommonErrorCode}; typed as a plain
   * ${codeType(model)} so that tables of thousands of codes stay within the compiler's limits.
   */
  readonly code: ${codeType(model)};
  /** The identifier: the member of \`CommonErrorCode\`, and the class name without \`Error\`. */
  readonly name: string;
  /** The error type, a short title. */
  readonly type: string;
  readonly description: string;
  readonly fault: Fault;
  /** Whether the same call may succeed when sent again later. */
  readonly retryable: boolean;
  readonly deprecated?: Deprecation;${translations("readonly type: string; readonly description: string")}
}

/** What the catalog says about one module error code. */
export interface ModuleErrorInfo {
  readonly code: ModuleCode;
  /** The member of the module's enum. */
  readonly name: string;
  readonly description: string;
  readonly deprecated?: Deprecation;${translations("readonly description: string")}
}

/** A module error code found in a response. */
export interface ModuleError {
  /** The module code${model.moduleErrorsIn === "message" ? ", parsed from the message" : ": the response's whole code"}. */
  readonly code: ModuleCode;
  /** ${model.moduleErrorsIn === "message" ? "The rest of the message, after the code." : "The response's message."} */
  readonly text: string;
${
  model.moduleErrorsIn === "message"
    ? `  /** The catalog pattern that matched the message. */
  readonly pattern: string;
`
    : ""
}  /** The module passed to \`errorFromResponse\`, or else the only module that lists this code. */
  readonly module?: ModuleName;
  /** The code's name in that module, when the module lists the code. */
  readonly name?: string;
}
`);
  return finish(writer);
}

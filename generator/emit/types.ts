import type { CatalogModel } from "../model.js";
import { tsPropertyKey, tsString } from "./escape.js";
import { moduleImport } from "./modules.js";
import { codeType, createWriter, finish, moduleCodeType } from "./writer.js";

/** `types.ts`: the shapes shared by the other files; it holds no values. */
export function emitTypes(model: CatalogModel): string {
  const writer = createWriter(model);
  const union = (values: readonly string[]) => (values.length === 0 ? "never" : values.map(tsString).join(" | "));
  const translations = (fields: string) => `
  /** The texts in the catalog's other locales; \`describe\` falls back to the default locale. */
  readonly translations?: Readonly<Partial<Record<Locale, { ${fields} }>>>;`;
  writer.blankLine();
  for (const module of model.modules) {
    writer.writeLine(`import type { ${module.enumName} } from ${tsString(moduleImport(module))};`);
  }
  if (model.modules.length > 0) writer.blankLine();
  writer.write(`/** Whose mistake an error is: the caller's (\`client\`) or the service's (\`server\`). */
export type Fault = "client" | "server";

/** The id of a module, as passed to \`errorFromResponse(body, { module })\`. */
export type ModuleName = ${union(model.modules.map((module) => module.id))};

/** A module error code: ${moduleCodeType(model) === "number" ? "an integer parsed from the message" : "a string carried in the code field"}. */
export type ModuleCode = ${moduleCodeType(model)};

/** A locale of the catalog's texts. */
export type Locale = ${union(model.locales)};

/** A value of an extra body field: strings, numbers and booleans are kept, anything else ignored. */
export type FieldValue = string | number | boolean;

/** The extra body fields the catalog names (\`envelope.fields\`), each present when the body held it. */
export type ErrorFields = ${fieldsType(model)};

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
  /** The identifier: the member of \`CommonErrorCode\`, from which the class and guard are named. */
  readonly name: string;
  /** The error type, a short title. */
  readonly type: string;
  readonly description: string;
  readonly fault: Fault;
  /** Whether the same call may succeed when sent again later. */
  readonly retryable: boolean;
  /** The HTTP status the catalog gives the code: its own, its category's or the default. */
  readonly httpStatus?: number;
  /** Other names of the code, members of \`CommonErrorCode\` too. */
  readonly aliases?: readonly string[];
  readonly deprecated?: Deprecation;${translations("readonly type: string; readonly description: string")}
}

/** What the catalog says about one module error code; its description is in \`texts/<locale>.ts\`. */
export interface ModuleErrorInfo {
  readonly code: ModuleCode;
  /** The member of the module's enum. */
  readonly name: string;
  /** Overrides the fault of the common code it arrives under. */
  readonly fault?: Fault;
  /** Overrides whether the error is retryable. */
  readonly retryable?: boolean;
  /** Overrides the HTTP status. */
  readonly httpStatus?: number;
  readonly deprecated?: Deprecation;
}

/** One locale's module code descriptions, by module id and code: what \`texts/<locale>.ts\` holds. */
export type ModuleTexts = Readonly<Partial<Record<ModuleName, Readonly<Record<ModuleCode, string>>>>>;

/** What a module code states over the common code it arrives under. */
export interface ModuleOverride {
  readonly fault?: Fault;
  readonly retryable?: boolean;
  readonly httpStatus?: number;
}

/**
 * A module for the parser: each code's name and overrides, without texts. Each module's file exports
 * one (\`accountModule\`); pass it to \`errorFromResponse(body, { module })\` or \`createErrorParser({ modules })\`.
 */
export interface ModuleTable<M extends ModuleName = ModuleName> {
  readonly id: M;
  /** Each code's member of the module's enum, by code. */
  readonly names: Readonly<Record<ModuleCode, string>>;
  /** What the codes that say so override, by code. */
  readonly overrides?: Readonly<Record<ModuleCode, ModuleOverride>>;
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
  writeModuleTyping(writer, model);
  return finish(writer);
}

/** The codes and names of each module's errors, by module id, for `ModuleErrorOf`. */
function writeModuleTyping(writer: ReturnType<typeof createWriter>, model: CatalogModel): void {
  // An empty interface is a lint error in consumers' code: a catalog without modules maps nothing.
  const map = (value: (module: CatalogModel["modules"][number]) => string) =>
    model.modules.length === 0
      ? "Readonly<Record<never, never>>"
      : `{\n${model.modules.map((module) => `  readonly ${tsPropertyKey(module.id)}: ${value(module)};\n`).join("")}}`;
  writer.write(`
/** Each module's code type, by module id. */
export type ModuleErrorCodes = ${map((module) => module.enumName)};

/** Each module's code names, by module id. */
export type ModuleErrorNames = ${map((module) => `keyof typeof ${module.enumName}`)};

/**
 * A module error of a module named in the call: a code the module lists has its \`name\`, and its
 * \`code\` typed by the module; a code it does not list has no \`name\`.
 */
export type ModuleErrorOf<M extends ModuleName> = ModuleError &
  (
    | { readonly module: M; readonly code: ModuleErrorCodes[M]; readonly name: ModuleErrorNames[M] }
    | { readonly module: M; readonly name?: undefined }
  );
`);
}

/** `{ readonly declineCode?: FieldValue }`, or a record of nothing when the catalog names no field. */
function fieldsType(model: CatalogModel): string {
  if (model.envelope.fields.length === 0) return "Readonly<Record<string, never>>";
  const members = model.envelope.fields.map((field) => `readonly ${tsPropertyKey(field.name)}?: FieldValue`);
  return `{ ${members.join("; ")} }`;
}

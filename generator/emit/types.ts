import type { CatalogModel } from "../model.js";
import { tsString } from "./escape.js";
import { createWriter, finish } from "./writer.js";

/** `types.ts`: the shapes shared by the other files; it holds no values. */
export function emitTypes(model: CatalogModel): string {
  const writer = createWriter(model);
  const moduleNames = model.modules.map((module) => tsString(module.id));
  writer.blankLine();
  writer.writeLine(`import type { CommonErrorCode } from "./common.js";`);
  writer.blankLine();
  writer.write(`/** Whose mistake an error is: the caller's (\`client\`) or the service's (\`server\`). */
export type Fault = "client" | "server";

/** The id of a module, as passed to \`errorFromResponse(body, { module })\`. */
export type ModuleName = ${moduleNames.length === 0 ? "never" : moduleNames.join(" | ")};

/** What the catalog says about one common error code. */
export interface CommonErrorInfo {
  /** The value of the response's code field. */
  readonly code: CommonErrorCode;
  /** The identifier: the member of \`CommonErrorCode\`, and the class name without \`Error\`. */
  readonly name: string;
  /** The error type, a short title. */
  readonly type: string;
  readonly description: string;
  readonly fault: Fault;
  /** Whether the same call may succeed when sent again later. */
  readonly retryable: boolean;
}

/** What the catalog says about one module error code. */
export interface ModuleErrorInfo {
  readonly code: number;
  /** The member of the module's enum. */
  readonly name: string;
  readonly description: string;
}

/** A module error code found in a response's message. */
export interface ModuleError {
  /** The module code parsed from the message. */
  readonly code: number;
  /** The rest of the message, after the code. */
  readonly text: string;
  /** The catalog pattern that matched the message. */
  readonly pattern: string;
  /** The module passed to \`errorFromResponse\`, or else the only module that lists this code. */
  readonly module?: ModuleName;
  /** The code's name in that module, when the module lists the code. */
  readonly name?: string;
}
`);
  return finish(writer);
}

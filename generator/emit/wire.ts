import type { CatalogModel, FieldMatch } from "../model.js";
import { commentText, tsString } from "./escape.js";
import { codeType, createWriter, finish } from "./writer.js";

const pathLiteral = (path: readonly string[]) => `[${path.map(tsString).join(", ")}]`;

/**
 * `wire.ts`: an error written back as the API's own body, through the catalog's envelope: what a
 * server built on the generated code sends.
 */
export function emitWire(model: CatalogModel): string {
  const writer = createWriter(model);
  const { envelope } = model;
  const inMessage = model.moduleErrorsIn === "message";
  const header = envelope.requestIdHeader;
  writer.blankLine();
  writer.write(`import type { ApiError } from "./api-error.js";
${inMessage ? `import { formatModuleMessage, parseModuleMessage } from "./messages.js";\n` : ""}
/** An error as an HTTP response: what \`toResponse()\` returns. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as JSON text. */
  readonly body: string;
}

const CODE_PATHS: readonly (readonly string[])[] = [${envelope.code.map(pathLiteral).join(", ")}];
const MESSAGE_PATH: readonly string[] = ${pathLiteral(envelope.message)};
const REQUEST_ID_PATH: readonly string[] = ${pathLiteral(envelope.requestId)};
`);
  if (envelope.status) writer.writeLine(`const STATUS_PATH: readonly string[] = ${pathLiteral(envelope.status)};`);
  if (envelope.fields.length > 0) {
    writer.writeLine(
      `const FIELD_PATHS: readonly (readonly [string, readonly string[]])[] = [${envelope.fields
        .map((field) => `[${tsString(field.name)}, ${pathLiteral(field.path)}]`)
        .join(", ")}];`,
    );
  }
  writer.write(`
/**
 * The body the API would have sent for \`error\`: its code (at \`codeField\` where the envelope lists
 * several), its message (a module code written back through its pattern's format), its request id,
 * status and extra fields${successNote(model)}.
 */
export function writeBody(error: ApiError): Record<string, unknown> {
  const body: Record<string, unknown> = {};
`);
  writeSuccessMarkers(writer, model);
  const code =
    model.moduleErrorsIn === "code"
      ? `typeof error.moduleError?.code === "${codeType(model)}" ? error.moduleError.code : error.code`
      : "error.code";
  writer.write(`  const code = ${code};
  const codePath = CODE_PATHS.find((path) => path.join(".") === error.codeField) ?? CODE_PATHS[0] ?? ["code"];
  if (code !== undefined) setPath(body, codePath, code);
  setPath(body, MESSAGE_PATH, ${inMessage ? "messageOf(error)" : "error.message"});
  if (error.requestId !== undefined) setPath(body, REQUEST_ID_PATH, error.requestId);
`);
  if (envelope.status) {
    writer.writeLine("  const status = error.httpStatus ?? error.status;");
    writer.writeLine("  if (status !== undefined) setPath(body, STATUS_PATH, status);");
  }
  if (envelope.fields.length > 0) {
    writer.write(`  for (const [name, path] of FIELD_PATHS) {
    const value = (error.fields as Readonly<Record<string, unknown>> | undefined)?.[name];
    if (value !== undefined) setPath(body, path, value);
  }
`);
  }
  if ("absent" in model.success) {
    writer.writeLine(
      `  // An error body holds what success lacks.\n  if (readPath(body, ${pathLiteral(model.success.absent)}) === undefined) setPath(body, ${pathLiteral(model.success.absent)}, {});`,
    );
  }
  writer.write(`  return body;
}

/** \`{ status, headers, body }\`: \`status\` is the error's HTTP status, else 200. */
export function writeResponse(error: ApiError): WireResponse {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (error.retryAfterMs !== undefined) headers["retry-after"] = String(Math.ceil(error.retryAfterMs / 1000));
`);
  if (header !== undefined) {
    writer.writeLine(
      `  if (error.requestId !== undefined) headers[${tsString(header.toLowerCase())}] = error.requestId;`,
    );
  }
  writer.write(`  return { status: error.httpStatus ?? 200, headers, body: JSON.stringify(writeBody(error)) };
}
`);
  if (inMessage) {
    writer.write(`
/** The message to send: the error's own when it already carries its module code, else the format's. */
function messageOf(error: ApiError): string {
  const moduleError = error.moduleError;
  if (moduleError === undefined || typeof moduleError.code !== "number") return error.message;
  if (parseModuleMessage(error.message)?.code === moduleError.code) return error.message;
  return formatModuleMessage(moduleError.code, moduleError.text, moduleError.pattern) ?? error.message;
}
`);
  }
  const paths = [
    ...envelope.code,
    envelope.message,
    envelope.requestId,
    ...(envelope.status ? [envelope.status] : []),
    ...envelope.fields.map((field) => field.path),
    ...("unless" in model.success ? model.success.unless.map((match) => match.path) : []),
    ...("absent" in model.success ? [model.success.absent] : []),
  ];
  // One key a path, none of them the prototype's setter: a plain assignment sets an own property.
  const flat = paths.every((path) => path.length === 1 && path[0] !== "__proto__");
  if (flat && !("absent" in model.success)) {
    writer.write(`
/** Sets a value at a path: every path of this envelope is one key, so a plain own property. */
function setPath(body: Record<string, unknown>, path: readonly string[], value: unknown): void {
  body[path[0] as string] = value;
}
`);
    return finish(writer);
  }
  writer.write(`
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

${
  "absent" in model.success
    ? `function readPath(body: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = body;
  for (const key of path) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

`
    : ""
}/** Sets a value at a path of own properties, making objects on the way. */
function setPath(body: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = body;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (isRecord(next)) node = next;
    else {
      const made: Record<string, unknown> = {};
      Object.defineProperty(node, key, { value: made, enumerable: true, writable: true, configurable: true });
      node = made;
    }
  }
}
`);
  return finish(writer);
}

/** Writes the fields an `unless` rule compares, so that the body reads as the error it is. */
function writeSuccessMarkers(writer: ReturnType<typeof createWriter>, model: CatalogModel): void {
  if (!("unless" in model.success)) return;
  const literal = (match: FieldMatch) =>
    typeof match.value === "string" ? tsString(match.value) : String(match.value);
  for (const match of model.success.unless) {
    writer.writeLine(`  setPath(body, ${pathLiteral(match.path)}, ${literal(match)});`);
  }
}

function successNote(model: CatalogModel): string {
  if ("unless" in model.success) return ", and the fields that make it an error";
  if ("absent" in model.success) return `, and \`${commentText(model.success.absent.join("."))}\` present`;
  return "";
}

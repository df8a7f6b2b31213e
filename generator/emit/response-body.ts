import type { FieldValue } from "../catalog.js";
import type { CatalogModel, FieldMatch } from "../model.js";
import { commentText, tsString } from "./escape.js";
import { anyCodeType, codeType, type createWriter } from "./writer.js";

type Writer = ReturnType<typeof createWriter>;

/** `["error", "code"]` */
const pathLiteral = (path: readonly string[]) => `[${path.map(tsString).join(", ")}]`;

/** The helpers of `response.ts` that read the envelope's fields and apply the success rule. */
export function writeBodyReaders(writer: Writer, model: CatalogModel): void {
  writeEnvelopePaths(writer, model);
  writeSuccessRule(writer, model);
  writeCodeReader(writer, model);
  writeFieldReaders(writer, model);
  writer.write(`
function notifyUnknownCode(
  code: ${anyCodeType(model)},
  body: unknown,
  listener: UnknownCodeListener | undefined,
  module?: ModuleName,
): void {
  for (const notify of listener ? [listener, ...unknownCodeListeners] : unknownCodeListeners) {
    try {
      if (module === undefined) notify(code, body);
      else notify(code, body, module);
    } catch {
      // A listener's failure must not turn an error response into a crash.
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at a path of own properties, or \`undefined\`. */
function readField(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const key of path) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function readString(body: unknown, path: readonly string[]): string | undefined {
  const value = readField(body, path);
  return typeof value === "string" ? value : undefined;
}

/** Why a body cannot be read at all: it is not a JSON object. */
function malformedReason(body: unknown): string | undefined {
  if (isRecord(body)) return undefined;
  const found = body === null ? "null" : Array.isArray(body) ? "an array" : typeof body;
  return \`not a JSON object (found \${found})\`;
}
`);
}

function writeEnvelopePaths(writer: Writer, model: CatalogModel): void {
  const { envelope } = model;
  writer.write(`
/** Where the envelope keeps each field of a response body. */
const CODE_PATHS: readonly (readonly string[])[] = [${envelope.code.map(pathLiteral).join(", ")}];
const CODE_FIELDS: readonly string[] = [${envelope.code.map((path) => tsString(path.join("."))).join(", ")}];
const MESSAGE_PATH: readonly string[] = ${pathLiteral(envelope.message)};
const REQUEST_ID_PATH: readonly string[] = ${pathLiteral(envelope.requestId)};
`);
  if (envelope.status) writer.writeLine(`const STATUS_PATH: readonly string[] = ${pathLiteral(envelope.status)};`);
  if (envelope.fields.length > 0) {
    writer.writeLine("const FIELD_PATHS: readonly (readonly [string, readonly string[]])[] = [");
    writer.indent(() => {
      for (const field of envelope.fields) writer.writeLine(`[${tsString(field.name)}, ${pathLiteral(field.path)}],`);
    });
    writer.writeLine("];");
  }
}

function writeSuccessRule(writer: Writer, model: CatalogModel): void {
  const rule = model.success;
  if ("codes" in rule) return;
  if ("absent" in rule) {
    const container = rule.absent.slice(0, -1);
    const key = rule.absent[rule.absent.length - 1] ?? "";
    writer.write(`
/** Success is a body whose \`${commentText(rule.absent.join("."))}\` is absent or null. */
function reportsSuccess(body: unknown): boolean {
  const container = ${container.length === 0 ? "body" : `readField(body, ${pathLiteral(container)})`};
  const key = ${tsString(key)};
  return isRecord(container) && (!Object.hasOwn(container, key) || container[key] === null);
}
`);
    return;
  }
  const when = "when" in rule;
  const matches = when ? rule.when : rule.unless;
  writer.write(`
/** The fields the success rule compares, with their values. */
const SUCCESS_${when ? "WHEN" : "UNLESS"}: readonly (readonly [readonly string[], string | number | boolean | null])[] = [
${matches.map((match) => `  [${pathLiteral(match.path)}, ${valueLiteral(match)}],\n`).join("")}];

/** Success ${when ? "only when every listed field equals its value" : "unless every listed field equals its value"}. */
function reportsSuccess(body: unknown): boolean {
  const matches = SUCCESS_${when ? "WHEN" : "UNLESS"}.every(([path, value]) => readField(body, path) === value);
  return ${when ? "matches" : "!matches"};
}
`);
}

function valueLiteral(match: FieldMatch): string {
  const value: FieldValue = match.value;
  return typeof value === "string" ? tsString(value) : String(value);
}

function writeCodeReader(writer: Writer, model: CatalogModel): void {
  const type = codeType(model);
  const valid = type === "number" ? "a safe integer" : "a non-empty string";
  const isCode =
    type === "number"
      ? `typeof value === "number" && Number.isSafeInteger(value)`
      : `typeof value === "string" && value !== ""`;
  writer.write(`
/** The code: the first path that holds ${valid}, and that path. */
function readCode(body: unknown): { readonly code: ${type}; readonly field: string } | undefined {
  for (const [index, path] of CODE_PATHS.entries()) {
    const value = readField(body, path);
    if (${isCode}) return { code: value, field: CODE_FIELDS[index] ?? "" };
  }
  return undefined;
}

/** Why no code was found: what the first path holds instead. */
function codeReason(body: unknown): string {
  const [first = []] = CODE_PATHS;
  const code = readField(body, first);
  if (code === undefined || code === null) return "no code";
  const shown = typeof code === "string" ? JSON.stringify(code.slice(0, 40)) : typeof code === "number" ? String(code) : typeof code;
  return \`the code is \${shown}, not ${valid}\`;
}
`);
}

function writeFieldReaders(writer: Writer, model: CatalogModel): void {
  const { envelope } = model;
  if (envelope.status) {
    writer.write(`
/** The HTTP status the body carries, when it is an integer from 100 to 599. */
function readStatus(body: unknown): number | undefined {
  const status = readField(body, STATUS_PATH);
  return typeof status === "number" && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}
`);
  } else {
    writer.write(`
/** The envelope names no status field. */
function readStatus(_body: unknown): number | undefined {
  return undefined;
}
`);
  }
  if (envelope.fields.length === 0) {
    writer.write(`
/** The envelope names no extra fields. */
function readFields(_body: unknown): ErrorFields | undefined {
  return undefined;
}
`);
    return;
  }
  writer.write(`
/** The extra fields the catalog names: strings, finite numbers and booleans; \`undefined\` when none is there. */
function readFields(body: unknown): ErrorFields | undefined {
  const fields: Record<string, FieldValue> = {};
  for (const [name, path] of FIELD_PATHS) {
    const value = readField(body, path);
    const kept = typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
    if (kept) fields[name] = value;
  }
  return Object.keys(fields).length > 0 ? (fields as ErrorFields) : undefined;
}
`);
}

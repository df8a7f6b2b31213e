import type { CatalogModel } from "../model.js";
import { MESSAGE_SCAN_LIMIT, PATTERN_FLAGS } from "../patterns.js";
import { regexLiteral, tsPropertyKey, tsString } from "./escape.js";
import { createWriter, finish } from "./writer.js";

/**
 * `messages.ts`: module error codes in message text, both ways: `parseModuleMessage` reads them with
 * the catalog's patterns, `formatModuleMessage` writes them with the patterns' formats.
 */
export function emitMessages(model: CatalogModel): string {
  const writer = createWriter(model);
  const formats = model.patterns.filter((pattern) => pattern.format !== undefined);
  writer.blankLine();
  writer.write(`/** A module error code found in a message by {@link parseModuleMessage}. */
export interface ParsedModuleMessage {
  readonly code: number;
  readonly text: string;
  /** The name of the catalog pattern that matched. */
  readonly pattern: string;
}

/** Patterns only see this many leading characters of a message, so a huge message cannot stall them. */
const MESSAGE_SCAN_LIMIT = ${MESSAGE_SCAN_LIMIT};

`);
  writer.writeLine(
    model.patterns.length === 0
      ? "/** The catalog declares no module errors, so no message is searched for one. */"
      : "/** The catalog's patterns, tried in order; `d` gives group indices, to mend text cut by the limit. */",
  );
  writer.write("const PATTERNS: readonly { readonly name: string; readonly regex: RegExp }[] = [");
  if (model.patterns.length > 0) {
    writer.newLine().indent(() => {
      for (const pattern of model.patterns) {
        writer.writeLine(`{ name: ${tsString(pattern.name)}, regex: ${regexLiteral(pattern.regex, PATTERN_FLAGS)} },`);
      }
    });
  }
  writer.write(`];

/** How each pattern writes a module error back into a message, by pattern name. */
const FORMATS: Readonly<Record<string, string>> = {${formats
    .map((pattern) => ` ${tsPropertyKey(pattern.name)}: ${tsString(pattern.format ?? "")}`)
    .join(",")}${formats.length > 0 ? " " : ""}};

/**
 * Finds a module error code in a message: the first pattern that matches with an integer code wins.
 * \`parseModuleMessage("(100004) incorrect projectId")\` → \`{ code: 100004, text: "incorrect projectId", pattern: "parenthesized" }\`.
 */
export function parseModuleMessage(message: string): ParsedModuleMessage | undefined {
  if (typeof message !== "string") return undefined;
  const window = message.length > MESSAGE_SCAN_LIMIT ? message.slice(0, MESSAGE_SCAN_LIMIT) : message;
  for (const { name, regex } of PATTERNS) {
    const match = regex.exec(window);
    const { code, text = "" } = match?.groups ?? {};
    if (!match || code === undefined || !/^-?\\d+$/.test(code)) continue;
    const value = Number(code);
    if (!Number.isSafeInteger(value)) continue;
    // Text that runs to the end of a cut window continues in the rest of the message.
    const { text: span } = match.indices?.groups ?? {};
    const cut = window.length < message.length && span?.[1] === window.length;
    return { code: value, text: cut ? text + message.slice(window.length) : text, pattern: name };
  }
  return undefined;
}

/**
 * A module error written into a message through its pattern's \`format\`, or the first pattern's that
 * has one: \`formatModuleMessage(100004, "incorrect projectId")\` → \`"(100004) incorrect projectId"\`.
 * \`undefined\` when no pattern has a format.
 */
export function formatModuleMessage(code: number, text: string, pattern?: string): string | undefined {
  const named = pattern !== undefined && Object.hasOwn(FORMATS, pattern) ? FORMATS[pattern] : undefined;
  const format = named ?? Object.values(FORMATS)[0];
  return format?.replace(/\\{(code|text)\\}/g, (_, field: string) => (field === "code" ? String(code) : text));
}
`);
  return finish(writer);
}

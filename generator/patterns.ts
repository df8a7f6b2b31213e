/**
 * Module-message patterns as the generated runtime applies them. The emitter writes the same
 * algorithm into `response.ts`; validation and `explain` use this copy, and the tests run both
 * over the same messages.
 */

/** Patterns only ever see this many leading characters of a message; the message itself stays whole. */
export const MESSAGE_SCAN_LIMIT = 4096;

/** The flags every pattern is compiled with: `d` gives group indices, so text cut by the limit can be mended. */
export const PATTERN_FLAGS = "d";

export interface CompiledPattern {
  readonly name: string;
  readonly regex: RegExp;
}

export interface ParsedMessage {
  readonly code: number;
  readonly text: string;
  readonly pattern: string;
}

/** Compiles a pattern's source; throws the engine's `SyntaxError` when it does not compile. */
export function compilePattern(source: string): RegExp {
  return new RegExp(source, PATTERN_FLAGS);
}

/** The named groups a pattern source defines: `^\((?<code>\d+)\)` → `["code"]`. */
export function groupNames(source: string): string[] {
  // An empty alternative always matches, and a match lists every named group, matched or not.
  const probe = new RegExp(`(?:${source})|`).exec("");
  return Object.keys(probe?.groups ?? {});
}

/**
 * Finds the module code in a message: the first pattern that matches with an integer `code` wins.
 * `parseMessage(patterns, "(100004) incorrect projectId")` → `{ code: 100004, text: "incorrect projectId", pattern: "parenthesized" }`.
 */
export function parseMessage(patterns: readonly CompiledPattern[], message: string): ParsedMessage | undefined {
  const window = message.length > MESSAGE_SCAN_LIMIT ? message.slice(0, MESSAGE_SCAN_LIMIT) : message;
  for (const { name, regex } of patterns) {
    const match = regex.exec(window);
    const { code, text = "" } = match?.groups ?? {};
    if (!match || code === undefined || !/^-?\d+$/.test(code)) continue;
    const value = Number(code);
    if (!Number.isSafeInteger(value)) continue;
    // Text that runs to the end of a cut window continues in the rest of the message.
    const { text: span } = match.indices?.groups ?? {};
    const cut = window.length < message.length && span?.[1] === window.length;
    return { code: value, text: cut ? text + message.slice(window.length) : text, pattern: name };
  }
  return undefined;
}

/**
 * Parsing a large catalog on two threads: the catalog is cut at the start of a list item near its
 * middle (a module, a code), the rest of that list goes to a second thread, and this one parses the
 * text around it with a one-line placeholder item where the rest was. Joined, the two give the same
 * data as a parse of the whole file, or the caller parses the whole file as usual. Refused, for that
 * whole parse:
 * - a text with a tab, a directive (`%YAML 1.1` reads `yes` and dates otherwise) or a document
 *   marker past the first line, which one part would not see as the whole does;
 * - a part with any error, warning or structure problem (the whole parse reports those, located);
 * - a rest with an anchor or an alias (an alias after the rest could name its anchor);
 * - a placeholder that did not come back as the last item of a list, alone: the cut fell inside a
 *   block scalar, a quoted string or a flow collection, not between list items.
 * The placeholder line and the first line of the rest start the same way (indentation, `- `) after
 * the same text, so the placeholder is an item of the list the rest continues; every line of the
 * rest is more indented or another item of it, and the text after the rest starts less indented,
 * so it follows the placeholder as it follows the rest's last item.
 */
import { randomBytes } from "node:crypto";
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import { PARSE_OPTIONS } from "./yaml-errors.js";

/** Below this many characters one thread parses the whole text: a thread's start costs more than it saves. */
export const MIN_SPLIT_CHARS = 512 * 1024;

/** The rest must hold at least this share of the text to be worth a thread. */
const MIN_REST_SHARE = 0.25;

/**
 * Where the cut is looked for, as a share of the text: past the middle, since the second thread
 * starts later and sends its data back, and this thread waits for it.
 */
const CUT_AT = 0.56;

/** How the text is cut: what this thread parses, what the second thread parses, and where. */
export interface SplitPlan {
  /** The text before the rest, a placeholder item, and the text after it. */
  readonly head: string;
  /** List items from the start of a line: the second thread's part. */
  readonly rest: string;
  /** Where the rest starts and ends in the whole text. */
  readonly restStart: number;
  readonly restEnd: number;
  /** The placeholder item's line, as it stands in `head` at `restStart`. */
  readonly placeholderLine: string;
  /** The placeholder item's value, found nowhere in the text. */
  readonly token: string;
}

/**
 * Where {@link planSplit} cuts: the least text worth it, where to look for the cut, and the least
 * rest worth a thread (shares of the text).
 */
export interface SplitOptions {
  readonly minChars?: number;
  readonly at?: number;
  readonly minRest?: number;
}

/** Where to cut `text`; undefined when it is too small or has what a part would read otherwise. */
export function planSplit(text: string, options: SplitOptions = {}): SplitPlan | undefined {
  if (text.length < (options.minChars ?? MIN_SPLIT_CHARS)) return undefined;
  if (text.includes("\t") || /^%/m.test(text) || /\n(?:---|\.\.\.)(?:[ \r\n]|$)/.test(text)) return undefined;
  const cut = listItemNear(text, Math.floor(text.length * (options.at ?? CUT_AT)));
  if (cut === undefined) return undefined;
  const restEnd = listEnd(text, cut.start, cut.indent);
  if (restEnd - cut.start < text.length * (options.minRest ?? MIN_REST_SHARE)) return undefined;
  const token = `errcat-split-${randomBytes(8).toString("hex")}`;
  if (text.includes(token)) return undefined;
  const placeholderLine = `${" ".repeat(cut.indent)}- ${token}\n`;
  return {
    head: `${text.slice(0, cut.start)}${placeholderLine}${text.slice(restEnd)}`,
    rest: text.slice(cut.start, restEnd),
    restStart: cut.start,
    restEnd,
    placeholderLine,
    token,
  };
}

/**
 * The first line after `from` that starts a list item (`- `) of the least indentation seen in a
 * window after it: the outermost list there (the modules rather than one module's codes).
 */
function listItemNear(text: string, from: number): { start: number; indent: number } | undefined {
  const windowEnd = Math.min(text.length, from + Math.max(4096, Math.floor(text.length / 20)));
  const item = /\n( *)-(?=[ \r\n])/g;
  item.lastIndex = Math.max(0, from - 1);
  let found: { start: number; indent: number } | undefined;
  for (let match = item.exec(text); match !== null && match.index < windowEnd; match = item.exec(text)) {
    const indent = (match[1] ?? "").length;
    if (found === undefined || indent < found.indent) found = { start: match.index + 1, indent };
    if (indent === 0) break;
  }
  return found;
}

/**
 * Where the list whose item starts at `start` ends, lexically: the first later line of content
 * (not blank, not a comment) indented less than its items, or as much but not an item.
 */
function listEnd(text: string, start: number, indent: number): number {
  const line = new RegExp(`\\n( {0,${indent}})([^ \\r\\n#])`, "g");
  line.lastIndex = start;
  for (let match = line.exec(text); match !== null; match = line.exec(text)) {
    const lead = (match[1] ?? "").length;
    if (lead < indent) return match.index + 1;
    const next = text.charAt(match.index + 1 + lead + 1);
    if (match[2] !== "-" || (next !== "" && next !== " " && next !== "\r" && next !== "\n")) return match.index + 1;
  }
  return text.length;
}

/**
 * The head parsed: its tree (kept to locate problems) and data; undefined when it has an error, a
 * warning or a structure problem (`sound`), or its data cannot be made (too many aliases).
 */
export function parseHead(
  head: string,
  sound: (doc: Document) => boolean,
): { doc: Document; data: unknown } | undefined {
  const doc = parseDocument(head, PARSE_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !sound(doc)) return undefined;
  try {
    return { doc, data: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return undefined;
  }
}

/**
 * The second thread's part parsed alone: a block list with no error, warning, structure problem
 * (`sound`), anchor or alias; undefined otherwise.
 */
export function parseRest(rest: string, sound: (doc: Document) => boolean): unknown[] | undefined {
  const doc = parseDocument(rest, PARSE_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  if (!isSeq(doc.contents) || doc.contents.flow || !sound(doc) || hasAnchorOrAlias(doc)) return undefined;
  return doc.toJS({ maxAliasCount: 0 }) as unknown[];
}

function hasAnchorOrAlias(doc: Document): boolean {
  const walk = (node: unknown): boolean => {
    if (isPair(node)) return walk(node.key) || walk(node.value);
    if (isAlias(node)) return true;
    if (isScalar(node)) return node.anchor !== undefined;
    if (isMap(node) || isSeq(node)) {
      if (node.anchor !== undefined) return true;
      for (const item of node.items as unknown[]) if (walk(item)) return true;
    }
    return false;
  };
  return walk(doc.contents);
}

/** The whole data, and where the rest's items are in it. */
export interface Joined {
  readonly data: unknown;
  /** The path of the list the rest continues. */
  readonly path: readonly string[];
  /** How many of its items come from the head. */
  readonly headItems: number;
}

/**
 * The head's data with its placeholder item replaced by the rest's items; undefined unless the
 * placeholder is found exactly once in the head's data, as the last item of a list, and in no string.
 */
export function joinParts(head: unknown, rest: readonly unknown[], token: string): Joined | undefined {
  let found: { list: unknown[]; path: string[] } | undefined;
  let seen = 0;
  const path: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.includes(token)) seen++;
    } else if (Array.isArray(value)) {
      if (value.length > 0 && value[value.length - 1] === token) found = { list: value, path: [...path] };
      for (let index = 0; index < value.length; index++) {
        path.push(String(index));
        walk(value[index]);
        path.pop();
      }
    } else if (typeof value === "object" && value !== null) {
      for (const key of Object.keys(value)) {
        if (key.includes(token)) seen++;
        path.push(key);
        walk((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  walk(head);
  if (found === undefined || seen !== 1) return undefined;
  found.list.pop();
  const headItems = found.list.length;
  for (const item of rest) found.list.push(item);
  return { data: head, path: found.path, headItems };
}

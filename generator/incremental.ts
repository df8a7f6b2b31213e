/**
 * Reparsing an edited catalog file by the one list item the edit falls in, for `generate --watch`:
 * a one-code edit of a 5 MB catalog reparses a few lines instead of the whole file. Every case it
 * cannot be sure of gives `undefined`, and the caller parses the whole file as usual:
 * - an edit outside the value of a list item whose value is a mapping (a module, a code), or one
 *   that touches the line its `- ` starts;
 * - a file or an item with anchors, aliases or tags (an alias may point across items);
 * - an item that no longer parses on its own as one mapping, or with any warning or structure
 *   problem (the full parse reports those, with their positions).
 * The result has no YAML tree: its positions come from a full parse made only when one is asked for.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type Node, parseDocument } from "yaml";
import { PARSE_OPTIONS } from "./yaml-errors.js";

/** A list item whose value is a mapping: where its value starts and ends, and the path to it. */
export interface ListItem {
  readonly start: number;
  readonly end: number;
  readonly path: readonly string[];
}

/** What an edit is reparsed against: the text and data before it, and where their list items are. */
export interface EditBase {
  readonly text: string;
  readonly data: unknown;
  readonly items: readonly ListItem[];
}

/** What the file is after an edit, with the base for the next one. */
export interface Reparsed {
  readonly data: unknown;
  readonly base: EditBase;
}

/**
 * The base of a whole parse; undefined when the tree has anchors, aliases or tags, keys that would
 * name the same property, or a directive (`%YAML 1.1` reads `yes` and dates otherwise) or a
 * document marker past the first line, which a fragment would not see.
 */
export function editBase(text: string, doc: Document, data: unknown): EditBase | undefined {
  if (/^%/m.test(text) || /\n(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text)) return undefined;
  const items = listItems(doc, 0);
  return items === undefined ? undefined : { text, data, items };
}

/**
 * The data of `text`, an edit of `base.text`, from a reparse of the one list item it changed;
 * `sound` tells whether a parsed tree is free of the problems a catalog may not have.
 */
export function reparseEdit(base: EditBase, text: string, sound: (doc: Document) => boolean): Reparsed | undefined {
  const old = base.text;
  if (old === text) return { data: base.data, base };
  // The edit replaces old[from, to) with text[from, to + delta): the rest is the same characters.
  const limit = Math.min(old.length, text.length);
  let from = 0;
  while (from < limit && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  let tail = 0;
  while (tail < limit - from && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) {
    tail++;
  }
  const to = old.length - tail;
  const delta = text.length - old.length;
  const item = innermostItem(base.items, from, to);
  if (item === undefined) return undefined;
  // The item's value starts after its `- ` (and the indentation before it): that line must hold nothing else.
  const lineStart = old.lastIndexOf("\n", item.start - 1) + 1;
  if (!/^[ ]*-[ ]+$/.test(old.slice(lineStart, item.start))) return undefined;
  const column = item.start - lineStart;
  const value = text.slice(item.start, item.end + delta);
  // A flow mapping over several lines is held to its parent's indentation, which a fragment has not;
  // a line starting a directive or a document marker ends or changes the document, not the item.
  if (value.startsWith("{") && value.includes("\n")) return undefined;
  if (/\n(?:%|---|\.\.\.)/.test(value)) return undefined;
  // The lexer reads on past a fragment's end after a tab (a block scalar's trailing whitespace lines)
  // and after a comment indented less than the item (a plain scalar then continues less indented).
  if (value.includes("\t") || lessIndentedComment(value, column)) return undefined;
  const fragment = `${" ".repeat(column)}${value}`;
  const doc = parseDocument(fragment, PARSE_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents) || !sound(doc)) return undefined;
  // A block mapping ends where a less indented line starts: a blank or comment line after it could
  // belong to its last value (a block scalar that keeps trailing lines), which this fragment cut off.
  if (!doc.contents.flow && !endsBlock(old, item.end, column)) return undefined;
  const inner = listItems(doc, item.start - column);
  if (inner === undefined) return undefined;
  const data = replaced(base.data, item.path, doc.toJS({ maxAliasCount: 0 }));
  if (data === undefined) return undefined;
  // The item's value ends where its reparse says, which trailing blank lines may move.
  const end = (doc.contents.range?.[1] ?? fragment.length) + item.start - column;
  const items: ListItem[] = [];
  for (const each of base.items) {
    if (each.end <= item.start) items.push(each);
    else if (each === item) items.push({ ...item, end }, ...withPrefix(inner, item.path));
    else if (each.start < item.start) items.push({ ...each, end: each.end + delta });
    else if (each.start >= item.end) items.push({ ...each, start: each.start + delta, end: each.end + delta });
    // Items inside the edited one are replaced by those of its reparse.
  }
  return { data, base: { text, data, items } };
}

/** Whether a line of `value` after its first is a comment indented less than `column`. */
function lessIndentedComment(value: string, column: number): boolean {
  for (const match of value.matchAll(/\n([ ]*)#/g)) if ((match[1] ?? "").length < column) return true;
  return false;
}

/** Whether the text at `end` is the end of the file or a line of content indented less than `column`. */
function endsBlock(text: string, end: number, column: number): boolean {
  if (end >= text.length) return true;
  if (text.charAt(end - 1) !== "\n") return false;
  const line = /^([ ]*)([^\s#])/.exec(text.slice(end, end + column + 1));
  return line !== null && (line[1] ?? "").length < column;
}

/** The deepest item whose value holds the whole edit, not its first character nor its last (a line end). */
function innermostItem(items: readonly ListItem[], from: number, to: number): ListItem | undefined {
  let found: ListItem | undefined;
  for (const item of items) {
    if (item.start >= to) break;
    if (item.start < from && to < item.end && (found === undefined || item.start > found.start)) found = item;
  }
  return found;
}

/**
 * Every list item whose value is a mapping, in document order, offsets moved by `offset`; undefined
 * when the tree has an anchor, an alias or a tag, which an edit could change the meaning of elsewhere.
 */
function listItems(doc: Document, offset: number): ListItem[] | undefined {
  const items: ListItem[] = [];
  const path: string[] = [];
  let plain = true;
  const walk = (node: unknown): void => {
    if (!plain || node === null || node === undefined) return;
    if (isPair(node)) {
      walk(node.key);
      const key = node.key;
      if (!isScalar(key)) return;
      path.push(String(key.value));
      walk(node.value);
      path.pop();
      return;
    }
    // An alias (neither mapping, list nor scalar), an anchor or a tag: not plain.
    if (!isMap(node) && !isSeq(node) && !isScalar(node)) {
      plain = false;
      return;
    }
    if (node.anchor !== undefined || node.tag !== undefined) plain = false;
    if (isMap(node)) {
      // Keys that become one property (`1` and `"1"`) would make a path name the wrong value.
      const names = new Set<string>();
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (name !== undefined && names.has(name)) plain = false;
        if (name !== undefined) names.add(name);
        walk(pair);
      }
    } else if (isSeq(node)) {
      node.items.forEach((child, index) => {
        path.push(String(index));
        const range = (child as Node | null)?.range;
        if (isMap(child) && range) items.push({ start: range[0] + offset, end: range[1] + offset, path: [...path] });
        walk(child);
        path.pop();
      });
    }
  };
  walk(doc.contents);
  return plain ? items : undefined;
}

/** Items of a reparsed item, their paths below the item's own. */
function withPrefix(items: readonly ListItem[], prefix: readonly string[]): ListItem[] {
  return items.map((item) => ({ ...item, path: [...prefix, ...item.path] }));
}

/** `data` with the value at `path` replaced, copying only the objects on the path. */
function replaced(data: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(data)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index >= data.length) return undefined;
    const child = replaced(data[index], rest, value);
    if (child === undefined) return undefined;
    const copy = [...data];
    copy[index] = child;
    return copy;
  }
  if (typeof data !== "object" || data === null || !Object.hasOwn(data, head)) return undefined;
  const child = replaced((data as Record<string, unknown>)[head], rest, value);
  if (child === undefined) return undefined;
  return { ...(data as Record<string, unknown>), [head]: child };
}

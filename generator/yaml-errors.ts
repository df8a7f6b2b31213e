import type { YAMLError } from "yaml";

/**
 * How every catalog text (a whole file, a reparsed item, either part of a split file) is parsed:
 * errors as plain messages, which {@link syntaxProblems} rewords, and a key written twice in one
 * mapping as an error.
 */
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;

/** A YAML problem as errcat reports it: what went wrong, and where it starts in the text. */
export interface SyntaxProblem {
  readonly message: string;
  readonly offset: number;
}

/**
 * Turns yaml's errors into the ones a person needs: every duplicate key (each names its key), and
 * otherwise only the first error, since what follows a syntax error is usually its echo. Positions
 * move to where the mistake was made: an unclosed quote or bracket points at its opening.
 */
export function syntaxProblems(errors: readonly YAMLError[], text: string): SyntaxProblem[] {
  const duplicates = errors.filter((error) => error.code === "DUPLICATE_KEY");
  const others = errors.filter((error) => error.code !== "DUPLICATE_KEY");
  const first = others.sort((a, b) => a.pos[0] - b.pos[0])[0];
  return [
    ...(first ? [describe(first, text)] : []),
    ...duplicates.map((error) => ({
      message: `duplicate key ${JSON.stringify(keyAt(text, error.pos[0]))}: a key may appear once in a mapping`,
      offset: error.pos[0],
    })),
  ].sort((a, b) => a.offset - b.offset);
}

function describe(error: YAMLError, text: string): SyntaxProblem {
  const message = plain(error.message);
  const quote = /^Missing closing (["'])quote/.exec(message);
  if (quote) {
    const opening = openingQuote(text, error.pos[0], quote[1] as '"' | "'");
    return {
      message: `the quoted string opened here is never closed (a ${quote[1]} is missing)`,
      offset: opening ?? error.pos[0],
    };
  }
  const flow = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a ([\]}])/.exec(
    message,
  );
  if (flow) {
    const opening = openingBracket(text, error.pos[0], flow[2] === "]" ? "[" : "{");
    return {
      message: `this ${flow[2] === "]" ? "[" : "{"} is never closed with ${flow[2]}`,
      offset: opening ?? error.pos[0],
    };
  }
  if (error.code === "MULTIPLE_DOCS") {
    return {
      message: "the file holds more than one YAML document (a second ---); a catalog is a single document",
      offset: error.pos[0],
    };
  }
  const hint = layoutHint(error, text);
  if (hint) return hint;
  if (message === "Sequence item without - indicator") {
    const lineStart = text.lastIndexOf("\n", error.pos[0] - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0].length ?? 0;
    return {
      message: 'bad indentation: this line does not line up with the entries around it (or it lacks its "- ")',
      offset: lineStart + indent,
    };
  }
  return { message, offset: error.pos[0] };
}

interface Line {
  readonly start: number;
  readonly text: string;
  /** Leading spaces (a tab counts as one character). */
  readonly indent: number;
}

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", start);
  const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, "");
  return { start, text: line, indent: /^[ \t]*/.exec(line)?.[0].length ?? 0 };
}

/** The next line after `line` that holds more than spaces and a comment. */
function nextLine(text: string, line: Line): Line | undefined {
  for (let start = afterLine(text, line); start < text.length; ) {
    const next = lineAt(text, start);
    if (!/^\s*(#.*)?$/.test(next.text)) return next;
    start = afterLine(text, next);
  }
  return undefined;
}

/** Where the line after `line` starts: past its `\n`, which a CRLF line's text (its `\r` removed) does not reach. */
function afterLine(text: string, line: Line): number {
  const end = text.indexOf("\n", line.start);
  return end === -1 ? text.length : end + 1;
}

/** The column of the first earlier `- ` item that is not at `indent`, the column the list uses. */
function listColumn(text: string, line: Line): number | undefined {
  for (let end = line.start - 1; end > 0; ) {
    const previous = lineAt(text, end);
    if (/^\s*- /.test(previous.text) && previous.indent !== line.indent) return previous.indent + 1;
    if (previous.indent === 0 && previous.text.trim() !== "") return undefined;
    end = previous.start - 1;
  }
  return undefined;
}

const KEY = /^(\s*)(?:- +)?([^\s:#'"{[][^:#]*?):(?:\s|$)/;

/**
 * The layout mistakes people make by hand, in errcat's words: a tab, an over-indented key, a
 * `- item` at the wrong column, and an unquoted `: ` inside a value.
 */
function layoutHint(error: YAMLError, text: string): SyntaxProblem | undefined {
  const line = lineAt(text, error.pos[0]);
  const tab = /^ *\t/.test(line.text);
  if (error.code === "TAB_AS_INDENT" || (error.code === "BAD_INDENT" && tab)) {
    return {
      message: "a tab indents this line; YAML indents with spaces only: replace the tab with spaces",
      offset: line.start,
    };
  }
  if (error.code === "BAD_INDENT" && /^\s*- /.test(line.text)) return misplacedItem(text, line);
  if (error.code === "BAD_INDENT" && KEY.test(line.text)) {
    return {
      message: `this key starts at column ${line.indent + 1}, not at the column of the keys above it; line it up with them`,
      offset: line.start + line.indent,
    };
  }
  if (error.code !== "BLOCK_AS_IMPLICIT_KEY") return undefined;
  if (/^\s*- /.test(line.text) && error.message.startsWith("A block sequence")) return misplacedItem(text, line);
  const next = nextLine(text, line);
  if (next && next.indent > line.indent && /^\s*- /.test(next.text)) return misplacedItem(text, next);
  if (next && next.indent > line.indent && KEY.test(next.text) && !/:\s*(#.*)?$/.test(line.text)) {
    const key = KEY.exec(next.text)?.[2] ?? "";
    const above = KEY.exec(line.text)?.[2] ?? "";
    return {
      message: `the key ${key} is indented deeper than ${above} above it, so YAML reads it as part of ${above}'s value; line them up`,
      offset: next.start + next.indent,
    };
  }
  const value = /^(\s*(?:- +)?)([^\s:#'"{[][^:#]*?):\s+([^'"{[|>\s].*?:\s.*)$/.exec(line.text);
  if (value) {
    const [, lead = "", key = "", rest = ""] = value;
    const quoted = JSON.stringify(rest.replace(/\s+#.*$/, ""));
    return {
      message: `the value of ${key} holds ": ", which YAML reads as the start of another key; quote the whole value: ${key}: ${quoted}`,
      offset: line.start + line.text.indexOf(rest, lead.length + key.length),
    };
  }
  return undefined;
}

function misplacedItem(text: string, line: Line): SyntaxProblem {
  const column = listColumn(text, line);
  const where = column === undefined ? "" : `, but this list's items start at column ${column}`;
  return {
    message: `this "- " item starts at column ${line.indent + 1}${where}; line the dashes of one list up`,
    offset: line.start + line.indent,
  };
}

/** yaml's messages may end with a position we report ourselves: drop it. */
export function plain(message: string): string {
  return message.replace(/ at line \d+, column \d+(?::[\s\S]*)?$/, "").trim();
}

function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset);
  const quoted = /^(["'])(.*?)\1/.exec(rest);
  return quoted ? (quoted[2] ?? "") : (/^[^:\n]*/.exec(rest)?.[0] ?? "").trim();
}

/** The quote that opens a string still open at `end`: the last unescaped one of its kind. */
function openingQuote(text: string, end: number, quote: '"' | "'"): number | undefined {
  for (let index = Math.min(end, text.length) - 1; index >= 0; index--) {
    if (text[index] !== quote) continue;
    if (quote === '"' && text[index - 1] === "\\") continue;
    if (quote === "'" && (text[index - 1] === "'" || text[index + 1] === "'")) {
      index--;
      continue;
    }
    return index;
  }
  return undefined;
}

/** The bracket still open at `end`, skipping quoted strings and comments. */
function openingBracket(text: string, end: number, open: "[" | "{"): number | undefined {
  const close = open === "[" ? "]" : "}";
  const stack: number[] = [];
  let quote: string | undefined;
  for (let index = 0; index < Math.min(end, text.length); index++) {
    const char = text[index];
    if (quote) {
      if (char === "\\" && quote === '"') index++;
      else if (char === quote) quote = undefined;
    } else if ((char === '"' || char === "'") && opensScalar(text, index)) {
      quote = char;
    } else if (char === "#" && (index === 0 || /\s/.test(text[index - 1] ?? ""))) {
      const lineEnd = text.indexOf("\n", index);
      index = lineEnd === -1 ? text.length : lineEnd;
    } else if (char === open) {
      stack.push(index);
    } else if (char === close) {
      stack.pop();
    }
  }
  return stack[0];
}

/** Whether a quote at `index` starts a quoted scalar (an apostrophe inside plain text does not). */
function opensScalar(text: string, index: number): boolean {
  const before = text.slice(text.lastIndexOf("\n", index - 1) + 1, index).trimEnd();
  return before === "" || /[[{,:-]$/.test(before);
}

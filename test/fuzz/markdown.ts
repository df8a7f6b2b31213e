/**
 * Checks on the generated markdown, with the rules GitHub's renderer (cmark-gfm) and markdown-it
 * apply: a `|` splits table cells unless a backslash precedes it, code spans are backtick runs of
 * equal length, raw HTML is any `<` tag outside a code span.
 */

/** The cells of a table row: split at every `|` not preceded by `\`, without the outer pipes. */
export function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === "|" && line[index - 1] !== "\\") {
      cells.push(cell);
      cell = "";
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  if (cells[0]?.trim() === "") cells.shift();
  if (cells.length > 0 && cells[cells.length - 1]?.trim() === "") cells.pop();
  return cells;
}

const DELIMITER_ROW = /^\|(?:\s*:?-+:?\s*\|)+\s*$/;

export interface TableProblem {
  readonly line: number;
  readonly text: string;
  readonly cells: number;
  readonly expected: number;
}

/**
 * Every table row with a column count other than its header's. A table runs from its header to
 * the first blank line, as in GFM, so a line break that escapes a cell shows as a short row.
 */
export function tableProblems(markdown: string): { rows: number; problems: TableProblem[] } {
  const lines = markdown.split(/\r\n|[\r\n]/);
  const problems: TableProblem[] = [];
  let rows = 0;
  for (let index = 0; index + 1 < lines.length; index++) {
    const header = lines[index] ?? "";
    if (!header.startsWith("|") || !DELIMITER_ROW.test(lines[index + 1] ?? "")) continue;
    const expected = tableCells(header).length;
    const delimiter = tableCells(lines[index + 1] ?? "").length;
    if (delimiter !== expected)
      problems.push({ line: index + 2, text: lines[index + 1] ?? "", cells: delimiter, expected });
    let row = index + 2;
    for (; row < lines.length && (lines[row] ?? "").trim() !== ""; row++) {
      const text = lines[row] ?? "";
      const cells = text.startsWith("|") ? tableCells(text).length : -1;
      rows++;
      if (cells !== expected) problems.push({ line: row + 1, text, cells, expected });
    }
    index = row;
  }
  return { rows, problems };
}

/**
 * The shape of each line: blank, heading level, table row with its cell count, anchor, fenced
 * block (one entry, however many lines it holds), or text. Catalog text must not change it.
 */
export function lineShapes(markdown: string): string[] {
  const shapes: string[] = [];
  const lines = markdown.split(/\r\n|[\r\n]/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const fence = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      while (index + 1 < lines.length && lines[index + 1] !== fence) index++;
      index++;
      shapes.push("fence");
    } else if (line.trim() === "") shapes.push("blank");
    else if (/^#{1,6}(?:\s|$)/.test(line)) shapes.push(`h${/^#+/.exec(line)?.[0].length}`);
    else if (line.startsWith("|")) shapes.push(`row:${tableCells(line).length}`);
    else if (/^<a id="[^"]*"><\/a>$/.test(line)) shapes.push("anchor");
    else if (line.startsWith("<!--")) shapes.push("comment");
    else shapes.push("text");
  }
  return shapes;
}

/** The text with every code span replaced by `CODE`, as CommonMark finds them (backslash escapes apply outside spans). */
export function withoutCodeSpans(text: string): string {
  let out = "";
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? "";
    if (char === "\\" && /[!-/:-@[-`{-~]/.test(text[index + 1] ?? "")) {
      out += text.slice(index, index + 2);
      index += 2;
      continue;
    }
    if (char !== "`") {
      out += char;
      index++;
      continue;
    }
    let end = index;
    while (text[end] === "`") end++;
    const run = end - index;
    let close = -1;
    for (let at = end; at < text.length; ) {
      if (text[at] !== "`") {
        at++;
        continue;
      }
      let after = at;
      while (text[after] === "`") after++;
      if (after - at === run) {
        close = at;
        break;
      }
      at = after;
    }
    if (close < 0) {
      out += text.slice(index, end);
      index = end;
    } else {
      out += "CODE";
      index = close + run;
    }
  }
  return out;
}

/**
 * Each line's inline text with code spans set aside (`CODE`), fenced blocks and the header comment
 * skipped; in a table, cells are split first and `\|` unescaped, as GFM does before inline parsing.
 */
function inlineText(markdown: string): { line: string; parts: string[] }[] {
  const found: { line: string; parts: string[] }[] = [];
  const lines = markdown.split(/\r\n|[\r\n]/);
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const fence = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      while (index + 1 < lines.length && lines[index + 1] !== fence) index++;
      index++;
      continue;
    }
    const parts = line.startsWith("|") ? tableCells(line).map((cell) => cell.replace(/\\\|/g, "|")) : [line];
    found.push({ line, parts: parts.map(withoutCodeSpans) });
  }
  return found;
}

/**
 * Lines where raw HTML appears that errcat did not write: anything tag-like outside code spans,
 * once errcat's own `<a id="..."></a>` and `<br>` are set aside.
 */
export function rawHtml(markdown: string): string[] {
  // The lint header errcat writes on the second line is the one comment it may write.
  return inlineText(markdown.replace("\n<!-- biome-ignore-all format: generated by errcat -->\n", "\n\n"))
    .filter(({ parts }) =>
      parts.some((part) =>
        /<[A-Za-z!?/]/.test(part.replace(/<a id="[A-Za-z0-9._~/:-]+"><\/a>/g, "").replace(/<br>/g, "")),
      ),
    )
    .map(({ line }) => line);
}

/** Every `<a id="...">` anchor of a docs file outside code, in order. */
export function anchors(markdown: string): string[] {
  return inlineText(markdown).flatMap(({ parts }) =>
    parts.flatMap((part) => [...part.matchAll(/<a id="([^"]*)"><\/a>/g)].map((match) => match[1] ?? "")),
  );
}

/** Whether the header comment on the first line is one HTML comment that nothing inside ends early. */
export function headerCommentIntact(markdown: string): boolean {
  const first = markdown.split("\n", 1)[0] ?? "";
  if (!first.startsWith("<!--") || !first.endsWith("-->")) return false;
  const inner = first.slice(4, -3);
  // HTML ends a comment at `-->` and at `--!>`; `<!--` inside is a parse error.
  return !inner.includes("-->") && !inner.includes("--!>") && !inner.includes("<!--") && !inner.endsWith("-");
}

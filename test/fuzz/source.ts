/**
 * Checks on generated TypeScript as text: a token skeleton that ignores what strings, regexes and
 * comments hold, and the places a comment may end.
 */

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;
const SPACES = /\s+/y;
const WORDS = /[A-Za-z0-9_$]+/y;
/** A line comment runs to the next line terminator of any kind. */
const LINE_COMMENT = /\/\/[^\n\r\u2028\u2029]*/y;
/** After these words a `/` starts a regex literal, not a division. */
const BEFORE_EXPRESSION = new Set(["return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "yield"]);

/** A block comment found by {@link skeleton}: where it starts and where its `*\/` ends. */
export interface BlockComment {
  readonly start: number;
  readonly end: number;
}

/**
 * The tokens of a TypeScript source with comments dropped and every string, template and regex
 * literal reduced to its kind. Two outputs of the same catalog shape with different text must have
 * the same skeleton: catalog text that leaves its literal or comment changes it. A literal or
 * comment that does not end where it should shows as a `<broken ...>` token. Block comments are
 * reported to `onComment`.
 */
export function skeleton(source: string, onComment?: (comment: BlockComment) => void): string[] {
  const tokens: string[] = [];
  let regexAllowed = true;
  let index = 0;
  const run = (pattern: RegExp) => {
    pattern.lastIndex = index;
    return pattern.exec(source)?.[0] ?? "";
  };
  while (index < source.length) {
    const char = source[index] ?? "";
    const next = source[index + 1];
    const space = run(SPACES);
    if (space !== "") {
      index += space.length;
    } else if (char === "/" && next === "/") {
      index += run(LINE_COMMENT).length;
    } else if (char === "/" && next === "*") {
      const end = source.indexOf("*/", index + 2);
      if (end < 0) {
        tokens.push("<broken comment>");
        break;
      }
      onComment?.({ start: index, end: end + 2 });
      index = end + 2;
    } else if (char === '"' || char === "'" || char === "`") {
      index = skipQuoted(source, index, char, (token) => tokens.push(token));
      regexAllowed = false;
    } else if (char === "/" && regexAllowed) {
      index = skipRegex(source, index, (token) => tokens.push(token));
      regexAllowed = false;
    } else {
      const word = run(WORDS);
      if (word !== "") {
        tokens.push(word);
        regexAllowed = BEFORE_EXPRESSION.has(word);
        index += word.length;
      } else {
        tokens.push(char);
        regexAllowed = char !== ")" && char !== "]" && char !== "}";
        index++;
      }
    }
  }
  return tokens;
}

/** Skips a string or template literal (templates here hold no nested backticks); returns the index after it. */
function skipQuoted(source: string, start: number, quote: string, push: (token: string) => void): number {
  let index = start + 1;
  while (index < source.length) {
    const char = source[index];
    if (char === "\\") {
      index += 2;
    } else if (char === quote) {
      push(quote === "`" ? "<template>" : "<string>");
      return index + 1;
    } else if (quote !== "`" && (char === "\n" || char === "\r")) {
      push("<broken string>");
      return index;
    } else {
      index++;
    }
  }
  push("<broken string>");
  return index;
}

/** Skips a regex literal with its flags; returns the index after it. */
function skipRegex(source: string, start: number, push: (token: string) => void): number {
  let index = start + 1;
  let inClass = false;
  while (index < source.length) {
    const char = source[index] ?? "";
    if (LINE_TERMINATOR.test(char)) {
      push("<broken regex>");
      return index;
    }
    if (char === "\\") {
      index += 2;
      continue;
    }
    if (char === "[") inClass = true;
    else if (char === "]") inClass = false;
    else if (char === "/" && !inClass) {
      index++;
      while (index < source.length && /[a-z]/.test(source[index] ?? "")) index++;
      push("<regex>");
      return index;
    }
    index++;
  }
  push("<broken regex>");
  return index;
}

/** Describes where two skeletons first differ, with a little context; `undefined` when they are equal. */
export function skeletonDifference(actual: readonly string[], expected: readonly string[]): string | undefined {
  const length = Math.max(actual.length, expected.length);
  for (let index = 0; index < length; index++) {
    if (actual[index] !== expected[index]) {
      const around = (tokens: readonly string[]) => tokens.slice(Math.max(0, index - 12), index + 12).join(" ");
      return `token ${index}: got ${JSON.stringify(actual[index])}, want ${JSON.stringify(expected[index])}\n  got:  ${around(actual)}\n  want: ${around(expected)}`;
    }
  }
  return undefined;
}

/**
 * Block comments that errcat did not write as such: every comment must be `/* @__PURE__ *\/`, a
 * one-line JSDoc (`/** text *\/` alone on its line) or a JSDoc whose `*\/` stands alone on its last
 * line. A comment that catalog text closed early ends anywhere else. Returns the offending lines.
 */
export function strayCommentEnds(source: string): string[] {
  const found: string[] = [];
  const lineAt = (offset: number) => {
    const start = source.lastIndexOf("\n", offset - 1) + 1;
    const end = source.indexOf("\n", offset);
    return source.slice(start, end < 0 ? source.length : end);
  };
  skeleton(source, ({ start, end }) => {
    const text = source.slice(start, end);
    if (text === "/* @__PURE__ */" || text === "/* eslint-disable */") return;
    const first = lineAt(start);
    const last = lineAt(end - 1);
    const oneLine = !text.includes("\n") && /^\s*\/\*\*.*\*\/$/.test(first) && first.trimStart() === text;
    const block = text.startsWith("/**\n") && last.trim() === "*/" && /^\s*\/\*\*$/.test(first);
    if (!oneLine && !block) found.push(text.includes("\n") ? `${first} … ${last}` : first);
  });
  return found;
}

/** The JSDoc tags that start a comment line (`* @see ...`), in order: catalog text must never add one. */
export function jsdocTags(source: string): string[] {
  return source
    .split("\n")
    .map((line) => /^\s*(?:\/\*\*|\*)\s*(@[A-Za-z]+)/.exec(line)?.[1])
    .filter((tag): tag is string => tag !== undefined);
}

/**
 * One escaper per output context. Every string that comes from a catalog passes through exactly
 * one of these before it reaches generated text.
 */

// What JSON.stringify escapes (quote, backslash, controls, lone surrogates) and U+2028/U+2029.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

/**
 * A TypeScript string literal: `he said "hi"` → `"he said \"hi\""`. JSON escapes quotes, backslashes
 * and control characters; U+2028/U+2029 are escaped too so the source reads the same in every editor.
 */
export function tsString(value: string): string {
  // Most catalog text needs no escape at all; testing for that is cheaper than escaping.
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A property key: bare when it is a plain identifier, quoted otherwise. */
export function tsPropertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) && key !== "__proto__" ? key : tsString(key);
}

// C0 controls (but tab and line feed), DEL and C1 controls. Line and paragraph separators
// (U+2028/U+2029) are not here: `textLines` splits on them, as on every line terminator.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function visibleControl(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

// Fast paths: text without any of these characters comes out of its escaper unchanged (but trimmed).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters.
const JSDOC_SPECIAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029@]|\*\//;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters.
const MARKDOWN_SPECIAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\`&<>]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters.
const CODE_SPECIAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029`]/;

/** Lines of catalog text: every line terminator (CRLF, CR, LF, U+2028, U+2029) splits. */
export function textLines(value: string): string[] {
  return value.split(/\r\n|[\r\n\u2028\u2029]/);
}

/**
 * The lines of a JSDoc comment body, without the ` * ` prefix. A comment end (`*\/`) cannot
 * close the comment, a line cannot start a tag, and control characters are shown as `\uXXXX`.
 */
export function jsdocLines(value: string): string[] {
  if (!JSDOC_SPECIAL.test(value)) return [value.trimEnd()];
  return textLines(value).map((line) =>
    line
      .replace(CONTROL, visibleControl)
      .replace(/\*\//g, "*\\/")
      .replace(/^(\s*)@/, "$1\\@")
      .trimEnd(),
  );
}

/**
 * A markdown table cell. Pipes and backslashes are escaped so the row keeps its columns, HTML is
 * shown as text, line breaks become `<br>`; markdown links and emphasis still render.
 */
export function markdownCell(value: string): string {
  const inline = markdownInline(value);
  return inline.includes("|") ? inline.replace(/\|/g, "\\|") : inline;
}

/** Catalog text in running markdown (headings, paragraphs): HTML shown as text, one line. */
export function markdownInline(value: string): string {
  if (!MARKDOWN_SPECIAL.test(value)) return value.trim();
  return textLines(value)
    .map((line) =>
      line
        .replace(CONTROL, "\uFFFD")
        .replace(/\\/g, "\\\\")
        .replace(/`/g, "\\`")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .trim(),
    )
    .join("<br>");
}

/**
 * Words of errcat's own page text between inserted values, in markdown: like {@link markdownCell}
 * but the spaces around them are kept.
 */
export function markdownWords(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/`/g, "\\`")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|");
}

/** A markdown code span that holds any text: the fence is longer than any backtick run inside. */
export function markdownCode(value: string): string {
  if (!CODE_SPECIAL.test(value)) return value.startsWith(" ") ? `\` ${value} \`` : `\`${value}\``;
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const body = textLines(value).join(" ").replace(CONTROL, "\uFFFD");
  const pad = body.startsWith("`") || body.endsWith("`") || body.startsWith(" ") ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A markdown code span inside a table cell: pipes still split cells there, so they are escaped too. */
export function markdownCodeCell(value: string): string {
  const code = markdownCode(value);
  return code.includes("|") ? code.replace(/\|/g, "\\|") : code;
}

/** A text for one line of a comment header: no line breaks, no comment terminators. */
export function commentText(value: string): string {
  return textLines(value).join(" ").replace(CONTROL, "").replace(/\*\//g, "*\\/").replace(/-->/g, "--\\>");
}

const REGEX_ESCAPES: Record<string, string> = {
  "\n": "\\n",
  "\r": "\\r",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
  "/": "\\/",
  '"': '\\"',
  "'": "\\'",
  "`": "\\`",
};

/**
 * A regular expression literal with the same meaning as `new RegExp(source, flags)` for a source
 * that compiles without the `u` or `v` flag: `^\((?<code>\d+)\)` → `/^\((?<code>\d+)\)/d`.
 * Slashes, line terminators and control characters are escaped; quotes are escaped too (an
 * identity escape), so no tool that scans the text for strings mistakes them for one.
 */
export function regexLiteral(source: string, flags: string): string {
  let body = "";
  for (let index = 0; index < source.length; index++) {
    const char = source[index] ?? "";
    if (char === "\\") {
      const next = source[index + 1] ?? "";
      index++;
      // `\` before a line terminator is an identity escape of it: the escape alone keeps the meaning.
      if (next in REGEX_ESCAPES && /[\n\r\u2028\u2029]/.test(next)) body += REGEX_ESCAPES[next];
      else if (isLoneSurrogate(source, index)) body += `\\u${next.charCodeAt(0).toString(16).padStart(4, "0")}`;
      else body += `\\${next}`;
    } else if (char in REGEX_ESCAPES) {
      body += REGEX_ESCAPES[char];
    } else if (char < " " || (char >= "\u007f" && char <= "\u009f")) {
      body += `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`;
    } else if (isLoneSurrogate(source, index)) {
      // UTF-8 cannot hold half a pair: written as is it would read back as U+FFFD.
      body += `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
    } else {
      body += char;
    }
  }
  return `/${body === "" ? "(?:)" : body}/${flags}`;
}

/** Whether the UTF-16 unit at `index` is half of a surrogate pair without its other half. */
function isLoneSurrogate(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (unit >= 0xdc00 && unit <= 0xdfff) {
    const previous = text.charCodeAt(index - 1);
    return !(previous >= 0xd800 && previous <= 0xdbff);
  }
  return false;
}

/** Text for an HTML comment (the docs' header): no line breaks, no `--`, which could end it. */
export function htmlCommentText(value: string): string {
  return textLines(value)
    .join(" ")
    .replace(CONTROL, "")
    .replace(/-(?=-)/g, "- ")
    .replace(/-$/, "- ");
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const HTML_SPECIAL = /[&<>"'\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff]/;

/**
 * Text or a double-quoted attribute value in HTML: `&`, `<`, `>`, `"` and `'` as entities, control
 * characters and lone surrogates (which no HTML document may hold) as U+FFFD.
 */
export function htmlText(value: string): string {
  // Most catalog text needs none of it: one scan instead of several.
  if (!HTML_SPECIAL.test(value)) return value;
  const safe = HTML_UNSAFE.test(value)
    ? value
        .replace(CONTROL, "\uFFFD")
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\uFFFD")
    : value;
  return safe.replace(HTML_MARKUP, (char) => HTML_ENTITIES[char] ?? char);
}

/** What no HTML document may hold: control characters, and surrogates (lone ones among them). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters.
const HTML_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff]/;
const HTML_MARKUP = /[&<>"']/g;
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * A JSON value inside an inline `<script>`: `<` (so no `</script>` or `<!--` can end or bend the
 * script), U+2028 and U+2029 as `\u` escapes.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

import { describe, expect, it } from "vitest";
import {
  htmlText,
  jsdocLines,
  markdownCell,
  markdownCode,
  markdownWords,
  regexLiteral,
  scriptJson,
  tsPropertyKey,
  tsString,
} from "../generator/emit/escape.js";

describe("tsString", () => {
  it.each([
    { given: "plain", want: '"plain"' },
    { given: 'say "hi"', want: '"say \\"hi\\""' },
    { given: "back\\slash", want: '"back\\\\slash"' },
    { given: "line\nbreak", want: '"line\\nbreak"' },
    { given: "sep\u2028par\u2029", want: '"sep\\u2028par\\u2029"' },
    { given: "nul\0", want: '"nul\\u0000"' },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax must stay plain text.
    { given: "${x}`", want: '"${x}`"' },
    { given: "\ud800", want: '"\\ud800"' },
  ])("$given", ({ given, want }) => {
    expect(tsString(given)).toBe(want);
    expect(JSON.parse(tsString(given).replace(/\\u202([89])/g, "\\u202$1"))).toBe(given);
  });
});

describe("tsPropertyKey", () => {
  it.each([
    { given: "code", want: "code" },
    { given: "face-pay", want: '"face-pay"' },
    { given: "__proto__", want: '"__proto__"' },
    { given: "1a", want: '"1a"' },
  ])("$given", ({ given, want }) => expect(tsPropertyKey(given)).toBe(want));
});

describe("jsdocLines", () => {
  it.each([
    { name: "comment end", given: "a */ b", want: ["a *\\/ b"] },
    { name: "every line terminator", given: "a\r\nb\rc\nd\u2028e\u2029f", want: ["a", "b", "c", "d", "e", "f"] },
    { name: "a leading tag", given: "@param x\n  @see y", want: ["\\@param x", "  \\@see y"] },
    { name: "control characters", given: "bell\u0007nul\0", want: ["bell\\u0007nul\\u0000"] },
    { name: "trailing spaces", given: "a   ", want: ["a"] },
  ])("$name", ({ given, want }) => expect(jsdocLines(given)).toEqual(want));
});

describe("markdownCell", () => {
  it.each([
    { name: "pipes", given: "a | b", want: "a \\| b" },
    { name: "escaped pipe stays escaped", given: "a \\| b", want: "a \\\\\\| b" },
    { name: "newlines", given: "a\nb\r\nc", want: "a<br>b<br>c" },
    { name: "html", given: "<script>&", want: "&lt;script&gt;&amp;" },
    { name: "links render", given: "[docs](https://example.com)", want: "[docs](https://example.com)" },
    { name: "control characters", given: "a\u0008b", want: "a\ufffdb" },
  ])("$name", ({ given, want }) => expect(markdownCell(given)).toBe(want));
});

describe("markdownCode", () => {
  it.each([
    { given: "x", want: "`x`" },
    { given: "a`b", want: "``a`b``" },
    { given: "`x`", want: "`` `x` ``" },
  ])("$given", ({ given, want }) => expect(markdownCode(given)).toBe(want));
});

describe("regexLiteral", () => {
  const cases = [
    { source: String.raw`^\((?<code>-?\d+)\)\s*(?<text>[\s\S]*)$`, samples: ["(1) a", "(-2)b", "x"] },
    { source: "a/b", samples: ["a/b", "ab"] },
    { source: "[/]x", samples: ["/x", "x"] },
    { source: 'it\'s "q" `t`', samples: ['it\'s "q" `t`', "its"] },
    { source: "a\nb", samples: ["a\nb", "ab"] },
    { source: "a\\\nb", samples: ["a\nb", "ab"] },
    { source: "x\u2028y", samples: ["x\u2028y"] },
    { source: "\\\\'", samples: ["\\'", "'"] },
    { source: "tab\tbell\u0007", samples: ["tab\tbell\u0007"] },
    { source: "a/*b*/", samples: ["a//b/", "ab"] },
    { source: "", samples: ["", "x"] },
  ];
  it.each(cases)("$source matches as new RegExp would", ({ source, samples }) => {
    const literal = regexLiteral(source, "d");
    expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
    const compiled = new Function(`return ${literal};`)() as RegExp;
    const reference = new RegExp(source, "d");
    for (const sample of samples) expect(compiled.exec(sample)?.[0]).toBe(reference.exec(sample)?.[0]);
  });

  it("writes the default pattern as a person would", () => {
    expect(regexLiteral(String.raw`^\((?<code>-?\d+)\)\s*(?<text>[\s\S]*)$`, "d")).toBe(
      String.raw`/^\((?<code>-?\d+)\)\s*(?<text>[\s\S]*)$/d`,
    );
  });
});

describe("htmlText", () => {
  it.each([
    { given: "plain 中文", want: "plain 中文" },
    { given: `<a href="x">'&'</a>`, want: "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;" },
    { given: "nul\0 and \u0085", want: "nul\uFFFD and \uFFFD" },
    { given: "lone \ud800 half, pair \ud83d\ude00", want: "lone \uFFFD half, pair \ud83d\ude00" },
    { given: "tab\tline\n", want: "tab\tline\n" },
  ])("$given", ({ given, want }) => expect(htmlText(given)).toBe(want));
});

describe("scriptJson", () => {
  it.each([
    { given: "</script><!--", want: '"\\u003c/script>\\u003c!--"' },
    { given: "a\u2028b", want: '"a\\u2028b"' },
    { given: ["(?<code>\\d+)"], want: '["(?\\u003ccode>\\\\d+)"]' },
  ])("$given", ({ given, want }) => {
    expect(scriptJson(given)).toBe(want);
    expect(JSON.parse(scriptJson(given))).toEqual(given);
  });
});

describe("markdownWords", () => {
  it("keeps the spaces around inserted values and escapes the rest", () => {
    expect(markdownWords(" Use <b> | x ")).toBe(" Use &lt;b&gt; \\| x ");
  });
});

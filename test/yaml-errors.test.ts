/** YAML syntax errors in errcat's words, at the place the mistake was made. */
import { describe, expect, it } from "vitest";
import { parseCatalogText } from "../generator/load.js";
import { CatalogError } from "../generator/problems.js";
import { checkSchema } from "../generator/schema.js";

function problemsOf(text: string): string[] {
  try {
    parseCatalogText("c.yaml", text);
  } catch (error) {
    if (error instanceof CatalogError)
      return error.problems.map(({ message, location }) => `${location.line}:${location.col}: ${message}`);
    throw error;
  }
  return [];
}

describe("YAML layout hints", () => {
  it.each([
    {
      name: "an over-indented key",
      given: "common:\n  - code: 4400\n    name: QuotaExceeded\n      type: Quota exceeded\n",
      want: "4:7: the key type is indented deeper than name above it, so YAML reads it as part of name's value; line them up",
    },
    {
      name: "an unquoted colon and space in a value",
      given: "common:\n  - code: 4400\n    description: Note: slow down\n",
      want: 'the value of description holds ": ", which YAML reads as the start of another key; quote the whole value: description: "Note: slow down"',
      at: "3:18",
    },
    {
      name: "a - item right of its list",
      given: "common:\n  - code: 1\n    name: A\n   - code: 2\n",
      want: '4:4: this "- " item starts at column 4, but this list\'s items start at column 3; line the dashes of one list up',
    },
    {
      name: "a - item left of its list",
      given: "reserved:\n  - 1\n - 2\n",
      want: '3:2: this "- " item starts at column 2, but this list\'s items start at column 3; line the dashes of one list up',
    },
    {
      name: "a - item deeper than the keys of the item above",
      given: "common:\n  - code: 1\n    name: A\n     - code: 2\n",
      want: '4:6: this "- " item starts at column 6, but this list\'s items start at column 3; line the dashes of one list up',
    },
    {
      name: "a tab before a list item",
      given: "common:\n\t- code: 1\n",
      want: "2:1: a tab indents this line; YAML indents with spaces only: replace the tab with spaces",
    },
    {
      name: "a tab after spaces",
      given: "common:\n  - code: 1\n  \tname: A\n",
      want: "3:1: a tab indents this line; YAML indents with spaces only: replace the tab with spaces",
    },
  ])("$name", ({ given, want, at }) => {
    expect(problemsOf(given)).toEqual([at === undefined ? want : `${at}: ${want}`]);
  });
});

describe("unknown keys", () => {
  it.each([
    { key: "retryble", want: 'unknown property "retryble"; did you mean retryable?' },
    { key: "fualt", want: 'unknown property "fualt"; did you mean fault?' },
    { key: "Description", want: 'unknown property "Description"; did you mean description?' },
    { key: "severity", want: 'unknown property "severity"' },
  ])("$key", ({ key, want }) => {
    const text = `format: 1\nsuccess: 0\ncommon:\n  - { code: 1, name: A, type: A, description: d, fault: client, ${key}: x }\n`;
    const checked = checkSchema(parseCatalogText("c.yaml", text), "catalog");
    expect(Array.isArray(checked) ? checked.map((problem) => problem.message) : []).toContain(want);
  });
});

describe("a broken CRLF file", () => {
  it("is reported, not read forever", () => {
    expect(() => parseCatalogText("crlf.yaml", "a: |\r\n    k\r\n\r\n  - c: 1\r\n")).toThrow(CatalogError);
  });
});

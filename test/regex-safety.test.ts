import { createRequire } from "node:module";
import { afterAll, describe, expect, it } from "vitest";
import { parseModuleMessage } from "../generated/index.js";
import { CatalogError, validate } from "../generator/index.js";
import { DEFAULT_PATTERN } from "../generator/model.js";
import { MESSAGE_SCAN_LIMIT, parseMessage } from "../generator/patterns.js";
import { backtrackingProblem } from "../generator/regex-safety.js";
import { cleanup, tempDir, writeCatalog } from "./helpers.js";

afterAll(cleanup);

/** A catalog whose only pattern is `regex`, written as a YAML single-quoted string. */
function catalogWith(regex: string): string {
  return `format: 1
success: 0
common: []
moduleErrors:
  patterns:
    - name: custom
      regex: '${regex.replace(/'/g, "''")}'
`;
}

function problemsOf(regex: string) {
  try {
    validate(writeCatalog(tempDir(), catalogWith(regex)));
    return [];
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    return error.problems;
  }
}

// Patterns run on untrusted messages: any that can backtrack super-linearly is refused.
const unsafe = [
  { name: "nested quantifiers", regex: String.raw`^(?<code>\d+)(?<text>(a+)+)$`, kind: "exponentially" },
  { name: "a starred group of pluses", regex: String.raw`^(?<code>(\d+)*)x(?<text>.*)$`, kind: "exponentially" },
  { name: "overlapping alternatives", regex: String.raw`^(?<code>(\d|\d)+)x(?<text>.*)$`, kind: "exponentially" },
  {
    name: "two adjacent stars over spaces",
    regex: String.raw`^\[(?<code>\d+)\]\s*(?<text>\s*.*)$`,
    kind: "polynomially",
  },
] as const;

const safe = [
  { name: "the default pattern", regex: DEFAULT_PATTERN.regex },
  { name: "brackets", regex: String.raw`^\[E(?<code>\d+)\] (?<text>[^\n]*)$` },
  { name: "a colon form", regex: String.raw`^code=(?<code>-?\d+); (?<text>[\s\S]*)$` },
] as const;

describe("regex safety at validation", () => {
  afterAll(() => {
    console.info(`regex safety: ${unsafe.length} super-linear patterns refused, ${safe.length} linear ones accepted`);
  });

  it.each(unsafe)("refuses $name, located at the regex", ({ regex, kind }) => {
    const problems = problemsOf(regex);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.location).toMatchObject({ line: 7, col: 14, pointer: "/moduleErrors/patterns/0/regex" });
    expect(problems[0]?.message).toMatch(new RegExp(`^the regex can backtrack ${kind}`));
  });

  it.each(safe)("accepts $name", ({ regex }) => {
    expect(problemsOf(regex)).toEqual([]);
  });

  it("skips the checker only for the default pattern, which the checker itself proves linear", () => {
    const { checkSync } = createRequire(import.meta.url)("recheck") as typeof import("recheck");
    expect(checkSync(DEFAULT_PATTERN.regex, "").status).toBe("safe");
    expect(backtrackingProblem(DEFAULT_PATTERN.regex)).toBeUndefined();
  });
});

describe("the scan cap", () => {
  const tail = "y".repeat(MESSAGE_SCAN_LIMIT * 3);

  it("patterns see only the first MESSAGE_SCAN_LIMIT characters", () => {
    const seen: number[] = [];
    const probe = {
      name: "probe",
      regex: {
        exec: (text: string) => {
          seen.push(text.length);
          return null;
        },
      } as unknown as RegExp,
    };
    parseMessage([probe], `(1) ${tail}`);
    expect(seen).toEqual([MESSAGE_SCAN_LIMIT]);
  });

  it("a code past the cap is not found, in the generator and in the generated runtime", () => {
    const late = `${" ".repeat(MESSAGE_SCAN_LIMIT)}(7) late`;
    expect(parseMessage([{ name: "p", regex: new RegExp(DEFAULT_PATTERN.regex, "d") }], late)).toBeUndefined();
    expect(parseModuleMessage(late)).toBeUndefined();
  });

  it("the text of a match that reaches the cap runs on to the end of the message", () => {
    const message = `(1) ${tail}`;
    expect(parseModuleMessage(message)?.text).toBe(tail);
    expect(parseMessage([{ name: "p", regex: new RegExp(DEFAULT_PATTERN.regex, "d") }], message)?.text).toBe(tail);
  });
});

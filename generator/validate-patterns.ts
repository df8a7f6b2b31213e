import type { CatalogModel } from "./model.js";
import { compilePattern, groupNames, parseMessage } from "./patterns.js";
import { backtrackingProblem } from "./regex-safety.js";
import { type Reporter, show } from "./reporter.js";

/**
 * Module-message patterns: unique names, a regex that compiles, holds the groups `code` and `text`
 * and cannot backtrack super-linearly, and examples that parse to what they state.
 */
export function checkPatterns(model: CatalogModel, reporter: Reporter): void {
  const names = new Set<string>();
  const compiled: { name: string; regex: RegExp }[] = [];
  for (const pattern of model.patterns) {
    if (names.has(pattern.name)) reporter.report(pattern.origin, "/name", `duplicate pattern name ${pattern.name}`);
    names.add(pattern.name);
    let regex: RegExp;
    try {
      regex = compilePattern(pattern.regex);
    } catch (error) {
      reporter.report(pattern.origin, "/regex", `the regex does not compile: ${(error as Error).message}`);
      continue;
    }
    const groups = groupNames(pattern.regex);
    const missing = ["code", "text"].filter((group) => !groups.includes(group));
    if (missing.length > 0) {
      const list = missing.map((group) => `(?<${group}>…)`).join(" and ");
      reporter.report(
        pattern.origin,
        "/regex",
        `the regex lacks the named group${missing.length > 1 ? "s" : ""} ${list}`,
      );
      continue;
    }
    const backtracking = backtrackingProblem(pattern.regex);
    if (backtracking !== undefined) {
      reporter.report(pattern.origin, "/regex", backtracking);
      continue;
    }
    compiled.push({ name: pattern.name, regex });
  }
  for (const pattern of model.patterns) {
    if (!compiled.some((entry) => entry.name === pattern.name)) continue;
    for (const [index, example] of pattern.examples.entries()) {
      const parsed = parseMessage(compiled, example.message);
      const suffix = `/examples/${index}`;
      const message = JSON.stringify(example.message);
      const want = `code ${show(example.code)}, text ${JSON.stringify(example.text)}`;
      if (!parsed) {
        reporter.report(pattern.origin, suffix, `the example ${message} does not parse; expected ${want}`);
      } else if (parsed.pattern !== pattern.name) {
        reporter.report(
          pattern.origin,
          suffix,
          `the example ${message} is parsed by the earlier pattern ${parsed.pattern}`,
        );
      } else if (parsed.code !== example.code || parsed.text !== example.text) {
        const got = `code ${parsed.code}, text ${JSON.stringify(parsed.text)}`;
        reporter.report(pattern.origin, suffix, `the example ${message} parses to ${got}; expected ${want}`);
      }
      if (pattern.format !== undefined)
        checkFormat(pattern.format, example, compiled, pattern.name, (problem) =>
          reporter.report(pattern.origin, "/format", problem),
        );
    }
    if (pattern.format !== undefined && !pattern.format.includes("{code}")) {
      reporter.report(pattern.origin, "/format", "the format needs {code}, where the module code goes");
    }
  }
}

/** A module error written through `format` must parse back, with this pattern, to the example. */
function checkFormat(
  format: string,
  example: { readonly code: number | string; readonly text: string; readonly message: string },
  compiled: readonly { name: string; regex: RegExp }[],
  name: string,
  report: (problem: string) => void,
): void {
  const written = formatMessage(format, example.code, example.text);
  const parsed = parseMessage(compiled, written);
  if (parsed?.pattern === name && parsed.code === example.code && parsed.text === example.text) return;
  const got =
    parsed === undefined ? "does not parse" : `parses to code ${parsed.code}, text ${JSON.stringify(parsed.text)}`;
  report(
    `the format writes the example ${JSON.stringify(example.message)} as ${JSON.stringify(written)}, which ${got}${parsed && parsed.pattern !== name ? ` (by pattern ${parsed.pattern})` : ""}`,
  );
}

/** `({code}) {text}` with the code and text in place, as the generated `formatModuleMessage` writes it. */
export function formatMessage(format: string, code: number | string, text: string): string {
  return format.replace(/\{(code|text)\}/g, (_, field: string) => (field === "code" ? String(code) : text));
}

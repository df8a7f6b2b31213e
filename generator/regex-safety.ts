import { createRequire } from "node:module";
import type { checkSync as CheckSync } from "recheck";
import { DEFAULT_PATTERN } from "./model.js";

/** Patterns known to be linear; the test suite checks each with recheck, so runs need not. */
const KNOWN_LINEAR = new Set<string>([DEFAULT_PATTERN.regex]);

let checkSync: typeof CheckSync | undefined;

/**
 * Whether a pattern can backtrack super-linearly on some message, as recheck proves it.
 * Returns why it is unsafe, or `undefined` when it is linear.
 *
 * `backtrackingProblem("^(a+)+$")` → `"the regex can backtrack exponentially ..."`.
 */
export function backtrackingProblem(source: string): string | undefined {
  if (KNOWN_LINEAR.has(source)) return undefined;
  // Loaded on first use: a catalog with only the default pattern never pays for the checker.
  checkSync ??= (createRequire(import.meta.url)("recheck") as { checkSync: typeof CheckSync }).checkSync;
  const result = checkSync(source, "", { timeout: 10_000 });
  switch (result.status) {
    case "safe":
      return undefined;
    case "vulnerable": {
      const hot = result.hotspot
        .filter((spot) => spot.temperature === "heat")
        .map((spot) => `\`${source.slice(spot.start, spot.end)}\``);
      const where = hot.length > 0 ? ` in ${[...new Set(hot)].join(", ")}` : "";
      const attack = result.attack.string.length > 60 ? `${result.attack.string.slice(0, 60)}…` : result.attack.string;
      return (
        `the regex can backtrack ${result.complexity.type === "exponential" ? "exponentially" : "polynomially"}` +
        `${where} (${result.complexity.summary}), so a crafted message such as ${JSON.stringify(attack)} stalls the client;` +
        " rewrite it so that no two parts can match the same characters"
      );
    }
    default:
      return `the regex could not be proven free of catastrophic backtracking (${result.error.kind}); simplify it`;
  }
}

import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/**
 * Headless Chromium for the page tests: Debian's `chromium` package (`.ci/run` installs it with
 * `fonts-noto-cjk`) driven by playwright-core, which downloads no browser of its own.
 */
const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The browser binary, or `undefined` where none is installed. */
export const chromiumPath = CANDIDATES.find((path): path is string => path !== undefined && existsSync(path));

/** Why the browser tests do not run here; in CI a missing browser is a failure, not a skip. */
export function missingBrowser(): string | undefined {
  if (chromiumPath) return undefined;
  return "no Chromium found (install Debian's chromium and fonts-noto-cjk, or set CHROMIUM_PATH)";
}

/** One launch serves the whole test file; each page gets its own fresh context. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    ...(chromiumPath === undefined ? {} : { executablePath: chromiumPath }),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The folder screenshots go to, under the OS temp folder; kept after the run for review. */
export function screenshotFolder(): string {
  return mkdtempSync(join(tmpdir(), "errcat-page-screenshots-"));
}

/** axe-core's source, injected into a page to check it. */
const axeSource = () => readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/** The serious and critical accessibility violations axe-core finds on the page as it is. */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string | null; targets: string }[]> {
  await page.addScriptTag({ content: axeSource() });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes
        .slice(0, 3)
        .map((node) => JSON.stringify(node.target))
        .join(" "),
    }));
}

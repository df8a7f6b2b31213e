/** The README shows what the repository does: its first commands, and the CI steps of the workflow. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./helpers.js";

const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The fenced blocks of one README section, by language. */
function blocks(section: string, language: string): string[] {
  const start = README.indexOf(`\n## ${section}\n`);
  expect(start).toBeGreaterThan(-1);
  const end = README.indexOf("\n## ", start + 1);
  const text = README.slice(start, end === -1 ? README.length : end);
  return [...text.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "g"))].map((match) => match[1] ?? "");
}

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
}

/** A step as the README shows it: `npx errcat` where this repository runs its own build. */
const shown = (step: Step) => ({
  ...(step.name === undefined ? {} : { name: step.name }),
  ...(step.if === undefined ? {} : { if: step.if }),
  run: (step.run ?? "").replaceAll("node dist/bin.js", "npx errcat").trim(),
});

describe("the README", () => {
  it("starts with this repository's two set-up commands", () => {
    expect(/```sh\n([\s\S]*?)```/.exec(README)?.[1]).toBe("npm ci && npm run generate\nnpm test\n");
  });

  it("shows the CI workflow's steps: diff only on pull requests, annotations only on failure", () => {
    const workflow = parse(readFileSync(join(ROOT, ".github/workflows/ci.yml"), "utf8")) as {
      jobs: Record<string, { steps: Step[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((step) => step.run !== undefined));
    const [snippet] = blocks("The drift check in CI", "yaml");
    const readme = parse(snippet ?? "") as Step[];
    expect(readme.map(shown)).toEqual(steps.map(shown));
    expect(readme.find((step) => step.run?.includes("diff --against"))?.if).toBe("github.event_name == 'pull_request'");
    expect(readme.find((step) => step.run?.includes("--format github") && !step.run.includes("diff"))?.if).toBe(
      "failure()",
    );
  });

  it("says in the retire-a-code recipe that deleting a code is a major change", () => {
    const start = README.indexOf("To retire a code");
    expect(README.slice(start, start + 600)).toMatch(/Deleting is a major change either way/);
  });
});

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, ROOT, tempDir } from "./helpers.js";

afterAll(cleanup);

/**
 * ESLint with typescript-eslint, in a folder of their own: typescript-eslint accepts only
 * typescript < 6.1, and this repository builds with typescript 7. Installed once, then reused.
 */
const TOOLS = join(ROOT, "node_modules/.cache/errcat-lint-tools");
const BIOME = join(ROOT, "node_modules/.bin/biome");

function installTools(): void {
  if (existsSync(join(TOOLS, "node_modules/typescript-eslint/package.json"))) return;
  mkdirSync(TOOLS, { recursive: true });
  writeFileSync(join(TOOLS, "package.json"), `${JSON.stringify({ private: true })}\n`);
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--silent", "eslint@9", "typescript-eslint@8", "typescript@~6.0.0"],
    { cwd: TOOLS, stdio: "inherit" },
  );
}

/** A consumer's project outside this repository (so no config of ours applies) holding the output. */
function consumerProject(output: string): string {
  const dir = tempDir("errcat-consumer-");
  cpSync(output, join(dir, "src/generated"), { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
  const compilerOptions = { target: "ES2022", module: "nodenext", strict: true, skipLibCheck: true, noEmit: true };
  writeFileSync(join(dir, "tsconfig.json"), `${JSON.stringify({ compilerOptions, include: ["src"] })}\n`);
  const tseslint = pathToFileURL(createRequire(join(TOOLS, "package.json")).resolve("typescript-eslint")).href;
  writeFileSync(
    join(dir, "eslint.config.mjs"),
    `import tseslint from ${JSON.stringify(tseslint)};
export default tseslint.config(
  { ignores: ["eslint.config.mjs"] },
  ...tseslint.configs.strictTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
);
`,
  );
  return dir;
}

interface EslintResult {
  readonly filePath: string;
  readonly messages: readonly { ruleId: string | null; message: string; severity: number; line: number }[];
}

describe.each(["generated", "examples/dotted/generated"])("a consumer's linters on %s", (output) => {
  let project: string;
  beforeAll(() => {
    installTools();
    project = consumerProject(join(ROOT, output));
  }, 180_000);

  it("biome check with the default configuration reports nothing", () => {
    const result = spawnSync(BIOME, ["check", "--max-diagnostics=50", "src"], { cwd: project, encoding: "utf8" });
    expect(result.stdout + result.stderr).toMatch(/Checked \d+ files/);
    expect(result.stdout + result.stderr).not.toMatch(/error|warning|format|lint\//i);
    expect(result.status).toBe(0);
  });

  it("typescript-eslint's strictTypeChecked reports no problem the header does not silence", () => {
    const result = spawnSync(join(TOOLS, "node_modules/.bin/eslint"), ["--format", "json", "src"], {
      cwd: project,
      encoding: "utf8",
    });
    const files = JSON.parse(result.stdout) as EslintResult[];
    expect(files.length).toBeGreaterThan(5);
    const problems = files.flatMap((file) =>
      file.messages
        // ESLint 9 warns by default that a blanket disable is unused where a file is already clean.
        .filter((message) => !/^Unused eslint-disable directive/.test(message.message))
        .map((message) => `${file.filePath}:${message.line} ${message.ruleId ?? ""} ${message.message}`),
    );
    expect(problems).toEqual([]);
    expect(result.status).toBe(0);
  }, 60_000);
});

it("the lint header is what silences them: without it, strictTypeChecked would report", () => {
  installTools();
  const project = consumerProject(join(ROOT, "generated"));
  execFileSync("sed", [
    "-i",
    "/^\\/\\* eslint-disable \\*\\/$/d",
    ...["response.ts"].map((f) => join(project, "src/generated", f)),
  ]);
  const result = spawnSync(join(TOOLS, "node_modules/.bin/eslint"), ["--format", "json", "src/generated/response.ts"], {
    cwd: project,
    encoding: "utf8",
  });
  const files = JSON.parse(result.stdout) as EslintResult[];
  const rules = files.flatMap((file) => file.messages.map((message) => message.ruleId));
  // Which rules fire depends on the code; that some do is what makes the header necessary.
  expect(rules.filter((rule) => rule?.startsWith("@typescript-eslint/")).length).toBeGreaterThan(0);
}, 180_000);

import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cleanup, minimalCatalog, ROOT, tempDir } from "./helpers.js";

// The package as users get it: packed, installed into a fresh project, run through its bin,
// and its output type-checked and run there.
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
let project: string;

function run(command: string, args: string[], cwd = project): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

beforeAll(() => {
  const packDir = tempDir("errcat-pack-");
  run(npm, ["pack", "--silent", "--pack-destination", packDir], ROOT);
  const tarball = readdirSync(packDir).find((file) => file.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack produced no tarball");
  project = tempDir("errcat-user-");
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user", private: true, type: "module" }));
  run(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--silent", join(packDir, tarball)]);
}, 240_000);
afterAll(cleanup);

it("runs from its bin", () => {
  const version = (
    JSON.parse(
      run("node", [
        "-e",
        "process.stdout.write(require('fs').readFileSync('node_modules/errcat/package.json','utf8'))",
      ]),
    ) as { version: string }
  ).version;
  expect(run(join(project, "node_modules/.bin/errcat"), ["--version"]).trim()).toBe(version);
  expect(run(join(project, "node_modules/.bin/errcat"), ["--help"])).toMatch(/errcat generate/);
});

it("generates output that type-checks and runs in the user's project", () => {
  writeFileSync(join(project, "errors.yaml"), minimalCatalog());
  run(join(project, "node_modules/.bin/errcat"), ["generate", "--schema", "errors.yaml", "--out", "src/errors"]);
  writeFileSync(
    join(project, "src/main.ts"),
    `import { errorFromResponse, isQuotaExceededError } from "./errors/index.js";
const error = errorFromResponse({ code: 4400, message: "(100004) incorrect projectId" });
if (!isQuotaExceededError(error)) throw new Error("not narrowed");
const literal: 4400 = error.code;
console.log(JSON.stringify({ code: literal, name: error.moduleError?.name, retryable: error.retryable }));
`,
  );
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        types: [],
        rootDir: "src",
        outDir: "dist",
      },
      include: ["src"],
    }),
  );
  run("node", [tsc, "-p", "tsconfig.json"]);
  expect(JSON.parse(run("node", ["dist/main.js"]))).toEqual({
    code: 4400,
    name: "IncorrectProjectId",
    retryable: true,
  });
});

it("exposes the programmatic API", () => {
  const script = `import { validate } from "errcat"; console.log(validate("errors.yaml").common.length);`;
  writeFileSync(join(project, "errors.yaml"), minimalCatalog());
  expect(run("node", ["--input-type=module", "-e", script]).trim()).toBe("2");
});

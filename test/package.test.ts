import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cleanup, minimalCatalog, ROOT, tempDir } from "./helpers.js";

// The package as users get it: packed, installed into a fresh project, run through its bin,
// and its output type-checked and run there.
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
let project: string;
let tarballPath: string;

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
  tarballPath = join(packDir, tarball);
  project = tempDir("errcat-user-");
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user", private: true, type: "module" }));
  // Offline: every dependency comes from npm's cache, errcat from the tarball.
  run(npm, ["install", "--offline", "--no-audit", "--no-fund", "--silent", tarballPath]);
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
import { accountModule } from "./errors/modules/account.js";
const error = errorFromResponse({ code: 4400, message: "(100004) incorrect projectId" }, { module: accountModule });
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

/** The strict tsconfig a careful consumer uses, without @types/node unless asked. */
function strictTsconfig(include: string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022"],
      module: "nodenext",
      moduleResolution: "nodenext",
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      skipLibCheck: false,
      types: [],
      noEmit: true,
      ...extra,
    },
    include,
  });
}

it("starts a fresh project with npx errcat init, generates with npx errcat generate, and type-checks strictly", () => {
  const fresh = tempDir("errcat-fresh-");
  writeFileSync(join(fresh, "package.json"), JSON.stringify({ name: "@acme/fresh", private: true, type: "module" }));
  run(npm, ["install", "--offline", "--no-audit", "--no-fund", "--silent", tarballPath], fresh);
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  expect(run(npx, ["errcat", "--version"], fresh).trim()).toBe(
    (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version,
  );
  expect(run(npx, ["errcat", "init"], fresh)).toMatch(/wrote schema\/error-codes\.yaml/);
  // The $schema comment points at a file that exists in the installed package.
  const catalog = readFileSync(join(fresh, "schema/error-codes.yaml"), "utf8");
  const schemaPath = /\$schema=(\S+)/.exec(catalog)?.[1] ?? "";
  expect(existsSync(join(fresh, "schema", schemaPath))).toBe(true);
  expect(run(npm, ["run", "--silent", "generate"], fresh)).toMatch(/^generated: \d+ written/);
  expect(run(npm, ["run", "--silent", "check"], fresh)).toMatch(/is up to date/);
  writeFileSync(
    join(fresh, "main.ts"),
    `import { errorFromResponse, isQuotaExceededError } from "./generated/index.js";
const error = errorFromResponse({ code: 4400 });
export const retry: boolean = isQuotaExceededError(error) && error.retryable;
`,
  );
  writeFileSync(join(fresh, "tsconfig.json"), strictTsconfig(["main.ts", "generated"]));
  run("node", [tsc, "-p", "tsconfig.json"], fresh);
});

it("loads from CommonJS through require(esm)", () => {
  const script = `const errcat = require("errcat"); process.stdout.write(typeof errcat.validate + " " + typeof errcat.generate);`;
  expect(run("node", ["--input-type=commonjs", "-e", script])).toBe("function function");
});

it("publishes types that need no @types/node", () => {
  writeFileSync(
    join(project, "api.ts"),
    `import { type CatalogModel, type Problem, generate, validate } from "errcat";
const model: CatalogModel = validate("errors.yaml");
const result = generate({ schema: "errors.yaml", check: true });
export const seen: readonly Problem[] = [];
export const count: number = model.common.length + (result.mode === "check" ? result.drift.length : 0);
`,
  );
  writeFileSync(join(project, "tsconfig.api.json"), strictTsconfig(["api.ts"]));
  expect(existsSync(join(project, "node_modules/@types/node"))).toBe(false);
  run("node", [tsc, "-p", "tsconfig.api.json"]);
});

it("passes arethetypeswrong on the packed tarball", () => {
  // ESM only: a CommonJS caller loads it through require(esm) (Node >= 20.19, the engines floor).
  const attw = join(ROOT, "node_modules/@arethetypeswrong/cli/dist/index.js");
  const output = run("node", [attw, tarballPath, "--profile", "node16", "--ignore-rules", "cjs-resolves-to-esm"], ROOT);
  // attw exits 1 on any problem it does not ignore; run() throws on that. It prints a list or, on a
  // wide terminal or in CI, a table: the root entry resolves to ESM types either way.
  expect(output).toMatch(/node16 \(from ESM\)[:\s│]+🟢 \(ESM\)/);
  expect(output).toMatch(/node16 \(from CJS\)[:\s│]+🟢 \(ESM\)/);
});

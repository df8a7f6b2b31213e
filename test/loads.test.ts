import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, cleanup, minimalCatalog, ROOT, tempDir, writeCatalog } from "./helpers.js";

afterAll(cleanup);

const FORBID = join(ROOT, "test/loads/forbid.mjs");

/** Runs node with the preload that makes loading `typescript` or ts-morph an error. */
function guarded(args: readonly string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, ["--import", FORBID, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, output: result.stdout + result.stderr };
}

describe("what errcat loads", () => {
  it.each([
    { name: "an ESM import of typescript", source: `await import("typescript");` },
    { name: "a require of typescript", source: `require("typescript");` },
    { name: "a require of ajv's compiler", source: `require("ajv");` },
  ])("the guard catches $name", ({ source }) => {
    const script = source.startsWith("require")
      ? ["-e", `const { createRequire } = require("node:module"); ${source}`]
      : ["--input-type=module", "-e", source];
    const result = guarded(script);
    expect(result.output).toMatch(/forbidden module loaded: .*(typescript|ajv)/);
    expect(result.code).not.toBe(0);
  });

  it.each([
    { name: "generate", command: ["generate"] },
    { name: "generate --check", command: ["generate", "--check"] },
  ])("errcat $name loads neither ts-morph, the TypeScript compiler nor ajv's compiler", ({ command }) => {
    const dir = tempDir();
    const schema = writeCatalog(dir, minimalCatalog());
    const out = join(dir, "generated");
    if (command.includes("--check")) expect(guarded([BIN, "generate", "--schema", schema, "--out", out]).code).toBe(0);
    const result = guarded([BIN, ...command, "--schema", schema, "--out", out]);
    expect(result.output).not.toMatch(/forbidden/);
    expect(result.code).toBe(0);
  });
});

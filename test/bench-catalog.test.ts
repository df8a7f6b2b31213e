import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { spread } from "../bench/catalog.js";
import { ROOT } from "./helpers.js";

interface Synthetic {
  moduleErrors: { modules: { codes: unknown[] }[] };
}

/** Runs `syntheticCatalog` in a child process, so that an endless loop fails the test instead of hanging it. */
function synthesize(total: number, modules: number): Synthetic {
  const script = `import { syntheticCatalog } from ${JSON.stringify(join(ROOT, "bench/catalog.ts"))};
process.stdout.write(syntheticCatalog(${total}, ${modules}).yaml);`;
  const tsx = join(ROOT, "node_modules/tsx/dist/cli.mjs");
  const result = spawnSync(process.execPath, [tsx, "--eval", script], { encoding: "utf8", timeout: 30_000 });
  if (result.status !== 0) throw new Error(`syntheticCatalog(${total}, ${modules}) failed: ${result.stderr}`);
  return parse(result.stdout) as Synthetic;
}

describe("the benchmark's synthetic catalog", () => {
  it.each([
    { name: "fewer codes than modules", total: 100, modules: 300, wantModules: 100 },
    { name: "as many codes as modules", total: 300, modules: 300, wantModules: 300 },
    { name: "more codes than modules", total: 1000, modules: 300, wantModules: 300 },
  ])(
    "$name: $total codes over $modules modules",
    ({ total, modules, wantModules }) => {
      const catalog = synthesize(total, modules);
      const lists = catalog.moduleErrors.modules;
      expect(lists).toHaveLength(wantModules);
      expect(lists.every((module) => module.codes.length >= 1)).toBe(true);
      expect(lists.reduce((sum, module) => sum + module.codes.length, 0)).toBe(total);
    },
    40_000,
  );

  it("refuses to spread fewer codes than modules instead of looping", () => {
    expect(() => spread(Math.random, 100, 300)).toThrow(/cannot spread 100 codes over 300 modules/);
    expect(() => spread(Math.random, 0, 0)).toThrow(RangeError);
  });
});

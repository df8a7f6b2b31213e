/**
 * What an app pays for the parser does not grow with the catalog: the same entries bundled from
 * a small and a large catalog (the bench's generator, 300 and 6,000 module codes) have the same
 * size, in esbuild and in Rollup through rollup-plugin-esbuild. Sizes are compared as a ratio
 * between the two catalogs; the absolute budget is the bench's to report.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { esbuildText, rollupText } from "../bench/bundle-text.js";
import { syntheticCatalog } from "../bench/catalog.js";
import { render, validate } from "../generator/index.js";
import { moduleNames } from "../generator/names.js";
import { tempDir, writeCatalog, writeRendered } from "./helpers.js";

const SIZES = [300, 6_000] as const;

interface Sized {
  /** Minified text by entry and bundler. */
  readonly texts: Record<string, string>;
  /** The first module's descriptions, none of which may reach a parser bundle. */
  readonly descriptions: readonly string[];
  /** The first module's code names, which the bundle naming it carries. */
  readonly names: readonly string[];
}

/** Generates a synthetic catalog of `codes` module codes and bundles each entry in both bundlers. */
async function bundled(codes: number, enumStyle: "const" | "enum"): Promise<Sized> {
  const synthetic = syntheticCatalog(codes);
  const dir = tempDir("errcat-bundle-size-");
  const yaml = `${synthetic.yaml}\noutput:\n  enumStyle: ${enumStyle}\n  html: false\n`;
  writeRendered(join(dir, "out"), render(validate(writeCatalog(dir, yaml))));
  const [first] = synthetic.modules;
  if (!first) throw new Error("no module");
  const { tableName, fileStem } = moduleNames(first.id);
  const entries: Record<string, string> = {
    parser: `import { errorFromResponse, isQuotaExceededError } from "./out/index.js";
globalThis.used = [errorFromResponse, isQuotaExceededError];\n`,
    parserModule: `import { errorFromResponse } from "./out/index.js";
import { ${tableName} } from "./out/modules/${fileStem}.js";
globalThis.used = [(body) => errorFromResponse(body, { module: ${tableName} })];\n`,
    guard: `import { isQuotaExceededError } from "./out/index.js";\nglobalThis.used = [isQuotaExceededError];\n`,
  };
  const texts: Record<string, string> = {};
  for (const [name, source] of Object.entries(entries)) {
    const entry = join(dir, `${name}.js`);
    writeFileSync(entry, source);
    texts[`${name} esbuild`] = await esbuildText(entry);
    texts[`${name} rollup`] = await rollupText(entry, "typescript");
  }
  // Minifiers may escape other text; ASCII descriptions are found as they are.
  const descriptions = first.descriptions.filter((text) => /^[\x20-\x7e]+$/.test(text));
  return { texts, descriptions, names: first.names };
}

describe.each(["const", "enum"] as const)("the parser's bundle, enumStyle %s", (enumStyle) => {
  const results: Sized[] = [];
  beforeAll(async () => {
    for (const size of SIZES) results.push(await bundled(size, enumStyle));
  }, 120_000);

  it.each(["parser esbuild", "parser rollup", "guard esbuild", "guard rollup"])(
    "%s: the same size at 300 and 6,000 module codes",
    (key) => {
      const [small, large] = results.map((result) => Buffer.byteLength(result.texts[key] ?? ""));
      expect(small).toBeGreaterThan(0);
      expect((large ?? 0) / (small ?? 1)).toBe(1);
    },
  );

  // Sizes are deterministic (the bundlers are pinned): the ceilings, which caught a brand whose
  // computed key kept ApiError in a guard's bundle, and class-making calls Rollup kept once
  // rollup-plugin-esbuild's minifier had dropped their pure annotations.
  // With enumStyle enum, Rollup keeps the enums' calls: reported by the bench, not held to these.
  const held = enumStyle === "const" ? ["esbuild", "rollup"] : ["esbuild"];
  it.each(held)("%s: a guard stays under 400 B and the parser with it under 8 KB", (bundler) => {
    for (const result of results) {
      expect(Buffer.byteLength(result.texts[`guard ${bundler}`] ?? "")).toBeLessThanOrEqual(400);
      expect(Buffer.byteLength(result.texts[`parser ${bundler}`] ?? "")).toBeLessThanOrEqual(8 * 1024);
    }
  });

  it("names a module by its table: the bundle grows by that module's names, never by its texts", () => {
    for (const result of results) {
      for (const bundler of ["esbuild", "rollup"]) {
        const parser = result.texts[`parser ${bundler}`] ?? "";
        const named = result.texts[`parserModule ${bundler}`] ?? "";
        for (const name of result.names) expect(named).toContain(JSON.stringify(name));
        expect(parser).not.toContain(JSON.stringify(result.names[0]));
        expect(result.descriptions.length).toBeGreaterThan(0);
        for (const description of result.descriptions) {
          expect(parser).not.toContain(description);
          expect(named).not.toContain(description);
        }
      }
    }
  });
});

import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { esbuildText } from "./bundle-text.js";

export interface BundleResult {
  /** Minified bytes of each entry. */
  readonly guard: number;
  readonly moduleEnum: number;
  /** Whether the module-enum bundle names every member of its module. */
  readonly enumComplete: boolean;
  /** Members of other modules found in the module-enum bundle (a few, as evidence). */
  readonly leaked: readonly string[];
}

export interface ModuleSample {
  readonly id: string;
  readonly enumName: string;
  /** The module's file stem: `modules/<stem>.ts`. */
  readonly fileStem: string;
  readonly names: readonly string[];
}

/** Minified text of a bundle of `source`, an entry module written next to the generated folder. */
async function bundleText(dir: string, name: string, source: string): Promise<string> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source);
  return await esbuildText(entry);
}

/**
 * Bundles two entries as an app would: one guard from the generated `index.ts`, and one module's
 * enum from its file. Each entry exports what it imports, so esbuild keeps it; everything else may
 * be dropped. The parser's bundles, in every bundler, are `bundlers.ts`'s.
 */
export async function measureBundles(
  dir: string,
  outDir: string,
  first: ModuleSample,
  others: readonly ModuleSample[],
): Promise<BundleResult> {
  const from = JSON.stringify(`./${relative(dir, join(outDir, "index.js"))}`);
  const moduleFile = JSON.stringify(`./${relative(dir, join(outDir, "modules", `${first.fileStem}.js`))}`);
  const guardText = await bundleText(dir, "entry-guard", `export { isQuotaExceededError } from ${from};\n`);
  const enumText = await bundleText(dir, "entry-enum", `export { ${first.enumName} } from ${moduleFile};\n`);
  // Identifiers, not substrings: `BucketNotFound` must not count as found inside `BucketNotFound12`.
  const words = new Set(enumText.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const own = new Set(first.names);
  const leaked = new Set<string>();
  for (const other of others) {
    for (const name of other.names) if (!own.has(name) && words.has(name)) leaked.add(name);
  }
  return {
    guard: Buffer.byteLength(guardText),
    moduleEnum: Buffer.byteLength(enumText),
    enumComplete: first.names.every((name) => words.has(name)),
    leaked: [...leaked].slice(0, 3),
  };
}

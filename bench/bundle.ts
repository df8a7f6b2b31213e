import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";

export interface BundleResult {
  /** Minified bytes of each entry. */
  readonly guard: number;
  readonly moduleEnum: number;
  readonly errorFromResponse: number;
  readonly all: number;
  /** Whether the module-enum bundle names every member of its module. */
  readonly enumComplete: boolean;
  /** Members of other modules found in the module-enum bundle (a few, as evidence). */
  readonly leaked: readonly string[];
}

export interface ModuleSample {
  readonly id: string;
  readonly enumName: string;
  readonly names: readonly string[];
}

/** Minified size of a bundle of `source`, an entry module written next to the generated folder. */
async function bundleText(dir: string, name: string, source: string): Promise<string> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0]?.text ?? "";
}

/**
 * Bundles four entries that import from the generated `index.ts`, as an app would: one guard, one
 * module enum, `errorFromResponse`, and the three together. Each entry exports what it imports,
 * so esbuild keeps it; everything else may be dropped.
 */
export async function measureBundles(
  dir: string,
  outDir: string,
  first: ModuleSample,
  others: readonly ModuleSample[],
): Promise<BundleResult> {
  const from = JSON.stringify(`./${relative(dir, join(outDir, "index.js"))}`);
  const guardText = await bundleText(dir, "entry-guard", `export { isQuotaExceededError } from ${from};\n`);
  const enumText = await bundleText(dir, "entry-enum", `export { ${first.enumName} } from ${from};\n`);
  const responseText = await bundleText(dir, "entry-response", `export { errorFromResponse } from ${from};\n`);
  const allText = await bundleText(
    dir,
    "entry-all",
    `export { isQuotaExceededError, ${first.enumName}, errorFromResponse } from ${from};\n`,
  );
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
    errorFromResponse: Buffer.byteLength(responseText),
    all: Buffer.byteLength(allText),
    enumComplete: first.names.every((name) => words.has(name)),
    leaked: [...leaked].slice(0, 3),
  };
}

/** The minified text of a bundle, in esbuild and in Rollup: shared by the bench and the bundle test. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { type Plugin, rollup } from "rollup";
import esbuildPlugin, { minify } from "rollup-plugin-esbuild";

/** Rollup resolves `./x.js` to `./x.ts` where only the TypeScript source exists. */
const tsSources: Plugin = {
  name: "ts-sources",
  resolveId(source, importer) {
    if (!importer || !source.startsWith(".") || !source.endsWith(".js")) return null;
    const ts = join(dirname(importer), source.replace(/\.js$/, ".ts"));
    return existsSync(ts) ? ts : null;
  },
};

/** esbuild's minified ES module bundle of `entry`. */
export async function esbuildText(entry: string): Promise<string> {
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
 * Rollup's ES module bundle of `entry`: of JavaScript (tsc's output) minified by esbuild, or of the
 * TypeScript sources through `rollup-plugin-esbuild`.
 */
export async function rollupText(entry: string, input: "javascript" | "typescript"): Promise<string> {
  const plugins = input === "javascript" ? [minify()] : [tsSources, esbuildPlugin({ minify: true, target: "es2022" })];
  const bundle = await rollup({ input: entry, plugins, logLevel: "silent" });
  const { output } = await bundle.generate({ format: "es" });
  await bundle.close();
  return output.map((chunk) => (chunk.type === "chunk" ? chunk.code : "")).join("");
}

/**
 * What an app pays for the generated runtime, in each bundler an app may use: esbuild and Vite 8
 * (Rolldown) on the TypeScript sources, Rollup on tsc's output and through `rollup-plugin-esbuild`,
 * and webpack 5 on tsc's output; each with TypeScript enums and with `enumStyle: const`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build as viteBuild } from "vite";
import webpack from "webpack";
import { esbuildText, rollupText } from "./bundle-text.js";
import { type ImportCost, measureImportCost } from "./import-cost.js";

export const BUNDLERS = ["esbuild", "rollup", "rollup-esbuild", "vite", "webpack"] as const;
export type Bundler = (typeof BUNDLERS)[number];
export const ENUM_STYLES = ["enum", "const"] as const;
export type EnumStyle = (typeof ENUM_STYLES)[number];

/** What each entry bundles: the parser and a guard, the same naming one module, one guard. */
export const ENTRIES = ["parser", "parserModule", "guard"] as const;
export type Entry = (typeof ENTRIES)[number];

/** Minified bytes by enum style, bundler and entry; with the texts found where none belong. */
export interface BundlersResult {
  readonly bytes: Readonly<Record<EnumStyle, Readonly<Record<Bundler, Readonly<Record<Entry, number>>>>>>;
  /** Bytes of the named module's table as its source writes it (names by code), for the module row. */
  readonly moduleTableBytes: number;
  /** Descriptions found in any parser bundle: none is the claim. */
  readonly leakedTexts: number;
  /** Importing the compiled output (the default style) in a fresh Node process. */
  readonly importCost: ImportCost;
}

export interface BundleModule {
  readonly id: string;
  readonly tableName: string;
  readonly fileStem: string;
  /** A few of the module's descriptions, to look for in bundles that must not hold them. */
  readonly descriptions: readonly string[];
}

/**
 * The entries' sources, importing from `from` (the generated folder) as an app's code would: what
 * each uses is kept by assigning it to a global, so every bundler builds it as an app, not a library.
 */
function entrySources(from: string, module: BundleModule): Record<Entry, string> {
  const index = JSON.stringify(`${from}/index.js`);
  const moduleFile = JSON.stringify(`${from}/modules/${module.fileStem}.js`);
  return {
    parser: `import { errorFromResponse, isQuotaExceededError } from ${index};
globalThis.used = [errorFromResponse, isQuotaExceededError];
`,
    parserModule: `import { errorFromResponse, isQuotaExceededError } from ${index};
import { ${module.tableName} } from ${moduleFile};
globalThis.used = [(body) => errorFromResponse(body, { module: ${module.tableName} }), isQuotaExceededError];
`,
    guard: `import { isQuotaExceededError } from ${index};
globalThis.used = [isQuotaExceededError];
`,
  };
}

/** The minified bundle of `entry`, as `bundler` writes it. */
async function bundleWith(bundler: Bundler, entry: string, outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  if (bundler === "esbuild") return await esbuildText(entry);
  // Rollup itself reads tsc's JavaScript (minified by esbuild), or the sources through the esbuild plugin.
  if (bundler === "rollup") return await rollupText(entry, "javascript");
  if (bundler === "rollup-esbuild") return await rollupText(entry, "typescript");
  if (bundler === "vite") {
    const result = await viteBuild({
      configFile: false,
      logLevel: "silent",
      root: dirname(entry),
      build: { rollupOptions: { input: entry }, write: false, minify: true, modulePreload: false, target: "es2022" },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; code?: string }[] }[];
    return outputs
      .flatMap((each) => each.output)
      .map((chunk) => (chunk.type === "chunk" ? (chunk.code ?? "") : ""))
      .join("");
  }
  const compiler = webpack({
    mode: "production",
    entry,
    target: ["web", "es2022"],
    output: { path: outDir, filename: "out.js" },
    resolve: { extensionAlias: { ".js": [".js"] } },
    performance: { hints: false },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else compiler.close(() => resolve());
    }),
  );
  return readFileSync(join(outDir, "out.js"), "utf8");
}

/**
 * Generates `catalogYaml` in each enum style under `dir`, compiles it with tsc for the bundlers that
 * read JavaScript, and bundles every entry in every bundler.
 */
export async function measureBundlers(
  dir: string,
  catalogYaml: string,
  module: BundleModule,
  tools: { readonly bin: string; readonly tsc: string; readonly runs: number },
): Promise<BundlersResult> {
  const bytes = {} as Record<EnumStyle, Record<Bundler, Record<Entry, number>>>;
  let moduleTableBytes = 0;
  let leakedTexts = 0;
  let importCost: ImportCost | undefined;
  for (const style of ENUM_STYLES) {
    const root = join(dir, `bundle-${style}`);
    mkdirSync(root, { recursive: true });
    writeFileSync(
      join(root, "package.json"),
      `${JSON.stringify({ type: "module", private: true, sideEffects: false })}\n`,
    );
    writeFileSync(join(root, "catalog.yaml"), `${catalogYaml}\noutput:\n  enumStyle: ${style}\n`);
    // Quiet: the synthetic catalog's warnings are the bench's, not news.
    execFileSync(process.execPath, [tools.bin, "generate", "--schema", "catalog.yaml", "--out", "src"], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
    execFileSync(
      process.execPath,
      [
        tools.tsc,
        "--ignoreConfig",
        "--outDir",
        "js",
        "--rootDir",
        "src",
        "--module",
        "esnext",
        "--moduleResolution",
        "bundler",
        "--target",
        "es2022",
        "--skipLibCheck",
        "--types",
        "",
        join("src", "all.ts"),
      ],
      { cwd: root },
    );
    // The compiled output needs its own package.json to load as ES modules.
    writeFileSync(join(root, "js", "package.json"), `${JSON.stringify({ type: "module" })}\n`);
    if (style === "const") importCost = measureImportCost(join(root, "js"), tools.runs);
    if (style === "enum") {
      const text = readFileSync(join(root, "src/modules", `${module.fileStem}.ts`), "utf8");
      const table = /export const \w+Module: [^=]+= (\{[\s\S]*?\n\});/.exec(text)?.[1] ?? "";
      moduleTableBytes = Buffer.byteLength(table.replace(/\s+/g, ""));
    }
    const byBundler = {} as Record<Bundler, Record<Entry, number>>;
    for (const bundler of BUNDLERS) {
      const compiled = bundler === "rollup" || bundler === "webpack";
      const sources = entrySources(`./${compiled ? "js" : "src"}`, module);
      const byEntry = {} as Record<Entry, number>;
      for (const entry of ENTRIES) {
        const file = join(root, `entry-${bundler}-${entry}.js`);
        writeFileSync(file, sources[entry]);
        const outDir = join(root, "dist", `${bundler}-${entry}`);
        const text = await bundleWith(bundler, file, outDir);
        byEntry[entry] = Buffer.byteLength(text);
        // Descriptions survive minification as string literals: none may be found.
        leakedTexts += module.descriptions.filter((description) => text.includes(description)).length;
      }
      byBundler[bundler] = byEntry;
    }
    bytes[style] = byBundler;
  }
  if (!importCost) throw new Error("no import cost measured");
  return { bytes, moduleTableBytes, leakedTexts, importCost };
}

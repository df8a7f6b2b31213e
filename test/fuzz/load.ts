/**
 * Runs generated TypeScript without writing it anywhere: each file is transpiled to CommonJS with
 * esbuild and linked by a tiny `require`. Much faster than importing a thousand outputs through
 * vitest's transformer.
 */
import { posix } from "node:path";
import { transform } from "esbuild";

export type Exports = Record<string, unknown>;

/** Called by the hostile strings' payloads: if it ever runs, catalog text escaped into code. */
export const INJECTED = "__errcatInjected__";

/** Transpiled files by their text: many outputs share files (the benign twins most of all). */
const transpiled = new Map<string, Promise<string>>();
const CACHE_LIMIT = 2000;

function transpile(path: string, text: string): Promise<string> {
  const cached = transpiled.get(text);
  if (cached) return cached;
  const result = transform(text, {
    loader: "ts",
    format: "cjs",
    target: "es2022",
    sourcefile: path,
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true } },
  }).then((output) => output.code);
  if (transpiled.size >= CACHE_LIMIT) transpiled.clear();
  transpiled.set(text, result);
  return result;
}

/**
 * Loads every `.ts` file of an output folder (paths as `render` gives them) and returns each file's
 * exports. Payload calls in catalog text reach `onInjected` instead of running anything else.
 */
export async function loadOutput(
  files: ReadonlyMap<string, string>,
  onInjected: () => void,
): Promise<Map<string, Exports>> {
  // One request per file, all in flight at once: esbuild's service answers them in parallel.
  const sources = [...files].filter(([path]) => path.endsWith(".ts"));
  const results = await Promise.all(sources.map(([path, text]) => transpile(path, text)));
  const code = new Map(sources.map(([path], index) => [path, results[index] ?? ""]));
  const loaded = new Map<string, { exports: Exports }>();
  const load = (path: string): Exports => {
    const cached = loaded.get(path);
    if (cached) return cached.exports;
    const source = code.get(path);
    if (source === undefined) throw new Error(`no generated file ${path}`);
    const module = { exports: {} as Exports };
    loaded.set(path, module);
    const require = (specifier: string) => load(posix.join(posix.dirname(path), specifier).replace(/\.js$/, ".ts"));
    new Function("exports", "require", "module", INJECTED, source)(module.exports, require, module, onInjected);
    return module.exports;
  };
  return new Map([...code.keys()].map((path) => [path, load(path)]));
}

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The floor errcat is compared with, run as its own node process so startup counts the same:
 * parse the catalog (and the files it includes) with `yaml` and write as many files of the same
 * sizes as errcat writes.
 * Usage: node floor.mjs YAML_MODULE PLAN_JSON OUT_DIR CATALOG..., where the plan is [path, bytes][].
 */
const [yamlModule, plan, out, ...catalogs] = process.argv.slice(2);
if (yamlModule === undefined || plan === undefined || out === undefined || catalogs.length === 0) {
  throw new Error("usage: floor YAML_MODULE PLAN_JSON OUT_DIR CATALOG...");
}
// The bench passes the path of the `yaml` errcat itself resolves, since this script runs from a temp folder.
const YAML = (await import(pathToFileURL(yamlModule).href)) as typeof import("yaml");
for (const catalog of catalogs) {
  const data: unknown = YAML.parse(readFileSync(catalog, "utf8"));
  if (data === null || typeof data !== "object") throw new Error(`${catalog} did not parse to a mapping`);
}
const files = JSON.parse(readFileSync(plan, "utf8")) as [string, number][];
const made = new Set<string>();
for (const [file, size] of files) {
  const path = join(out, file);
  const dir = dirname(path);
  if (!made.has(dir)) mkdirSync(dir, { recursive: true });
  made.add(dir);
  writeFileSync(path, Buffer.alloc(size, 0x20));
}

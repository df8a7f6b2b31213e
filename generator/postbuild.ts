/**
 * Runs after `tsc` (`npm run build`), on the compiled code in `dist/`:
 * - compiles the JSON Schema into standalone validation code (`schema-validators.cjs`), so that a
 *   run loads ajv's small runtime helpers instead of its compiler;
 * - writes `build-hash.json`, a hash of every built file and the schema, which the manifest records
 *   so that `generate --check` trusts its hashes only when the same build wrote them.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AnySchema } from "ajv";
import { addEditorVocabulary, SCHEMA_OPTIONS, SCHEMA_PATH } from "./schema.js";

const require = createRequire(import.meta.url);
const { Ajv } = require("ajv") as typeof import("ajv");
const standaloneCode = (
  require("ajv/dist/standalone/index.js") as { default: typeof import("ajv/dist/standalone/index.js").default }
).default;

const dist = fileURLToPath(new URL(".", import.meta.url));

function writeValidators(): void {
  const ajv = new Ajv({ ...SCHEMA_OPTIONS, code: { source: true, esm: false } });
  addEditorVocabulary(ajv);
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as { $id: string };
  ajv.addSchema(schema as AnySchema);
  const code = standaloneCode(ajv, { catalog: schema.$id, included: `${schema.$id}#/definitions/includedFile` });
  writeFileSync(join(dist, "schema-validators.cjs"), code);
}

function writeBuildHash(): void {
  const hash = createHash("sha256");
  const files = (readdirSync(dist, { recursive: true }) as string[])
    .map((file) => file.split(sep).join("/"))
    .filter((file) => /\.(c?js)$/.test(file))
    .sort();
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(dist, file)));
  hash.update(readFileSync(SCHEMA_PATH));
  hash.update(readFileSync(new URL("../package.json", import.meta.url)));
  writeFileSync(
    join(dist, "build-hash.json"),
    `${JSON.stringify({ sha256: hash.digest("hex"), files: files.length })}\n`,
  );
}

writeValidators();
writeBuildHash();

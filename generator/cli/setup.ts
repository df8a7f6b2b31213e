import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { DEFAULT_SCHEMA } from "../generate.js";
import { planInit } from "../init.js";
import { formatProblems } from "../problems.js";
import { suggestId } from "../warnings.js";
import { type ParsedArgs, UsageError } from "./args.js";
import { EXIT, type Exit } from "./exit.js";

const SEED = new URL("../../schema/error-codes.yaml", import.meta.url);
const string = (args: ParsedArgs, name: string) => args.values[name] as string | undefined;

interface PackageJson {
  name?: string;
  scripts?: Record<string, string>;
}

function readPackage(): PackageJson | undefined {
  if (!existsSync("package.json")) return undefined;
  return JSON.parse(readFileSync("package.json", "utf8")) as PackageJson;
}

/** `errcat init`: writes what is missing, never overwrites, and says what it left alone. */
export function runInit(args: ParsedArgs): Exit {
  const pkg = readPackage();
  const plan = planInit(readFileSync(SEED, "utf8"), {
    schema: string(args, "schema"),
    out: string(args, "out"),
    project: pkg?.name,
    ci: string(args, "ci") === "github" ? "github" : undefined,
  });
  const said: string[] = [];
  for (const file of plan.files) {
    if (existsSync(file.path)) {
      said.push(`left ${file.path} alone: it exists`);
      continue;
    }
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.text, { flag: "wx" });
    said.push(`wrote ${file.path}`);
  }
  said.push(...addScripts(pkg, plan.scripts));
  const attributes = existsSync(".gitattributes") ? readFileSync(".gitattributes", "utf8") : "";
  if (attributes.split(/\r?\n/).includes(plan.gitattributes)) said.push("left .gitattributes alone: it has the line");
  else {
    appendFileSync(
      ".gitattributes",
      `${attributes === "" || attributes.endsWith("\n") ? "" : "\n"}${plan.gitattributes}\n`,
    );
    said.push(`added "${plan.gitattributes}" to .gitattributes`);
  }
  process.stdout.write(`${said.join("\n")}\nNext: edit ${plan.files[0]?.path}, then npm run generate\n`);
  return EXIT.ok;
}

/** Adds each script whose name is free; the rest are reported, never replaced. */
function addScripts(pkg: PackageJson | undefined, scripts: Readonly<Record<string, string>>): string[] {
  if (!pkg)
    return [
      "no package.json here: add the scripts yourself:",
      ...Object.entries(scripts).map(([k, v]) => `  "${k}": "${v}"`),
    ];
  const existing = pkg.scripts ?? {};
  const added = Object.entries(scripts).filter(([name]) => existing[name] === undefined);
  const kept = Object.keys(scripts).filter((name) => existing[name] !== undefined && existing[name] !== scripts[name]);
  if (added.length > 0) {
    const text = readFileSync("package.json", "utf8");
    const indent = /^[ \t]+/m.exec(text)?.[0] ?? "  ";
    const next = { ...pkg, scripts: { ...existing, ...Object.fromEntries(added) } };
    writeFileSync("package.json", `${JSON.stringify(next, null, indent)}\n`);
  }
  return [
    ...added.map(([name, command]) => `added the npm script ${name}: ${command}`),
    ...kept.map((name) => `left the npm script ${name} alone: it runs ${existing[name]}`),
  ];
}

/** `errcat import FILE.ts...`: loads ts-morph only now, writes a new catalog, reports what it left out. */
export async function runImport(args: ParsedArgs): Promise<Exit> {
  const schema = string(args, "schema") ?? DEFAULT_SCHEMA;
  if (schema !== "-" && existsSync(schema)) {
    throw new UsageError(`${schema} exists; import never overwrites a catalog: choose another --schema`, "import");
  }
  for (const file of args.positionals) if (!existsSync(file)) throw new UsageError(`no such file: ${file}`, "import");
  const { importCodes } = await import("../import.js");
  const title = string(args, "title");
  const id = string(args, "id") ?? (title === undefined ? readPackage()?.name : undefined);
  const result = importCodes(args.positionals, {
    ...(title === undefined ? {} : { title }),
    ...(id === undefined ? {} : { id: suggestId(id) }),
    schemaPath: schema === "-" ? DEFAULT_SCHEMA : schema,
  });
  if (result.problems.length > 0)
    process.stderr.write(`${formatProblems(result.problems, "text", "warning").join("\n")}\n`);
  if (schema === "-") process.stdout.write(result.yaml);
  else {
    mkdirSync(dirname(schema), { recursive: true });
    writeFileSync(schema, result.yaml, { flag: "wx" });
    const left = result.problems.length === 0 ? "" : `; ${result.problems.length} left out (above)`;
    process.stdout.write(
      `wrote ${schema}: ${result.codes} code${result.codes === 1 ? "" : "s"}${left}\nNext: check fault and retryable, then errcat generate${schema === DEFAULT_SCHEMA ? "" : ` --schema ${schema}`}\n`,
    );
  }
  return result.codes === 0 ? EXIT.problem : EXIT.ok;
}

import { DEFAULT_OUT, DEFAULT_SCHEMA, generate, validate } from "../generate.js";
import { formatProblems, type OutputFormat, type Problem, problemJson } from "../problems.js";
import { catalogWarnings } from "../warnings.js";
import { type ParsedArgs, UsageError } from "./args.js";
import { EXIT, type Exit } from "./exit.js";

export const stringValue = (args: ParsedArgs, name: string) => args.values[name] as string | undefined;
export const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
/** `1 file`, `2 files`. */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** Warnings go to stderr (text, github); JSON outputs carry them in their document. */
function warn(warnings: readonly Problem[], format: OutputFormat): void {
  if (format !== "json" && warnings.length > 0)
    process.stderr.write(`${formatProblems(warnings, format, "warning").join("\n")}\n`);
}

export function runValidate(args: ParsedArgs, format: OutputFormat): Exit {
  const schema = args.positionals[0] ?? stringValue(args, "schema") ?? DEFAULT_SCHEMA;
  const model = validate(schema);
  const warnings = catalogWarnings(model);
  const moduleCodes = model.modules.reduce((sum, module) => sum + module.codes.length, 0);
  if (format === "json") {
    const counts = {
      common: model.common.length,
      modules: model.modules.length,
      moduleCodes,
      files: model.sources.length,
    };
    const warned = warnings.map((warning) => problemJson(warning, "warning"));
    printJson({ ok: true, file: schema, counts, problems: [], warnings: warned });
    return EXIT.ok;
  }
  warn(warnings, format);
  const files = model.sources.length > 1 ? ` in ${model.sources.length} files` : "";
  process.stdout.write(
    `${schema}: ok (${plural(model.common.length, "common code")}, ${plural(model.modules.length, "module")}, ${plural(moduleCodes, "module code")}${files})\n`,
  );
  return EXIT.ok;
}

export async function runGenerate(args: ParsedArgs, format: OutputFormat): Promise<Exit> {
  const schema = stringValue(args, "schema") ?? DEFAULT_SCHEMA;
  const out = stringValue(args, "out") ?? DEFAULT_OUT;
  const check = args.values.check === true;
  if (check && args.values.watch) throw new UsageError("--check and --watch do not go together", "generate");
  if (!check && format !== "text") throw new UsageError(`--format ${format} goes with --check`, "generate");
  if (args.values.watch) {
    // Loaded on use: a plain run never pays for the watcher.
    const { watchAndGenerate } = await import("./watch.js");
    return await watchAndGenerate(schema, out);
  }
  const result = generate({ schema, out, check });
  // When the manifest's hashes all match, --check reads no catalog, so there is nothing to warn about.
  const warnings = result.model === undefined ? [] : catalogWarnings(result.model);
  if (result.mode === "write") {
    warn(warnings, format);
    process.stdout.write(
      `${out}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed\n`,
    );
    return EXIT.ok;
  }
  const command =
    schema === DEFAULT_SCHEMA && out === DEFAULT_OUT
      ? "npm run generate"
      : `errcat generate --schema ${schema} --out ${out}`;
  if (format === "json") {
    const warned = warnings.map((warning) => problemJson(warning, "warning"));
    printJson({
      ok: result.drift.length === 0,
      schema,
      out,
      command,
      drift: result.drift,
      problems: [],
      warnings: warned,
    });
    return result.drift.length === 0 ? EXIT.ok : EXIT.problem;
  }
  warn(warnings, format);
  if (result.drift.length === 0) {
    const how = result.by === "hashes" ? "the manifest's hashes match" : "compared file by file";
    process.stdout.write(`${out} is up to date with ${schema} (${how})\n`);
    return EXIT.ok;
  }
  const foreign = result.drift.filter((drift) => drift.kind === "foreign");
  const stale = result.drift.filter((drift) => drift.kind !== "foreign");
  for (const drift of foreign) {
    const location = { file: `${out}/${drift.file}`, line: 1, col: 1, pointer: "" };
    const message = `${drift.file} is not errcat's: errcat did not write it and keeps it, so move it out of ${out}`;
    process.stdout.write(
      `${format === "github" ? formatProblems([{ message, location }], "github").join("\n") : message}\n`,
    );
  }
  for (const drift of stale) {
    const location = { file: `${out}/${drift.file}`, line: 1, col: 1, pointer: "" };
    if (format === "github") {
      const message = `${drift.file} is ${drift.kind}; run ${command}`;
      process.stdout.write(`${formatProblems([{ message, location }], "github").join("\n")}\n`);
    } else {
      process.stdout.write(`${drift.file}: ${drift.kind}\n${drift.diff}\n`);
    }
  }
  if (foreign.length > 0) {
    process.stderr.write(
      `${out} holds ${plural(foreign.length, "file")} errcat did not write; move them out of ${out}\n`,
    );
  }
  if (stale.length > 0) {
    process.stderr.write(`${out} is out of date with ${schema} (${plural(stale.length, "file")}); run: ${command}\n`);
  }
  return EXIT.problem;
}

import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { watchAndGenerate } from "./cli-watch.js";
import { type CatalogSide, diffCatalogs } from "./diff.js";
import { formatDiff } from "./diff-format.js";
import { DiffSourceError, readCatalogAtRef, readCatalogSide } from "./diff-source.js";
import { explain } from "./explain.js";
import { exportJson } from "./export.js";
import { DEFAULT_OUT, DEFAULT_SCHEMA, generate, validate } from "./generate.js";
import { CatalogError, formatProblem, formatProblemForGithub } from "./problems.js";
import { OutputFolderError } from "./write.js";

/** Exit codes: the catalog or the output is wrong (1), the command line is (2), errcat is (3). */
const EXIT = { ok: 0, problem: 1, usage: 2, bug: 3 } as const;

const HELP = `errcat: one YAML catalog of an API's error codes → TypeScript and docs.

Usage:
  errcat generate [--schema FILE] [--out DIR] [--check | --watch] [--format text|github]
  errcat validate [FILE] [--format text|github]
  errcat explain CODE|MESSAGE [--schema FILE] [--module ID] [--locale LOCALE]
  errcat export --format json [--schema FILE] [--out FILE]
  errcat diff OLD NEW | errcat diff --against REF [FILE]  [--format text|json|github]
  errcat --help | --version

Commands:
  generate   Validate the catalog and write the output folder (all files or none).
             --check compares instead of writing: it lists changed, missing and
             orphaned files with a diff, and exits 1 when anything differs.
             --watch regenerates on every save until Ctrl-C.
  validate   Check a catalog and report every problem as FILE:LINE:COL.
  explain    Look up a code, or show how a response message parses.
             Negative codes go after --: errcat explain -- -1
  export     Write the validated catalog as JSON, for other languages.
  diff       Report breaking changes between two versions of a catalog and the
             semver bump they need; exits 1 when anything breaks.

Options:
  --schema FILE     the catalog (default ${DEFAULT_SCHEMA})
  --out DIR         the output folder (default ${DEFAULT_OUT}); for export, a file
  --format FORMAT   text (default) or github: workflow commands that annotate the
                    pull request; json for export and diff

Exit codes: 0 ok, 1 catalog problem, drift or breaking change, 2 usage error, 3 internal error.
`;

class UsageError extends Error {}

type Format = "text" | "github" | "json";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        schema: { type: "string" },
        out: { type: "string" },
        check: { type: "boolean" },
        watch: { type: "boolean" },
        format: { type: "string" },
        module: { type: "string" },
        locale: { type: "string" },
        against: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

type Values = ReturnType<typeof parse>["values"];

/** Runs one command line; resolves with the exit code. All console output of errcat happens here. */
export async function run(argv: readonly string[]): Promise<number> {
  let format: Format = "text";
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      process.stdout.write(HELP);
      return EXIT.ok;
    }
    if (values.version) {
      process.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    const [command, ...rest] = positionals;
    format = formatOf(
      values.format,
      command === "export" || command === "diff" ? ["text", "github", "json"] : ["text", "github"],
    );
    switch (command) {
      case "generate":
        noArguments(command, rest);
        if (values.check && values.watch) throw new UsageError("--check and --watch do not go together");
        if (values.watch) return await watchAndGenerate(values.schema ?? DEFAULT_SCHEMA, values.out ?? DEFAULT_OUT);
        return runGenerate(values.schema ?? DEFAULT_SCHEMA, values.out ?? DEFAULT_OUT, values.check ?? false, format);
      case "validate":
        return runValidate(rest, values);
      case "explain":
        return runExplain(rest, values);
      case "diff":
        return runDiff(rest, values, format);
      case "export":
        noArguments(command, rest);
        if (format !== "json") throw new UsageError("export needs --format json");
        return runExport(values);
      case undefined:
        throw new UsageError("a command is required");
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (error) {
    return reportError(error, format);
  }
}

function formatOf(value: string | undefined, allowed: readonly Format[]): Format {
  if (value === undefined) return "text";
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--format must be ${allowed.join(" or ")}, not ${value}`);
  return value as Format;
}

function noArguments(command: string, rest: readonly string[]): void {
  if (rest.length > 0) throw new UsageError(`${command} takes no arguments: ${rest.join(" ")}`);
}

function reportError(error: unknown, format: Format): number {
  if (error instanceof CatalogError) {
    const lines = error.problems.map((problem) =>
      format === "github" ? formatProblemForGithub(problem) : formatProblem(problem),
    );
    process.stderr.write(`${lines.join("\n")}\n`);
    if (format !== "github") {
      const count = error.problems.length;
      process.stderr.write(`${count} problem${count === 1 ? "" : "s"}; nothing was written.\n`);
    }
    return EXIT.problem;
  }
  if (error instanceof UsageError || error instanceof OutputFolderError) {
    const hint = error instanceof UsageError ? "Run errcat --help for usage.\n" : "";
    process.stderr.write(`errcat: ${error.message}\n${hint}`);
    return EXIT.usage;
  }
  process.stderr.write(
    `errcat: internal error; please report it with this trace:\n${(error as Error).stack ?? String(error)}\n`,
  );
  return EXIT.bug;
}

function runValidate(rest: readonly string[], values: Values): number {
  if (rest.length > 1) throw new UsageError("validate takes one catalog file");
  const schema = rest[0] ?? values.schema ?? DEFAULT_SCHEMA;
  const model = validate(schema);
  const moduleCodes = model.modules.reduce((sum, module) => sum + module.codes.length, 0);
  const files = model.sources.length > 1 ? ` in ${model.sources.length} files` : "";
  process.stdout.write(
    `${schema}: ok (${model.common.length} common codes, ${model.modules.length} modules, ${moduleCodes} module codes${files})\n`,
  );
  return EXIT.ok;
}

function runExplain(rest: readonly string[], values: Values): number {
  if (rest.length !== 1)
    throw new UsageError("explain takes one code or message (quote a message; put negative codes after --)");
  const model = validate(values.schema ?? DEFAULT_SCHEMA);
  if (values.module !== undefined && !model.modules.some((module) => module.id === values.module)) {
    throw new UsageError(`no module ${values.module} in the catalog`);
  }
  if (values.locale !== undefined && !model.locales.includes(values.locale)) {
    throw new UsageError(`no locale ${values.locale} in the catalog (${model.locales.join(", ")})`);
  }
  const explanation = explain(model, rest[0] ?? "", { module: values.module, locale: values.locale });
  (explanation.known ? process.stdout : process.stderr).write(`${explanation.lines.join("\n")}\n`);
  return explanation.known ? EXIT.ok : EXIT.problem;
}

/** Exits 1 when anything breaks; an invalid catalog or a missing ref is a usage error (2) here. */
function runDiff(files: readonly string[], values: Values, format: Format): number {
  let sides: [CatalogSide, CatalogSide];
  try {
    if (values.against !== undefined) {
      if (files.length > 1) throw new UsageError("diff --against takes one catalog file at most");
      const file = files[0] ?? values.schema ?? DEFAULT_SCHEMA;
      sides = [readCatalogAtRef(values.against, file), readCatalogSide(file)];
    } else {
      const [oldFile, newFile, ...extra] = files;
      if (oldFile === undefined || newFile === undefined || extra.length > 0) {
        throw new UsageError("diff takes two catalog files, OLD NEW, or --against REF [FILE]");
      }
      sides = [readCatalogSide(oldFile), readCatalogSide(newFile)];
    }
  } catch (error) {
    if (error instanceof DiffSourceError) {
      process.stderr.write(`errcat: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof CatalogError) {
      const lines = error.problems.map((problem) =>
        format === "github" ? formatProblemForGithub(problem) : formatProblem(problem),
      );
      process.stderr.write(`${lines.join("\n")}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const findings = diffCatalogs(...sides);
  process.stdout.write(formatDiff(findings, format));
  return findings.some((finding) => finding.severity === "breaking") ? EXIT.problem : EXIT.ok;
}

function runExport(values: Values): number {
  const json = exportJson(validate(values.schema ?? DEFAULT_SCHEMA));
  if (values.out === undefined) process.stdout.write(json);
  else writeFileSync(values.out, json);
  return EXIT.ok;
}

function runGenerate(schema: string, out: string, check: boolean, format: Format): number {
  const result = generate({ schema, out, check });
  if (result.mode === "write") {
    process.stdout.write(
      `${out}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed\n`,
    );
    return EXIT.ok;
  }
  if (result.drift.length === 0) {
    const how = result.by === "hashes" ? "the manifest's hashes match" : "compared file by file";
    process.stdout.write(`${out} is up to date with ${schema} (${how})\n`);
    return EXIT.ok;
  }
  const command =
    schema === DEFAULT_SCHEMA && out === DEFAULT_OUT
      ? "npm run generate"
      : `errcat generate --schema ${schema} --out ${out}`;
  const foreign = result.drift.filter((drift) => drift.kind === "foreign");
  const stale = result.drift.filter((drift) => drift.kind !== "foreign");
  for (const drift of foreign) {
    const message = `${drift.file} is not errcat's: errcat did not write it and keeps it, so move it out of ${out}`;
    process.stdout.write(format === "github" ? `::error file=${out}/${drift.file}::${message}\n` : `${message}\n`);
  }
  for (const drift of stale) {
    if (format === "github") {
      process.stdout.write(`::error file=${out}/${drift.file}::${drift.file} is ${drift.kind}; run ${command}\n`);
    } else {
      process.stdout.write(`${drift.file}: ${drift.kind}\n${drift.diff}\n`);
    }
  }
  if (foreign.length > 0) {
    process.stderr.write(`${out} holds ${foreign.length} file(s) errcat did not write; move them out of ${out}\n`);
  }
  if (stale.length > 0) {
    process.stderr.write(`${out} is out of date with ${schema} (${stale.length} files); run: ${command}\n`);
  }
  return EXIT.problem;
}

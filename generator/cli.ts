import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_OUT, DEFAULT_SCHEMA, generate, validate } from "./generate.js";
import { CatalogError, formatProblem, formatProblemForGithub } from "./problems.js";
import { OutputFolderError } from "./write.js";

/** Exit codes: the catalog or the output is wrong (1), the command line is (2), errcat is (3). */
const EXIT = { ok: 0, problem: 1, usage: 2, bug: 3 } as const;

const HELP = `errcat: one YAML catalog of an API's error codes → TypeScript and docs.

Usage:
  errcat generate [--schema FILE] [--out DIR] [--check] [--format text|github]
  errcat validate [FILE] [--format text|github]
  errcat --help | --version

Commands:
  generate   Validate the catalog and write the output folder (all files or none).
             --check compares instead of writing: it lists changed, missing and
             orphaned files with a diff, and exits 1 when anything differs.
  validate   Check a catalog and report every problem as FILE:LINE:COL.

Options:
  --schema FILE     the catalog (default ${DEFAULT_SCHEMA})
  --out DIR         the output folder (default ${DEFAULT_OUT})
  --format FORMAT   text (default) or github: workflow commands that annotate the pull request

Exit codes: 0 ok, 1 catalog problem or drift, 2 usage error, 3 internal error.
`;

class UsageError extends Error {}

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
        format: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs one command line; returns the exit code. All console output of errcat happens here. */
export function run(argv: readonly string[]): number {
  let format: "text" | "github" = "text";
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
    if (values.format !== undefined && values.format !== "text" && values.format !== "github") {
      throw new UsageError(`--format must be text or github, not ${values.format}`);
    }
    format = values.format ?? "text";
    const [command, ...rest] = positionals;
    switch (command) {
      case "generate":
        if (rest.length > 0) throw new UsageError(`generate takes no arguments: ${rest.join(" ")}`);
        return runGenerate(values.schema ?? DEFAULT_SCHEMA, values.out ?? DEFAULT_OUT, values.check ?? false, format);
      case "validate": {
        if (rest.length > 1) throw new UsageError("validate takes one catalog file");
        const schema = rest[0] ?? values.schema ?? DEFAULT_SCHEMA;
        const model = validate(schema);
        const moduleCodes = model.modules.reduce((sum, module) => sum + module.codes.length, 0);
        process.stdout.write(
          `${schema}: ok (${model.common.length} common codes, ${model.modules.length} modules, ${moduleCodes} module codes)\n`,
        );
        return EXIT.ok;
      }
      case undefined:
        throw new UsageError("a command is required");
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof CatalogError) {
      const lines = error.problems.map(format === "github" ? formatProblemForGithub : formatProblem);
      process.stderr.write(`${lines.join("\n")}\n`);
      if (format === "text") {
        const count = error.problems.length;
        process.stderr.write(`${count} problem${count === 1 ? "" : "s"}; nothing was written.\n`);
      }
      return EXIT.problem;
    }
    if (error instanceof UsageError || error instanceof OutputFolderError) {
      process.stderr.write(
        `errcat: ${error.message}\n${error instanceof UsageError ? "Run errcat --help for usage.\n" : ""}`,
      );
      return EXIT.usage;
    }
    process.stderr.write(
      `errcat: internal error; please report it with this trace:\n${(error as Error).stack ?? String(error)}\n`,
    );
    return EXIT.bug;
  }
}

function runGenerate(schema: string, out: string, check: boolean, format: "text" | "github"): number {
  const result = generate({ schema, out, check });
  if (result.mode === "write") {
    process.stdout.write(
      `${out}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed\n`,
    );
    return EXIT.ok;
  }
  if (result.drift.length === 0) {
    process.stdout.write(`${out} is up to date with ${schema}\n`);
    return EXIT.ok;
  }
  const command =
    schema === DEFAULT_SCHEMA && out === DEFAULT_OUT
      ? "npm run generate"
      : `errcat generate --schema ${schema} --out ${out}`;
  for (const drift of result.drift) {
    if (format === "github") {
      process.stdout.write(`::error file=${out}/${drift.file}::${drift.file} is ${drift.kind}; run ${command}\n`);
    } else {
      process.stdout.write(`${drift.file}: ${drift.kind}\n${drift.diff}\n`);
    }
  }
  process.stderr.write(`${out} is out of date with ${schema} (${result.drift.length} files); run: ${command}\n`);
  return EXIT.problem;
}

import { readFileSync } from "node:fs";
import { CatalogError, formatProblems, type OutputFormat, problemJson } from "../problems.js";
import { StagingError } from "../staging-thread.js";
import { OutputFolderError } from "../write.js";
import { type ParsedArgs, parseCommandLine, UsageError } from "./args.js";
import { EXIT, type Exit } from "./exit.js";
import { commandHelp, commandNamed, mainHelp } from "./spec.js";

export { EXIT } from "./exit.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Runs one command line; resolves with the exit code. The files of `generator/cli/` are the only
 * code of errcat that prints.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let format: OutputFormat = "text";
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === "help") return print(mainHelp());
    if (parsed.kind === "version") return print(`${version()}\n`);
    if (parsed.values.help === true) return print(commandHelp(parsed.command));
    format = (parsed.values.format as OutputFormat | undefined) ?? "text";
    return await dispatch(parsed, format);
  } catch (error) {
    return reportError(error, format);
  }
}

function print(text: string): Exit {
  process.stdout.write(text);
  return EXIT.ok;
}

async function dispatch(args: ParsedArgs, format: OutputFormat): Promise<Exit> {
  switch (args.command.name) {
    case "help": {
      const [name] = args.positionals;
      if (name === undefined) return print(mainHelp());
      const command = commandNamed(name);
      if (!command) throw new UsageError(`no command ${name}; the commands are listed by errcat --help`);
      return print(commandHelp(command));
    }
    // Each command's module is loaded when it runs: `generate` never pays for `diff` or `import`.
    case "init":
      return (await import("./setup.js")).runInit(args);
    case "import":
      return await (await import("./setup.js")).runImport(args);
    case "generate":
      return await (await import("./commands.js")).runGenerate(args, format);
    case "validate":
      return (await import("./commands.js")).runValidate(args, format);
    case "explain":
      return (await import("./inspect.js")).runExplain(args, format);
    case "diff":
      return (await import("./inspect.js")).runDiff(args, format);
    case "export":
      return (await import("./inspect.js")).runExport(args);
    default:
      throw new Error(`no handler for ${args.command.name}`);
  }
}

/** A catalog problem exits 1, a wrong command line or output folder 2, anything else is errcat's bug (3). */
function reportError(error: unknown, format: OutputFormat): number {
  if (error instanceof CatalogError) {
    if (format === "json") {
      const problems = error.problems.map((problem) => problemJson(problem));
      process.stdout.write(`${JSON.stringify({ ok: false, problems, warnings: [] }, null, 2)}\n`);
      return EXIT.problem;
    }
    process.stderr.write(`${formatProblems(error.problems, format).join("\n")}\n`);
    if (format === "text") {
      const count = error.problems.length;
      process.stderr.write(`${count} problem${count === 1 ? "" : "s"}; nothing was written.\n`);
    }
    return EXIT.problem;
  }
  if (error instanceof UsageError) {
    const help = error.command === undefined ? "errcat --help" : `errcat help ${error.command}`;
    process.stderr.write(`errcat: ${error.message}\nRun ${help} for usage.\n`);
    return EXIT.usage;
  }
  // DiffSourceError by name: its module is loaded only by `diff`.
  if (error instanceof OutputFolderError || (error instanceof Error && error.name === "DiffSourceError")) {
    process.stderr.write(`errcat: ${error.message}\n`);
    return EXIT.usage;
  }
  // The file system refused a read or write (a file in the way, no space, no permission): the folder,
  // not errcat, needs fixing. A staging failure has left the output folder as it was.
  if (error instanceof StagingError) {
    process.stderr.write(`errcat: ${error.message}; the output folder is left as it was\n`);
    return EXIT.usage;
  }
  if (error instanceof Error && typeof (error as { syscall?: unknown }).syscall === "string") {
    process.stderr.write(`errcat: ${error.message}\n`);
    return EXIT.usage;
  }
  process.stderr.write(
    `errcat: internal error; please report it with this trace:\n${(error as Error).stack ?? String(error)}\n`,
  );
  return EXIT.bug;
}

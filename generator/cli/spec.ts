import { DEFAULT_OUT, DEFAULT_SCHEMA } from "../generate.js";

/** One option of one command. */
export interface OptionSpec {
  readonly kind: "string" | "boolean";
  /** The value's placeholder in help: `FILE`, `DIR`. */
  readonly value?: string;
  readonly help: string;
  /** The values a string option accepts, when it is a closed list. */
  readonly choices?: readonly string[];
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** The usage line after `errcat `. */
  readonly usage: string;
  /** What the positionals are, for help; the parser checks their count. */
  readonly positionals: { readonly min: number; readonly max: number; readonly help?: string };
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** More lines of help, after the options. */
  readonly details?: string;
}

const schema: OptionSpec = { kind: "string", value: "FILE", help: `the catalog (default ${DEFAULT_SCHEMA})` };
const format = (choices: readonly string[], help: string): OptionSpec => ({
  kind: "string",
  value: "FORMAT",
  choices,
  help,
});

/** Every command, its options and its help; the parser accepts only the options listed here. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "init",
    summary: "Start a catalog in this project: a starter catalog, npm scripts, a .gitattributes line.",
    usage: "init [--schema FILE] [--out DIR] [--ci github]",
    positionals: { min: 0, max: 0 },
    options: {
      schema: { ...schema, help: `where to write the catalog (default ${DEFAULT_SCHEMA})` },
      out: { kind: "string", value: "DIR", help: `the output folder the scripts name (default ${DEFAULT_OUT})` },
      ci: { kind: "string", value: "github", choices: ["github"], help: "also write a GitHub Actions workflow" },
    },
    details: "init never overwrites a file: it says which ones it left alone.",
  },
  {
    name: "import",
    summary: "Turn hand-written TypeScript error codes into a catalog.",
    usage: "import FILE.ts... [--schema FILE] [--title TITLE] [--id ID]",
    positionals: {
      min: 1,
      max: Number.POSITIVE_INFINITY,
      help: "FILE.ts: files holding enums, as const objects or error classes",
    },
    options: {
      schema: { ...schema, help: `where to write the catalog (default ${DEFAULT_SCHEMA}); - for stdout` },
      title: { kind: "string", value: "TITLE", help: "the catalog's title (default: API error codes)" },
      id: { kind: "string", value: "ID", help: "the catalog's id (default: from package.json's name)" },
    },
    details:
      "Reads numeric and string enums, `as const` objects and classes with a static `code`; JSDoc and\n" +
      "line comments become descriptions. What it cannot map is reported as FILE:LINE:COL and left out.\n" +
      "It never overwrites an existing catalog.",
  },
  {
    name: "generate",
    summary: "Validate the catalog and write the output folder (all files or none).",
    usage: "generate [--schema FILE] [--out DIR] [--check [--format text|github|json] | --watch]",
    positionals: { min: 0, max: 0 },
    options: {
      schema,
      out: { kind: "string", value: "DIR", help: `the output folder (default ${DEFAULT_OUT})` },
      check: { kind: "boolean", help: "compare instead of writing; exit 1 when anything differs" },
      watch: { kind: "boolean", help: "regenerate on every save until Ctrl-C" },
      format: format(["text", "github", "json"], "text (default), github annotations, or json (with --check)"),
    },
    details:
      "--check lists changed, missing and orphaned files with a diff and the command to run.\n" +
      'JSON (--check --format json): { "ok", "schema", "out", "command", "drift": [{ "file", "kind", "diff" }],\n' +
      '"problems": [...], "warnings": [...] }.',
  },
  {
    name: "validate",
    summary: "Check a catalog and report every problem as FILE:LINE:COL.",
    usage: "validate [FILE] [--format text|github|json]",
    positionals: { min: 0, max: 1, help: `FILE: the catalog (default ${DEFAULT_SCHEMA})` },
    options: { schema, format: format(["text", "github", "json"], "text (default), github annotations, or json") },
    details:
      'JSON: { "ok", "file", "counts": { "common", "modules", "moduleCodes", "files" }, "problems": [...],\n' +
      '"warnings": [...] }, each problem { "severity", "file", "line", "col", "pointer", "message" }.',
  },
  {
    name: "explain",
    summary: "Look up a code or a name, or show how a response message parses.",
    usage: "explain CODE|NAME|MESSAGE [--schema FILE] [--module ID] [--locale LOCALE] [--format text|json]",
    positionals: { min: 1, max: 1, help: "CODE|NAME|MESSAGE: 4400, -1, QuotaExceeded, or a quoted message" },
    options: {
      schema,
      module: { kind: "string", value: "ID", help: "the module the message or code comes from" },
      locale: { kind: "string", value: "LOCALE", help: "the locale of the texts shown" },
      format: format(["text", "json"], "text (default) or json"),
    },
    details:
      'JSON: { "ok", "input", "parsed": { "pattern", "code", "text" } | null, "matches": [{ "kind", "code",\n' +
      '"name", "module"?, "className"?, "member"?, "type"?, "description", "fault"?, "retryable"?, "deprecated"? }],\n' +
      '"notes": [...] }.',
  },
  {
    name: "export",
    summary: "Write the validated catalog as JSON, for other languages.",
    usage: "export --format json [--schema FILE] [--out FILE]",
    positionals: { min: 0, max: 0 },
    options: {
      schema,
      out: { kind: "string", value: "FILE", help: "the JSON file (default: stdout)" },
      format: format(["json"], "json"),
    },
  },
  {
    name: "diff",
    summary: "Report the changes between two versions of a catalog and the semver bump they need.",
    usage: "diff OLD NEW | diff --against REF [FILE]  [--format text|github|json]",
    positionals: { min: 0, max: 2, help: "OLD NEW: two catalog files; or FILE with --against" },
    options: {
      against: { kind: "string", value: "REF", help: "read the old catalog at this git ref" },
      schema: { ...schema, help: `the catalog, with --against (default ${DEFAULT_SCHEMA})` },
      format: format(["text", "github", "json"], "text (default), github annotations, or json"),
    },
    details: "Exits 1 when anything breaks (a major bump).",
  },
  {
    name: "help",
    summary: "Show the help of a command.",
    usage: "help [COMMAND]",
    positionals: { min: 0, max: 1 },
    options: {},
  },
];

export const commandNamed = (name: string): CommandSpec | undefined =>
  COMMANDS.find((command) => command.name === name);

/** Options every command takes. */
export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { kind: "boolean", help: "show this help" },
};

const EXIT_CODES =
  "Exit codes: 0 ok, 1 catalog problem, drift or breaking change, 2 usage error or an output folder it cannot write, 3 internal error.";

/** `errcat --help`. */
export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    "errcat: one YAML catalog of an API's error codes → TypeScript and docs.",
    "",
    "Usage:",
    ...COMMANDS.filter((command) => command.name !== "help").map((command) => `  errcat ${command.usage}`),
    "  errcat help COMMAND | errcat COMMAND --help | errcat --version",
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    EXIT_CODES,
    "",
  ].join("\n");
}

/** `errcat help generate`. */
export function commandHelp(command: CommandSpec): string {
  const options = Object.entries({ ...command.options, ...GLOBAL_OPTIONS }).map(([name, option]) => [
    `--${name}${option.value ? ` ${option.value}` : ""}`,
    option.help,
  ]);
  const width = Math.max(...options.map(([flag]) => (flag ?? "").length));
  return [
    `errcat ${command.name}: ${command.summary}`,
    "",
    `Usage: errcat ${command.usage}`,
    ...(command.positionals.help ? ["", command.positionals.help] : []),
    "",
    "Options:",
    ...options.map(([flag, help]) => `  ${(flag ?? "").padEnd(width)}  ${help}`),
    ...(command.details ? ["", command.details] : []),
    "",
    EXIT_CODES,
    "",
  ].join("\n");
}

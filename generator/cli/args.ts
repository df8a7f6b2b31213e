import { closest } from "../suggest.js";
import { COMMANDS, type CommandSpec, commandNamed, GLOBAL_OPTIONS } from "./spec.js";

/** The command line is wrong: exit 2, with a hint to the help. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    /** The command whose help the hint names. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export interface ParsedArgs {
  readonly command: CommandSpec;
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/** What stands before the command: `--help`, `--version`, or nothing. */
export type Parsed =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | ({ readonly kind: "command" } & ParsedArgs);

/**
 * Parses `errcat COMMAND [options] [arguments]`. Each command accepts only its own options; a
 * misspelt one is told the closest (`--wach`: did you mean --watch?). A token such as `-1` is an
 * argument, not an option, so `errcat explain -1` needs no `--`.
 */
export function parseCommandLine(argv: readonly string[]): Parsed {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError("a command is required");
  if (first === "--help" || first === "-h") return { kind: "help" };
  if (first === "--version" || first === "-v") return { kind: "version" };
  const command = commandNamed(first);
  if (!command) {
    if (first.startsWith("-")) throw new UsageError(`${first} goes after a command: errcat COMMAND ${first}`);
    const near = closest(
      first,
      COMMANDS.map((spec) => spec.name),
    );
    throw new UsageError(`unknown command ${first}${near ? `; did you mean ${near}?` : ""}`);
  }
  return { kind: "command", ...parseOptions(command, rest) };
}

function parseOptions(command: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = { ...command.options, ...GLOBAL_OPTIONS };
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index] ?? "";
    if (token === "--") {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!token.startsWith("-") || /^-\d/.test(token) || token === "-") {
      positionals.push(token);
      continue;
    }
    const [flag = "", inline] = token.startsWith("--") ? splitOnce(token.slice(2)) : [shortName(token), undefined];
    const option = options[flag];
    if (!option) throw unknownOption(command, flag);
    if (option.kind === "boolean") {
      if (inline !== undefined) throw new UsageError(`--${flag} takes no value`, command.name);
      values[flag] = true;
      continue;
    }
    const value = inline ?? argv[++index];
    if (value === undefined || (inline === undefined && value.startsWith("--")))
      throw new UsageError(`--${flag} needs a value${option.value ? ` (${option.value})` : ""}`, command.name);
    if (option.choices && !option.choices.includes(value)) {
      throw new UsageError(`--${flag} must be ${option.choices.join(" or ")}, not ${value}`, command.name);
    }
    values[flag] = value;
  }
  if (values.help === true) return { command, positionals, values };
  const { min, max } = command.positionals;
  if (positionals.length < min || positionals.length > max) {
    const count = positionals.length === 0 ? "nothing" : positionals.join(" ");
    throw new UsageError(`errcat ${command.usage} (given: ${count})`, command.name);
  }
  return { command, positionals, values };
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf("=");
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function shortName(token: string): string {
  return token === "-h" ? "help" : token.replace(/^-+/, "");
}

function unknownOption(command: CommandSpec, flag: string): UsageError {
  const owners = COMMANDS.filter((other) => flag in other.options).map((other) => other.name);
  if (owners.length > 0) {
    const list = owners.join(" and ");
    return new UsageError(
      `${command.name} does not take --${flag} (${list} ${owners.length === 1 ? "does" : "do"})`,
      command.name,
    );
  }
  const near = closest(flag, Object.keys({ ...command.options, ...GLOBAL_OPTIONS }));
  return new UsageError(
    `unknown option --${flag} for ${command.name}${near ? `; did you mean --${near}?` : ""}`,
    command.name,
  );
}

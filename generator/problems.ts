/** Where a problem sits in a catalog: a position for people, a JSON pointer for tools. */
export interface Location {
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units as editors do. */
  readonly col: number;
  /** JSON pointer into the catalog document, `""` for the whole document. */
  readonly pointer: string;
}

export interface Problem {
  readonly message: string;
  readonly location: Location;
}

/**
 * Every problem found in a catalog, thrown at once so that users fix them in one pass.
 *
 * `String(error)` reads `schema/error-codes.yaml:12:5: duplicate code 4400 ... (at /common/3/code)`,
 * one line per problem.
 */
export class CatalogError extends Error {
  override readonly name = "CatalogError";
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    super(sorted.map(formatProblem).join("\n"));
    this.problems = sorted;
  }
}

/** `file:line:col: message (at /pointer)`. */
export function formatProblem(problem: Problem): string {
  const { file, line, col, pointer } = problem.location;
  const at = pointer === "" ? "" : ` (at ${pointer})`;
  return `${file}:${line}:${col}: ${problem.message}${at}`;
}

/**
 * A GitHub Actions workflow command, so the problem shows on the pull request's diff.
 * Property values and the message are escaped as the runner expects.
 */
export function formatProblemForGithub(problem: Problem, level: "error" | "warning" | "notice" = "error"): string {
  const { file, line, col } = problem.location;
  const property = (value: string) =>
    value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
  const data = (value: string) => value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const at = problem.location.pointer === "" ? "" : ` (at ${problem.location.pointer})`;
  return `::${level} file=${property(file)},line=${line},col=${col}::${data(problem.message + at)}`;
}

/** How a command prints: for people, as GitHub workflow commands, or as one JSON document. */
export type OutputFormat = "text" | "github" | "json";
export type Severity = "error" | "warning";

/** A problem as the JSON outputs carry it: `{ severity, file, line, col, pointer, message }`. */
export interface ProblemJson {
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly pointer: string;
  readonly message: string;
}

export function problemJson(problem: Problem, severity: Severity = "error"): ProblemJson {
  const { file, line, col, pointer } = problem.location;
  return { severity, file, line, col, pointer, message: problem.message };
}

/**
 * The one formatter every command prints problems with, one line each, for `text` or `github`
 * (JSON outputs embed {@link problemJson} in their own document):
 * `schema/error-codes.yaml:12:5: warning: the catalog has no id; …` or `::warning file=…::…`.
 */
export function formatProblems(
  problems: readonly Problem[],
  format: Exclude<OutputFormat, "json">,
  severity: Severity = "error",
): string[] {
  if (format === "github") return problems.map((problem) => formatProblemForGithub(problem, severity));
  if (severity === "error") return problems.map(formatProblem);
  return problems.map((problem) => formatProblem({ ...problem, message: `${severity}: ${problem.message}` }));
}

function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compare(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.col - b.location.col ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Joins segments into a JSON pointer: `["common", 3, "code"]` → `/common/3/code`. */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${pointerSegment(segment)}`).join("");
}

/** Splits a JSON pointer into its segments: `/common/3/code` → `["common", "3", "code"]`. */
export function fromPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

import { formatProblemForGithub } from "../problems.js";
import { type Bump, type DiffFormat, type Finding, RULES } from "./rules.js";

/** The bump the findings call for: major if anything breaks, minor for additions, patch for text. */
export function bumpOf(findings: readonly Finding[]): Bump {
  const order: readonly Bump[] = ["none", "patch", "minor", "major"];
  return order[Math.max(0, ...findings.map((finding) => order.indexOf(RULES[finding.rule].bump)))] ?? "none";
}

/** `2 breaking changes, 1 safe change: a major version bump`. */
export function summarizeDiff(findings: readonly Finding[]): string {
  const breaking = findings.filter((finding) => finding.severity === "breaking").length;
  const count = (n: number, what: string) => (n === 0 ? [] : [`${n} ${what} change${n === 1 ? "" : "s"}`]);
  const counts = [...count(breaking, "breaking"), ...count(findings.length - breaking, "safe")];
  const bump = bumpOf(findings);
  const changes = counts.length === 0 ? "no changes" : counts.join(", ");
  return `${changes}: ${bump === "none" ? "no version bump" : `a ${bump} version bump`}`;
}

/** `schema/error-codes.yaml:12:5: BREAKING CODE_DELETED common code 4400 (QuotaExceeded) was deleted; …`. */
export function formatFinding(finding: Finding): string {
  const { file, line, col } = finding.location;
  return `${file}:${line}:${col}: ${finding.severity === "breaking" ? "BREAKING" : "SAFE"} ${finding.rule} ${finding.message}`;
}

/**
 * A GitHub Actions workflow command, `::error` for a breaking finding and `::notice` for a safe one:
 * `::error file=schema/error-codes.yaml,line=13,col=5::CODE_DELETED common code 6000 …`.
 */
export function formatFindingForGithub(finding: Finding): string {
  const message = `${finding.rule} ${finding.message}`;
  const level = finding.severity === "breaking" ? "error" : "notice";
  return formatProblemForGithub(
    { message, location: { ...(finding.annotation ?? finding.location), pointer: "" } },
    level,
  );
}

/** The whole report in one format, ending with a newline: findings, then the summary (JSON: one object). */
export function formatDiff(findings: readonly Finding[], format: DiffFormat = "text"): string {
  if (format === "json") {
    const breaking = findings.filter((finding) => finding.severity === "breaking").length;
    return `${JSON.stringify({ bump: bumpOf(findings), breaking, safe: findings.length - breaking, findings }, null, 2)}\n`;
  }
  const lines = findings.map(format === "github" ? formatFindingForGithub : formatFinding);
  return `${[...lines, summarizeDiff(findings)].join("\n")}\n`;
}

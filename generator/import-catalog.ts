import { dirname, posix, relative, sep } from "node:path";
import { Document } from "yaml";
import type { CodeValue } from "./catalog.js";
import { INSTALLED_SCHEMA } from "./init.js";
import type { Location, Problem } from "./problems.js";
import { suggestId } from "./warnings.js";

/** One code read from a TypeScript file, before it becomes a catalog entry. */
export interface Found {
  readonly code: CodeValue;
  /** As written: `QUOTA_EXCEEDED`, `quotaExceeded`, `QuotaExceeded`. */
  readonly name: string;
  readonly description: string;
  readonly deprecated?: string;
  readonly at: Location;
}

export interface ImportOptions {
  readonly title?: string;
  readonly id?: string;
  /** The catalog's path from the project root, for its `$schema` comment. */
  readonly schemaPath?: string;
}

export interface ImportResult {
  /** The catalog's text. */
  readonly yaml: string;
  readonly codes: number;
  /** What could not be mapped, each at `file:line:col`. */
  readonly problems: readonly Problem[];
}

const SUCCESS_NAME = /^(ok|success|succeeded|none|no_?error)$/i;
const SERVER_FAULT = /internal|server|unavailable|timeout|busy|unknown|maintenance|database|upstream/i;
const RETRYABLE = /unavailable|timeout|busy|throttl|rate_?limit|too_?many|quota|try_?again|maintenance/i;

/**
 * The catalog of the codes found: one `common` list of the first code's kind, a success code
 * (a member named `Ok`/`Success`, else 0 or "OK"), `fault` and `retryable` guessed from names.
 */
export function toCatalog(found: readonly Found[], problems: readonly Problem[], options: ImportOptions): ImportResult {
  const more: Problem[] = [];
  const kind = typeof found[0]?.code;
  const success = found.find((entry) => SUCCESS_NAME.test(entry.name) && typeof entry.code === kind);
  const seen = new Map<string, Found>();
  const common: Record<string, unknown>[] = [];
  for (const entry of found) {
    if (entry === success) continue;
    const name = pascalName(entry.name);
    const problem = refusal(entry, name, kind, seen);
    if (problem) {
      more.push({ message: problem, location: entry.at });
      continue;
    }
    seen.set(`code ${String(entry.code)}`, entry).set(`name ${name}`, entry);
    common.push({
      code: entry.code,
      name,
      ...(typeof entry.code === "number" ? { type: sentence(name) } : {}),
      description: entry.description || `${sentence(name)}.`,
      fault: SERVER_FAULT.test(entry.name) ? "server" : "client",
      ...(RETRYABLE.test(entry.name) ? { retryable: true } : {}),
      ...(entry.deprecated === undefined ? {} : { deprecated: { reason: entry.deprecated } }),
    });
  }
  const successCode = success?.code ?? (kind === "string" ? "OK" : 0);
  const title = options.title ?? "API error codes";
  const doc = new Document({ format: 1, title, id: options.id ?? suggestId(title), success: successCode, common });
  doc.commentBefore = header(found, options.schemaPath);
  for (const item of (doc.get("common", true) as { items: { flow?: boolean }[] } | undefined)?.items ?? [])
    item.flow = false;
  return { yaml: doc.toString({ lineWidth: 0 }), codes: common.length, problems: [...problems, ...more] };
}

function refusal(entry: Found, name: string, kind: string, seen: Map<string, Found>): string | undefined {
  const where = (other: Found) => `${other.at.file}:${other.at.line}:${other.at.col}`;
  if (typeof entry.code !== kind) return `${entry.name} is a ${typeof entry.code} code among ${kind} codes; left out`;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) return `${entry.name} gives no PascalCase name; left out`;
  const sameCode = seen.get(`code ${String(entry.code)}`);
  if (sameCode) return `${entry.name} repeats code ${String(entry.code)} of ${where(sameCode)}; left out`;
  const sameName = seen.get(`name ${name}`);
  if (sameName) return `${entry.name} repeats the name ${name} of ${where(sameName)}; left out`;
  return undefined;
}

function header(found: readonly Found[], schemaPath = "schema/error-codes.yaml"): string {
  const files = [...new Set(found.map((entry) => entry.at.file))].join(", ");
  const toSchema = relative(dirname(schemaPath), INSTALLED_SCHEMA).split(sep).join(posix.sep);
  return ` yaml-language-server: $schema=${toSchema}

 Imported by errcat from ${files || "no file"}. fault (whose mistake: client or server) and retryable
 were guessed from the names: check each, then run errcat generate.`;
}

/** Words of a member name: `QUOTA_EXCEEDED`, `quotaExceeded` → `quota`, `exceeded`. */
function words(name: string): string[] {
  return name
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) =>
      part === part.toUpperCase() ? [part] : part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/),
    )
    .filter((word) => word !== "");
}

/** `QUOTA_EXCEEDED` → `QuotaExceeded`. */
export function pascalName(name: string): string {
  return words(name)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join("");
}

/** `QuotaExceeded` → `Quota exceeded`. */
function sentence(name: string): string {
  const text = words(name).join(" ").toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

import type { CodeValue } from "./catalog.js";
import {
  type CatalogModel,
  type CategoryModel,
  type CommonCodeModel,
  categoryOfCode,
  type Localized,
  type ModuleCodeModel,
  type ModuleModel,
} from "./model.js";
import { compilePattern, parseMessage } from "./patterns.js";

export interface ExplainOptions {
  readonly module?: string | undefined;
  readonly locale?: string | undefined;
}

/**
 * One catalog entry that an input names: the success code, a common code, a module code, or the
 * category that covers a code the catalog does not list.
 */
export interface ExplainedCode {
  readonly kind: "success" | "common" | "module" | "category";
  readonly code: CodeValue;
  readonly name?: string;
  readonly module?: string;
  /** The common code's error class: `QuotaExceededError`. */
  readonly className?: string;
  /** The module code's enum member: `AccountModuleErrorCode.IncorrectProjectId`. */
  readonly member?: string;
  /**
   * For a dotted string code in code mode: the common code that is its longest prefix; for a
   * category, its prefix.
   */
  readonly prefix?: CodeValue;
  readonly type?: string;
  readonly description?: string;
  readonly fault?: string;
  readonly retryable?: boolean;
  readonly httpStatus?: number;
  /** Other names of a common code. */
  readonly aliases?: readonly string[];
  readonly deprecated?: string;
}

/** What `explain` found, as data (`--format json`) and as the lines people read. */
export interface Explanation {
  readonly known: boolean;
  readonly input: string;
  /** How the input parses as a module message, when it does. */
  readonly parsed: { readonly pattern: string; readonly code: number; readonly text: string } | null;
  readonly matches: readonly ExplainedCode[];
  /** What was not found, in words. */
  readonly notes: readonly string[];
  readonly lines: readonly string[];
}

/**
 * Explains a code, a name or a response message from the catalog.
 * `explain(model, "4400")` and `explain(model, "QuotaExceeded")` → `4400 QuotaExceeded (common code, class
 * QuotaExceededError)`, its type, description, fault and retryability; `explain(model, "(100004) incorrect
 * projectId", { module: "account" })` shows how the message parses and what the module code means.
 */
export function explain(model: CatalogModel, input: string, options: ExplainOptions = {}): Explanation {
  const locale = options.locale ?? model.defaultLocale;
  const text = (localized: Localized) => localized[locale] ?? localized[model.defaultLocale] ?? "";
  const done = (parsed: Explanation["parsed"], matches: ExplainedCode[], notes: string[] = []): Explanation => ({
    known: matches.length > 0,
    input,
    parsed,
    matches,
    notes,
    lines: explanationLines(parsed, matches, notes),
  });
  const code = asCode(model.codeKind, input);
  if (code !== undefined) {
    const matches = codeMatches(model, code, options.module, text);
    if (matches.length > 0) return done(null, matches);
  }
  const named = nameMatches(model, input.trim(), options.module, text);
  if (named.length > 0) return done(null, named);
  if (model.moduleErrorsIn === "message") {
    const patterns = model.patterns.map((pattern) => ({ name: pattern.name, regex: compilePattern(pattern.regex) }));
    const parsed = parseMessage(patterns, input);
    if (parsed) {
      const matches = moduleMatches(model, parsed.code, options.module).map(({ module, entry }) =>
        moduleCode(module, entry, text),
      );
      const missing =
        options.module === undefined
          ? `no module lists code ${parsed.code}`
          : `module ${options.module} does not list code ${parsed.code}`;
      return done(parsed, matches, matches.length === 0 ? [missing] : []);
    }
  }
  const what =
    code === undefined
      ? `${JSON.stringify(input)} is neither a code, a name nor a message the patterns parse`
      : `${input} is not in the catalog`;
  return done(null, [], [what]);
}

function explanationLines(
  parsed: Explanation["parsed"],
  matches: readonly ExplainedCode[],
  notes: readonly string[],
): string[] {
  const lines = parsed
    ? [`message parsed by pattern ${parsed.pattern}: module code ${parsed.code}, text ${JSON.stringify(parsed.text)}`]
    : [];
  for (const match of matches) {
    const code = String(match.code);
    if (match.kind === "success") lines.push(`${code} means success`);
    else if (match.kind === "common") {
      const via = match.prefix === undefined ? "" : ` (as its prefix ${String(match.prefix)})`;
      lines.push(
        `${code} ${match.name}: common code${via}, class ${match.className}`,
        `  type: ${match.type}`,
        `  description: ${match.description}`,
        `  fault: ${match.fault}, retryable: ${match.retryable ? "yes" : "no"}${statusText(match.httpStatus)}`,
      );
      if (match.aliases !== undefined) lines.push(`  also named: ${match.aliases.join(", ")}`);
    } else if (match.kind === "category") {
      lines.push(
        `${code} is not listed, but category ${match.name} (${JSON.stringify(match.prefix)}) covers it: class ${match.className}`,
        `  type: ${match.type}`,
        `  fault: ${match.fault}, retryable: ${match.retryable ? "yes" : "no"}${statusText(match.httpStatus)}`,
      );
    } else {
      lines.push(
        `${code} ${match.name}: module ${match.module} (${match.member})`,
        `  description: ${match.description}`,
      );
    }
    if (match.deprecated !== undefined) lines.push(`  deprecated: ${match.deprecated}`);
  }
  return [...lines, ...notes];
}

const statusText = (status: number | undefined) => (status === undefined ? "" : `, HTTP status: ${status}`);

function asCode(kind: "number" | "string", input: string): CodeValue | undefined {
  if (kind === "string") return input.trim() === "" ? undefined : input;
  return /^-?\d+$/.test(input.trim()) && Number.isSafeInteger(Number(input)) ? Number(input) : undefined;
}

type Text = (localized: Localized) => string;

function codeMatches(model: CatalogModel, code: CodeValue, module: string | undefined, text: Text): ExplainedCode[] {
  const matches: ExplainedCode[] = [];
  if ("codes" in model.success && model.success.codes.includes(code)) matches.push({ kind: "success", code });
  const common = commonFor(model, code);
  if (common) matches.push(commonCode(common, text, common.code === code ? undefined : common.code, code));
  const declared = model.categories.filter((category) => category.declared);
  const category = common ? undefined : categoryOfCode(declared, code);
  if (category) matches.push(categoryCode(model, category, code, text));
  for (const { module: owner, entry } of moduleMatches(model, code, module))
    matches.push(moduleCode(owner, entry, text));
  return matches;
}

/** Codes looked up by name (`QuotaExceeded`) or by class name (`QuotaExceededError`). */
function nameMatches(model: CatalogModel, name: string, module: string | undefined, text: Text): ExplainedCode[] {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) return [];
  const common =
    module === undefined ? model.common.filter((entry) => entry.name === name || entry.className === name) : [];
  return [
    ...common.map((entry) => commonCode(entry, text)),
    ...model.modules
      .filter((candidate) => module === undefined || candidate.id === module)
      .flatMap((candidate) =>
        candidate.codes.filter((entry) => entry.name === name).map((entry) => moduleCode(candidate, entry, text)),
      ),
  ];
}

function commonCode(entry: CommonCodeModel, text: Text, prefix?: CodeValue, asked?: CodeValue): ExplainedCode {
  return {
    kind: "common",
    code: asked ?? entry.code,
    name: entry.name,
    className: entry.className,
    ...(prefix === undefined ? {} : { prefix }),
    type: text(entry.type),
    description: text(entry.description),
    fault: entry.fault,
    retryable: entry.retryable,
    ...(entry.httpStatus === undefined ? {} : { httpStatus: entry.httpStatus }),
    ...(entry.aliases.length === 0 ? {} : { aliases: entry.aliases.map((alias) => alias.name) }),
    ...(entry.deprecated ? { deprecated: entry.deprecated.reason } : {}),
  };
}

/** A code the catalog does not list, explained by the category that covers it. */
function categoryCode(model: CatalogModel, category: CategoryModel, code: CodeValue, text: Text): ExplainedCode {
  const httpStatus = category.httpStatus ?? model.defaultHttpStatus;
  return {
    kind: "category",
    code,
    name: category.name,
    className: category.className,
    prefix: category.prefix,
    type: text(category.type),
    fault: category.fault ?? "unknown",
    retryable: category.retryable ?? false,
    ...(httpStatus === undefined ? {} : { httpStatus }),
  };
}

function moduleCode(module: ModuleModel, entry: ModuleCodeModel, text: Text): ExplainedCode {
  return {
    kind: "module",
    code: entry.code,
    name: entry.name,
    module: module.id,
    member: `${module.enumName}.${entry.name}`,
    description: text(entry.description),
    ...(entry.deprecated ? { deprecated: entry.deprecated.reason } : {}),
  };
}

/** The common code of a code: itself, or in code mode its longest dotted prefix that is one. */
function commonFor(model: CatalogModel, code: CodeValue): CommonCodeModel | undefined {
  const exact = model.common.find((entry) => entry.code === code);
  if (exact || typeof code !== "string" || model.moduleErrorsIn !== "code") return exact;
  for (let prefix = code; prefix.includes("."); ) {
    prefix = prefix.slice(0, prefix.lastIndexOf("."));
    const found = model.common.find((entry) => entry.code === prefix);
    if (found) return found;
  }
  return undefined;
}

function moduleMatches(model: CatalogModel, code: CodeValue, module: string | undefined) {
  return model.modules
    .filter((candidate) => module === undefined || candidate.id === module)
    .flatMap((candidate) => {
      const entry = candidate.codes.find((listed) => listed.code === code);
      return entry ? [{ module: candidate, entry }] : [];
    });
}

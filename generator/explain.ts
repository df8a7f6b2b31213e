import type { CodeValue } from "./catalog.js";
import { type CatalogModel, type CommonCodeModel, categoryOfCode, type Localized, type ModuleModel } from "./model.js";
import { compilePattern, parseMessage } from "./patterns.js";

export interface ExplainOptions {
  readonly module?: string | undefined;
  readonly locale?: string | undefined;
}

/** What `explain` found: the lines to show, and whether the input was known. */
export interface Explanation {
  readonly known: boolean;
  readonly lines: readonly string[];
}

/**
 * Explains a code or a response message from the catalog.
 * `explain(model, "4400")` → `4400 QuotaExceeded (common code, class QuotaExceededError)`, its type,
 * description, fault and retryability; `explain(model, "(100004) incorrect projectId", { module: "account" })`
 * shows how the message parses and what the module code means.
 */
export function explain(model: CatalogModel, input: string, options: ExplainOptions = {}): Explanation {
  const locale = options.locale ?? model.defaultLocale;
  const text = (localized: Localized) => localized[locale] ?? localized[model.defaultLocale] ?? "";
  const code = asCode(model.codeKind, input);
  if (code !== undefined) {
    const lines = describeCode(model, code, options.module, text);
    if (lines.length > 0) return { known: true, lines };
  }
  if (model.moduleErrorsIn === "message") {
    const patterns = model.patterns.map((pattern) => ({ name: pattern.name, regex: compilePattern(pattern.regex) }));
    const parsed = parseMessage(patterns, input);
    if (parsed) {
      const lines = [
        `message parsed by pattern ${parsed.pattern}: module code ${parsed.code}, text ${JSON.stringify(parsed.text)}`,
      ];
      const modules = moduleMatches(model, parsed.code, options.module);
      for (const { module, entry } of modules) lines.push(...moduleLines(module, entry, text));
      if (modules.length === 0) {
        lines.push(
          options.module === undefined
            ? `no module lists code ${parsed.code}`
            : `module ${options.module} does not list code ${parsed.code}`,
        );
      }
      return { known: modules.length > 0, lines };
    }
  }
  const what =
    code === undefined
      ? `${JSON.stringify(input)} is neither a code nor a message the patterns parse`
      : `${input} is not in the catalog`;
  return { known: false, lines: [what] };
}

function asCode(kind: "number" | "string", input: string): CodeValue | undefined {
  if (kind === "string") return input.trim() === "" ? undefined : input;
  return /^-?\d+$/.test(input.trim()) && Number.isSafeInteger(Number(input)) ? Number(input) : undefined;
}

function describeCode(
  model: CatalogModel,
  code: CodeValue,
  module: string | undefined,
  text: (localized: Localized) => string,
): string[] {
  const lines: string[] = [];
  if ("codes" in model.success && model.success.codes.includes(code)) lines.push(`${String(code)} means success`);
  const common = commonFor(model, code);
  if (common) {
    const via = common.code === code ? "" : ` (as its prefix ${String(common.code)})`;
    lines.push(
      `${String(code)} ${common.name}: common code${via}, class ${common.className}`,
      `  type: ${text(common.type)}`,
      `  description: ${text(common.description)}`,
      `  fault: ${common.fault}, retryable: ${common.retryable ? "yes" : "no"}${common.httpStatus === undefined ? "" : `, HTTP status: ${common.httpStatus}`}`,
    );
    if (common.aliases.length > 0) lines.push(`  also named: ${common.aliases.map((alias) => alias.name).join(", ")}`);
    if (common.deprecated) lines.push(`  deprecated: ${common.deprecated.reason}`);
  }
  const category = common
    ? undefined
    : categoryOfCode(
        model.categories.filter((each) => each.declared),
        code,
      );
  if (category) {
    const status = category.httpStatus ?? model.defaultHttpStatus;
    lines.push(
      `${String(code)} is not listed, but category ${category.name} (${JSON.stringify(category.prefix)}) covers it: class ${category.className}`,
      `  type: ${text(category.type)}`,
      `  fault: ${category.fault ?? "unknown"}, retryable: ${category.retryable ? "yes" : "no"}${status === undefined ? "" : `, HTTP status: ${status}`}`,
    );
  }
  for (const { module: owner, entry } of moduleMatches(model, code, module))
    lines.push(...moduleLines(owner, entry, text));
  return lines;
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

function moduleLines(
  module: ModuleModel,
  entry: ModuleModel["codes"][number],
  text: (localized: Localized) => string,
): string[] {
  const lines = [
    `${String(entry.code)} ${entry.name}: module ${module.id} (${module.enumName}.${entry.name})`,
    `  description: ${text(entry.description)}`,
  ];
  if (entry.deprecated) lines.push(`  deprecated: ${entry.deprecated.reason}`);
  return lines;
}

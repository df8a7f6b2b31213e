import type { CodeValue } from "./catalog.js";
import type { CatalogModel, ModuleModel, Origin } from "./model.js";
import { kindOf } from "./model.js";
import { RUNTIME_EXPORTS } from "./names.js";
import { compilePattern, groupNames, parseMessage } from "./patterns.js";
import type { Location, Problem } from "./problems.js";
import { backtrackingProblem } from "./regex-safety.js";

type Locate = (file: string, pointer: string) => Location;

/** Collects problems; `at` names a position in the catalog's words: `line 12, col 5`. */
class Reporter {
  readonly problems: Problem[] = [];
  constructor(private readonly locator: Locate) {}
  report(origin: Origin, suffix: string, message: string): void {
    this.problems.push({ message, location: this.locator(origin.file, origin.pointer + suffix) });
  }
  at(origin: Origin, current?: Origin): string {
    const { line, col } = this.locator(origin.file, origin.pointer);
    return origin.file === current?.file || current === undefined
      ? `line ${line}, col ${col}`
      : `${origin.file}:${line}:${col}`;
  }
}

const show = (code: CodeValue) => (typeof code === "string" ? JSON.stringify(code) : String(code));

/**
 * The checks JSON Schema cannot express: code kinds, names, duplicates, identifier clashes, the
 * success code, reserved codes, locales, regexes and their examples. Returns every problem, located.
 */
export function checkSemantics(model: CatalogModel, locate: Locate): Problem[] {
  const reporter = new Reporter(locate);
  checkCommon(model, reporter);
  const seenModules = new Map<string, Origin>();
  for (const module of model.modules) {
    const first = seenModules.get(module.id);
    if (first) {
      reporter.report(
        module.origin,
        "/name",
        `duplicate module ${module.id}: the module at ${reporter.at(first, module.origin)} has it already`,
      );
      continue;
    }
    seenModules.set(module.id, module.origin);
    // Two ids that share a file (modules/my-api.ts) always share its constant (MY_API_MODULE_ERRORS),
    // so the identifier check below reports that clash.
    checkModule(model, module, reporter);
  }
  checkIdentifiers(model, reporter);
  if (model.moduleErrorsIn === "message") checkPatterns(model, reporter);
  return reporter.problems;
}

function checkCommon(model: CatalogModel, reporter: Reporter): void {
  const codes = new Map<CodeValue, { name: string; origin: Origin }>();
  const names = new Map<string, { code: CodeValue; origin: Origin }>();
  const reserved = new Map(model.reserved.map((entry) => [entry.code, entry.origin]));
  if ("code" in model.success && kindOf(model.success.code) !== model.codeKind) {
    reporter.report(
      model.origin,
      "/success",
      `the success code must be ${model.codeKind === "number" ? "an integer" : "a string"}, like the common codes`,
    );
  }
  for (const entry of catalogOrder(model.common)) {
    if (kindOf(entry.code) !== model.codeKind) {
      reporter.report(
        entry.origin,
        "/code",
        `code ${show(entry.code)} is ${kindOf(entry.code) === "number" ? "an integer" : "a string"}, but the list's first code is ${model.codeKind === "number" ? "an integer" : "a string"}; one list holds one kind`,
      );
      continue;
    }
    checkName(entry, reporter);
    if (typeof entry.code === "number" && entry.type[model.defaultLocale] === String(entry.code)) {
      reporter.report(
        entry.origin,
        "",
        `integer code ${entry.code} needs a type, a short title such as "Quota exceeded"`,
      );
    }
    const first = codes.get(entry.code);
    if (first) {
      reporter.report(
        entry.origin,
        "/code",
        `duplicate code ${show(entry.code)}: ${first.name} at ${reporter.at(first.origin)} has it already`,
      );
    } else {
      codes.set(entry.code, { name: entry.name, origin: { ...entry.origin, pointer: `${entry.origin.pointer}/code` } });
    }
    const sameName = entry.name === "" ? undefined : names.get(entry.name);
    if (sameName && !first) {
      reporter.report(entry.origin, entry.derivedName ? "/code" : "/name", nameClash(entry, sameName, reporter));
    } else if (entry.name !== "") {
      names.set(entry.name, entry);
    }
    if ("code" in model.success && entry.code === model.success.code) {
      reporter.report(entry.origin, "/code", `${show(entry.code)} is the success code and cannot be an error code`);
    }
    const reservedAt = reserved.get(entry.code);
    if (reservedAt)
      reporter.report(
        entry.origin,
        "/code",
        `code ${show(entry.code)} is reserved at ${reporter.at(reservedAt)} and may not be reused`,
      );
    checkReplacement(entry, model.common, reporter);
  }
}

function checkModule(model: CatalogModel, module: ModuleModel, reporter: Reporter): void {
  const kind = model.moduleErrorsIn === "message" ? "number" : model.codeKind;
  const codes = new Map<CodeValue, { name: string; origin: Origin }>();
  const names = new Map<string, { code: CodeValue; origin: Origin }>();
  const reserved = new Map(module.reserved.map((entry) => [entry.code, entry.origin]));
  for (const entry of catalogOrder(module.codes)) {
    if (kindOf(entry.code) !== kind) {
      const why =
        model.moduleErrorsIn === "message"
          ? "module codes parsed from messages are integers"
          : "module codes arrive in the code field, like the common codes";
      reporter.report(
        entry.origin,
        "/code",
        `code ${show(entry.code)} must be ${kind === "number" ? "an integer" : "a string"}: ${why}`,
      );
      continue;
    }
    checkName(entry, reporter);
    const first = codes.get(entry.code);
    if (first) {
      reporter.report(
        entry.origin,
        "/code",
        `duplicate code ${show(entry.code)} in module ${module.id}: ${first.name} at ${reporter.at(first.origin, entry.origin)} has it already`,
      );
    } else {
      codes.set(entry.code, { name: entry.name, origin: { ...entry.origin, pointer: `${entry.origin.pointer}/code` } });
    }
    const sameName = entry.name === "" ? undefined : names.get(entry.name);
    if (sameName && !first) {
      reporter.report(
        entry.origin,
        entry.derivedName ? "/code" : "/name",
        `${nameClash(entry, sameName, reporter)} in module ${module.id}`,
      );
    } else if (entry.name !== "") {
      names.set(entry.name, entry);
    }
    if (model.moduleErrorsIn === "code" && "code" in model.success && entry.code === model.success.code) {
      reporter.report(
        entry.origin,
        "/code",
        `${show(entry.code)} is the success code and cannot be a module error code`,
      );
    }
    const reservedAt = reserved.get(entry.code);
    if (reservedAt)
      reporter.report(
        entry.origin,
        "/code",
        `code ${show(entry.code)} is reserved in module ${module.id} at ${reporter.at(reservedAt, entry.origin)} and may not be reused`,
      );
    checkReplacement(entry, module.codes, reporter);
  }
}

function checkName(
  entry: { code: CodeValue; name: string; derivedName: boolean; origin: Origin },
  reporter: Reporter,
): void {
  if (!entry.derivedName) return;
  if (typeof entry.code === "number")
    reporter.report(
      entry.origin,
      "",
      `integer code ${entry.code} needs a name, a PascalCase identifier such as QuotaExceeded`,
    );
  else if (entry.name === "")
    reporter.report(entry.origin, "/code", `no identifier can be derived from code ${show(entry.code)}; add a name`);
}

function nameClash(
  entry: { code: CodeValue; name: string; derivedName: boolean },
  first: { code: CodeValue; origin: Origin },
  reporter: Reporter,
): string {
  const firstCode = `code ${show(first.code)} at ${reporter.at(first.origin)}`;
  if (entry.derivedName) {
    return `code ${show(entry.code)} derives the name ${entry.name}, which ${firstCode} has too; give one of them an explicit name`;
  }
  return `duplicate name ${entry.name}: ${firstCode} has it already`;
}

function checkReplacement(
  entry: { code: CodeValue; deprecated?: { replacedBy?: CodeValue }; origin: Origin },
  all: readonly { code: CodeValue }[],
  reporter: Reporter,
): void {
  const replacement = entry.deprecated?.replacedBy;
  if (replacement === undefined) return;
  if (replacement === entry.code)
    reporter.report(entry.origin, "/deprecated/replacedBy", "a code cannot be replaced by itself");
  else if (!all.some((other) => other.code === replacement)) {
    reporter.report(
      entry.origin,
      "/deprecated/replacedBy",
      `the replacement ${show(replacement)} is not a code of this list`,
    );
  }
}

/**
 * Every exported identifier must be unique, the runtime's own names included (`Api` → `ApiError`).
 * Entries already reported as duplicates are skipped: one mistake, one message.
 */
function checkIdentifiers(model: CatalogModel, reporter: Reporter): void {
  const owners = new Map<string, { what: string; origin: Origin | undefined }>();
  for (const name of RUNTIME_EXPORTS) owners.set(name, { what: "errcat's runtime", origin: undefined });
  const claim = (identifiers: readonly string[], what: string, origin: Origin, suffix: string) => {
    const clashes = identifiers.filter((identifier) => owners.has(identifier));
    for (const identifier of identifiers) if (!owners.has(identifier)) owners.set(identifier, { what, origin });
    const first = clashes[0] === undefined ? undefined : owners.get(clashes[0]);
    if (!first) return;
    const where = first.origin === undefined ? first.what : `${first.what} at ${reporter.at(first.origin, origin)}`;
    reporter.report(
      origin,
      suffix,
      `${what} generates ${clashes.join(" and ")}, which ${where} defines already; choose another name`,
    );
  };
  const seenNames = new Set<string>();
  for (const entry of catalogOrder(model.common)) {
    if (entry.name === "" || seenNames.has(entry.name)) continue;
    seenNames.add(entry.name);
    claim(
      [entry.className, entry.guardName],
      `common code ${entry.name}`,
      entry.origin,
      entry.derivedName ? "/code" : "/name",
    );
  }
  const seenModules = new Set<string>();
  for (const module of model.modules) {
    if (seenModules.has(module.id)) continue;
    seenModules.add(module.id);
    claim([module.enumName, module.guardName, module.constName], `module ${module.id}`, module.origin, "/name");
  }
  // Categories are claimed in the order the catalog first uses them, so a clash points at the later one.
  const codes = [...catalogOrder(model.common), ...model.modules.flatMap((module) => catalogOrder(module.codes))];
  const firstUse = (category: string) =>
    codes.findIndex((entry) => typeof entry.code === "string" && entry.code.startsWith(`${category}.`));
  for (const category of [...model.categories].sort((a, b) => firstUse(a.category) - firstUse(b.category))) {
    const user = codes[firstUse(category.category)];
    claim([category.guardName], `category ${category.category}`, user?.origin ?? model.origin, user ? "/code" : "");
  }
}

function checkPatterns(model: CatalogModel, reporter: Reporter): void {
  const names = new Set<string>();
  const compiled: { name: string; regex: RegExp }[] = [];
  for (const pattern of model.patterns) {
    if (names.has(pattern.name)) reporter.report(pattern.origin, "/name", `duplicate pattern name ${pattern.name}`);
    names.add(pattern.name);
    let regex: RegExp;
    try {
      regex = compilePattern(pattern.regex);
    } catch (error) {
      reporter.report(pattern.origin, "/regex", `the regex does not compile: ${(error as Error).message}`);
      continue;
    }
    const groups = groupNames(pattern.regex);
    const missing = ["code", "text"].filter((group) => !groups.includes(group));
    if (missing.length > 0) {
      const list = missing.map((group) => `(?<${group}>…)`).join(" and ");
      reporter.report(
        pattern.origin,
        "/regex",
        `the regex lacks the named group${missing.length > 1 ? "s" : ""} ${list}`,
      );
      continue;
    }
    const backtracking = backtrackingProblem(pattern.regex);
    if (backtracking !== undefined) {
      reporter.report(pattern.origin, "/regex", backtracking);
      continue;
    }
    compiled.push({ name: pattern.name, regex });
  }
  for (const pattern of model.patterns) {
    if (!compiled.some((entry) => entry.name === pattern.name)) continue;
    for (const [index, example] of pattern.examples.entries()) {
      const parsed = parseMessage(compiled, example.message);
      const suffix = `/examples/${index}`;
      const message = JSON.stringify(example.message);
      const want = `code ${show(example.code)}, text ${JSON.stringify(example.text)}`;
      if (!parsed) {
        reporter.report(pattern.origin, suffix, `the example ${message} does not parse; expected ${want}`);
      } else if (parsed.pattern !== pattern.name) {
        reporter.report(
          pattern.origin,
          suffix,
          `the example ${message} is parsed by the earlier pattern ${parsed.pattern}`,
        );
      } else if (parsed.code !== example.code || parsed.text !== example.text) {
        const got = `code ${parsed.code}, text ${JSON.stringify(parsed.text)}`;
        reporter.report(pattern.origin, suffix, `the example ${message} parses to ${got}; expected ${want}`);
      }
    }
  }
}

/** Entries in the order the catalog lists them (the model orders by code). */
function catalogOrder<T extends { readonly origin: Origin }>(entries: readonly T[]): T[] {
  const index = (pointer: string) => Number(pointer.slice(pointer.lastIndexOf("/") + 1));
  return [...entries].sort((a, b) =>
    a.origin.file === b.origin.file ? index(a.origin.pointer) - index(b.origin.pointer) : 0,
  );
}

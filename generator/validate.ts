import type { CodeValue } from "./catalog.js";
import type { CatalogModel, ModuleModel, Origin, ReservedModel } from "./model.js";
import { findReserved, kindOf } from "./model.js";
import { derivesReadableName, RUNTIME_EXPORTS } from "./names.js";
import type { Problem } from "./problems.js";
import { type Locate, Reporter, show } from "./reporter.js";
import { checkPatterns } from "./validate-patterns.js";

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
  const successCodes = "codes" in model.success ? model.success.codes : [];
  for (const [index, code] of successCodes.entries()) {
    if (kindOf(code) === model.codeKind) continue;
    const pointer = successCodes.length > 1 ? `/success/${index}` : "/success";
    reporter.report(model.origin, pointer, kindMismatch(code, model.codeKind, "the common codes"));
  }
  checkCodes(
    {
      entries: model.common,
      reserved: model.reserved,
      kind: model.codeKind,
      where: "",
      kindProblem: (entry) => kindMismatch(entry.code, model.codeKind, "the other codes of the list"),
      successProblem: "codes" in model.success ? "cannot be an error code" : undefined,
      check: (entry) => {
        if (typeof entry.code === "number" && entry.type[model.defaultLocale] === String(entry.code)) {
          reporter.report(
            entry.origin,
            "",
            `integer code ${entry.code} needs a type, a short title such as "Quota exceeded"`,
          );
        }
        if (!entry.faultGiven) {
          reporter.report(
            entry.origin,
            "",
            `code ${show(entry.code)} needs a fault (client or server): neither it nor a category gives one`,
          );
        }
      },
    },
    model,
    reporter,
  );
}

/**
 * Why a code does not fit its list. An unquoted `23505` among string codes such as `0A000` is the
 * usual cause, so integers in a string list are told to be quoted.
 */
function kindMismatch(code: CodeValue, kind: "number" | "string", others: string): string {
  if (typeof code === "number" && kind === "string") {
    return `code ${code} is read as an integer, but ${others} are strings: quote it ("${code}")`;
  }
  const unquote =
    typeof code === "string" && /^-?[0-9]+$/.test(code)
      ? `: write it without quotes (${code})`
      : "; one list holds one kind";
  return `code ${show(code)} is ${article(kindOf(code))}, but ${others} are integers${unquote}`;
}

function checkModule(model: CatalogModel, module: ModuleModel, reporter: Reporter): void {
  const kind = model.moduleErrorsIn === "message" ? "number" : model.codeKind;
  const why =
    model.moduleErrorsIn === "message"
      ? "module codes parsed from messages are integers"
      : "module codes arrive in the code field, like the common codes";
  checkCodes(
    {
      entries: module.codes,
      reserved: module.reserved,
      kind,
      where: ` in module ${module.id}`,
      kindProblem: (entry) =>
        typeof entry.code === "number" && kind === "string"
          ? `code ${entry.code} is read as an integer, but ${why}: quote it ("${entry.code}")`
          : `code ${show(entry.code)} must be ${article(kind)}: ${why}`,
      // Only in the code field can a module code be mistaken for success.
      successProblem:
        model.moduleErrorsIn === "code" && "codes" in model.success ? "cannot be a module error code" : undefined,
    },
    model,
    reporter,
  );
}

const article = (kind: "number" | "string") => (kind === "number" ? "an integer" : "a string");

interface CodeEntry {
  readonly code: CodeValue;
  readonly name: string;
  readonly derivedName: boolean;
  readonly deprecated?: { readonly replacedBy?: CodeValue };
  readonly origin: Origin;
}

/** One list of codes (the common list or a module's), checked in catalog order. */
interface CodeList<T extends CodeEntry> {
  readonly entries: readonly T[];
  readonly reserved: readonly ReservedModel[];
  readonly kind: "number" | "string";
  /** How messages name the list: `""` for the common list, ` in module account` for a module's. */
  readonly where: string;
  readonly kindProblem: (entry: T) => string;
  /** Why a code equal to the success code is refused, when it is. */
  readonly successProblem: string | undefined;
  /** Rules of this list only. */
  readonly check?: (entry: T) => void;
}

/** The rules every list of codes follows: one kind, unique codes and names, no success or reserved code. */
function checkCodes<T extends CodeEntry>(list: CodeList<T>, model: CatalogModel, reporter: Reporter): void {
  const codes = new Map<CodeValue, { name: string; origin: Origin }>();
  const names = new Map<string, { code: CodeValue; origin: Origin }>();
  checkReserved(list, reporter);
  for (const entry of catalogOrder(list.entries)) {
    if (kindOf(entry.code) !== list.kind) {
      reporter.report(entry.origin, "/code", list.kindProblem(entry));
      continue;
    }
    checkName(entry, reporter);
    list.check?.(entry);
    const first = codes.get(entry.code);
    if (first) {
      const at = reporter.at(first.origin, entry.origin);
      reporter.report(
        entry.origin,
        "/code",
        `duplicate code ${show(entry.code)}${list.where}: ${first.name} at ${at} has it already`,
      );
    } else {
      codes.set(entry.code, { name: entry.name, origin: { ...entry.origin, pointer: `${entry.origin.pointer}/code` } });
    }
    const sameName = entry.name === "" ? undefined : names.get(entry.name);
    if (sameName && !first) {
      reporter.report(
        entry.origin,
        entry.derivedName ? "/code" : "/name",
        `${nameClash(entry, sameName, reporter)}${list.where}`,
      );
    } else if (entry.name !== "") {
      names.set(entry.name, entry);
    }
    if (list.successProblem && "codes" in model.success && model.success.codes.includes(entry.code)) {
      reporter.report(entry.origin, "/code", `${show(entry.code)} is a success code and ${list.successProblem}`);
    }
    const reservedAt = findReserved(list.reserved, entry.code)?.origin;
    if (reservedAt) {
      const at = reporter.at(reservedAt, entry.origin);
      reporter.report(
        entry.origin,
        "/code",
        `code ${show(entry.code)} is reserved${list.where} at ${at} and may not be reused`,
      );
    }
    checkReplacement(entry, list.entries, reporter);
  }
}

/** Reserved ranges hold integers in order; a reserved name is not also a live one. */
function checkReserved<T extends CodeEntry>(list: CodeList<T>, reporter: Reporter): void {
  const names = new Set(list.entries.map((entry) => entry.name));
  for (const entry of list.reserved) {
    if ("from" in entry) {
      if (list.kind !== "number") {
        reporter.report(entry.origin, "", `a reserved range holds integer codes, but this list's codes are strings`);
      } else if (entry.from > entry.to) {
        reporter.report(entry.origin, "/to", `the range ends at ${entry.to}, before it starts at ${entry.from}`);
      }
    } else if (kindOf(entry.code) !== list.kind) {
      reporter.report(
        entry.origin,
        "name" in entry ? "/code" : "",
        kindMismatch(entry.code, list.kind, "the list's codes"),
      );
    } else if (entry.name !== undefined && names.has(entry.name)) {
      reporter.report(entry.origin, "/name", `the retired name ${entry.name} is still the name of a code${list.where}`);
    }
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
  else if (!derivesReadableName(entry.code))
    reporter.report(
      entry.origin,
      "/code",
      `code ${show(entry.code)} would derive the name ${entry.name}, which does not read well; add a name, a PascalCase identifier such as UniqueViolation`,
    );
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
      entry.classNameGiven ? "/className" : entry.derivedName ? "/code" : "/name",
    );
    for (const alias of entry.aliases) {
      if (seenNames.has(alias.name) || model.common.some((other) => other.name === alias.name)) {
        reporter.report(alias.origin, "", `alias ${alias.name} is already the name of a code`);
        continue;
      }
      seenNames.add(alias.name);
      claim([alias.guardName], `alias ${alias.name}`, alias.origin, "");
    }
  }
  const seenPrefixes = new Map<string, Origin>();
  for (const category of model.categories.filter((each) => each.declared)) {
    const first = seenPrefixes.get(category.prefix);
    if (first) {
      reporter.report(
        category.origin,
        "/prefix",
        `duplicate category prefix ${show(category.prefix)}: the category at ${reporter.at(first, category.origin)} has it already`,
      );
      continue;
    }
    seenPrefixes.set(category.prefix, category.origin);
    if (model.codeKind === "number" && !/^-?[0-9]+$/.test(category.prefix)) {
      reporter.report(
        category.origin,
        "/prefix",
        `the codes are integers, so a prefix is digits, not ${show(category.prefix)}`,
      );
    }
    claim([category.guardName, category.className], `category ${category.name}`, category.origin, "/name");
  }
  const seenModules = new Set<string>();
  for (const module of model.modules) {
    if (seenModules.has(module.id)) continue;
    seenModules.add(module.id);
    const names = [module.enumName, module.guardName, module.constName, module.tableName];
    claim(names, `module ${module.id}`, module.origin, "/name");
  }
  // Categories are claimed in the order the catalog first uses them, so a clash points at the later one.
  const implied = model.categories.filter((category) => !category.declared);
  if (implied.length === 0) return;
  const codes = [...catalogOrder(model.common), ...model.modules.flatMap((module) => catalogOrder(module.codes))];
  const firstUse = (category: string) =>
    codes.findIndex((entry) => typeof entry.code === "string" && entry.code.startsWith(`${category}.`));
  for (const category of implied.sort((a, b) => firstUse(a.prefix) - firstUse(b.prefix))) {
    const user = codes[firstUse(category.prefix)];
    claim([category.guardName], `category ${category.prefix}`, user?.origin ?? model.origin, user ? "/code" : "");
  }
}

/** Entries in the order the catalog lists them (the model orders by code). */
function catalogOrder<T extends { readonly origin: Origin }>(entries: readonly T[]): T[] {
  // Each entry's index read once, not in every comparison.
  const keyed = entries.map((entry) => {
    const { file, pointer } = entry.origin;
    return { entry, file, index: Number(pointer.slice(pointer.lastIndexOf("/") + 1)) };
  });
  keyed.sort((a, b) => (a.file === b.file ? a.index - b.index : 0));
  return keyed.map((keyedEntry) => keyedEntry.entry);
}

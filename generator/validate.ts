import type { LoadedCatalog } from "./load.js";
import type { CatalogModel } from "./model.js";
import { RUNTIME_EXPORTS } from "./names.js";
import { compilePattern, groupNames, parseMessage } from "./patterns.js";
import type { Location, Problem } from "./problems.js";
import { backtrackingProblem } from "./regex-safety.js";

type Locate = LoadedCatalog["locate"];

/**
 * The checks JSON Schema cannot express: duplicates, identifier clashes, the success code,
 * regexes and their examples. Returns every problem, each located in the catalog.
 */
export function checkSemantics(model: CatalogModel, locate: Locate): Problem[] {
  const problems: Problem[] = [];
  const report = (pointer: string, message: string) => problems.push({ message, location: locate(pointer) });
  const at = (pointer: string) => position(locate(pointer));

  const commonCodes = new Map<number, { name: string; pointer: string }>();
  const commonNames = new Map<string, string>();
  for (const entry of catalogOrder(model.common)) {
    const first = commonCodes.get(entry.code);
    if (first) {
      report(
        `${entry.pointer}/code`,
        `duplicate code ${entry.code}: ${first.name} at ${at(first.pointer)} has it already`,
      );
    } else {
      commonCodes.set(entry.code, entry);
    }
    const firstName = commonNames.get(entry.name);
    if (firstName !== undefined) {
      report(`${entry.pointer}/name`, `duplicate name ${entry.name}: the code at ${at(firstName)} has it already`);
    } else {
      commonNames.set(entry.name, entry.pointer);
    }
    if (entry.code === model.success) {
      report(`${entry.pointer}/code`, `${entry.code} is the success code and cannot be an error code`);
    }
  }

  const moduleIds = new Map<string, string>();
  const moduleFiles = new Map<string, { id: string; pointer: string }>();
  for (const module of model.modules) {
    const firstId = moduleIds.get(module.id);
    const firstFile = moduleFiles.get(module.file);
    if (firstId !== undefined) {
      report(`${module.pointer}/name`, `duplicate module ${module.id}: the module at ${at(firstId)} has it already`);
      continue;
    }
    moduleIds.set(module.id, module.pointer);
    if (firstFile) {
      report(
        `${module.pointer}/name`,
        `module ${module.id} would share the file ${module.file} with module ${firstFile.id} at ${at(firstFile.pointer)}; rename one`,
      );
    } else {
      moduleFiles.set(module.file, { id: module.id, pointer: `${module.pointer}/name` });
    }
    const codes = new Map<number, { name: string; pointer: string }>();
    const names = new Map<string, string>();
    for (const entry of catalogOrder(module.codes)) {
      const first = codes.get(entry.code);
      if (first) {
        report(
          `${entry.pointer}/code`,
          `duplicate code ${entry.code} in module ${module.id}: ${first.name} at ${at(first.pointer)} has it already`,
        );
      } else {
        codes.set(entry.code, entry);
      }
      const firstName = names.get(entry.name);
      if (firstName !== undefined) {
        report(
          `${entry.pointer}/name`,
          `duplicate name ${entry.name} in module ${module.id}: the code at ${at(firstName)} has it already`,
        );
      } else {
        names.set(entry.name, entry.pointer);
      }
    }
  }

  checkIdentifiers(model, report, at);
  checkPatterns(model, report);
  return problems;
}

/**
 * Every exported identifier must be unique, the runtime's own names included (`Api` → `ApiError`).
 * Entries already reported as duplicates are skipped: one mistake, one message.
 */
function checkIdentifiers(
  model: CatalogModel,
  report: (pointer: string, message: string) => void,
  at: (pointer: string) => string,
) {
  const owners = new Map<string, { what: string; pointer: string | undefined }>();
  for (const name of RUNTIME_EXPORTS) owners.set(name, { what: "errcat's runtime", pointer: undefined });
  const claim = (identifiers: readonly string[], what: string, pointer: string) => {
    const clashes = identifiers.filter((identifier) => owners.has(identifier));
    for (const identifier of identifiers) if (!owners.has(identifier)) owners.set(identifier, { what, pointer });
    const first = clashes[0] === undefined ? undefined : owners.get(clashes[0]);
    if (!first) return;
    const where = first.pointer === undefined ? first.what : `${first.what} at ${at(first.pointer)}`;
    report(pointer, `${what} generates ${clashes.join(" and ")}, which ${where} defines already; choose another name`);
  };
  const seenNames = new Set<string>();
  for (const entry of catalogOrder(model.common)) {
    if (seenNames.has(entry.name)) continue;
    seenNames.add(entry.name);
    claim([entry.className, entry.guardName], `common code ${entry.name}`, `${entry.pointer}/name`);
  }
  const seenModules = new Set<string>();
  for (const module of model.modules) {
    if (seenModules.has(module.id)) continue;
    seenModules.add(module.id);
    claim([module.enumName, module.guardName, module.constName], `module ${module.id}`, `${module.pointer}/name`);
  }
}

function checkPatterns(model: CatalogModel, report: (pointer: string, message: string) => void) {
  const names = new Set<string>();
  const compiled: { name: string; regex: RegExp }[] = [];
  for (const pattern of model.patterns) {
    if (names.has(pattern.name)) report(`${pattern.pointer}/name`, `duplicate pattern name ${pattern.name}`);
    names.add(pattern.name);
    let regex: RegExp;
    try {
      regex = compilePattern(pattern.regex);
    } catch (error) {
      report(`${pattern.pointer}/regex`, `the regex does not compile: ${(error as Error).message}`);
      continue;
    }
    const groups = groupNames(pattern.regex);
    const missing = ["code", "text"].filter((group) => !groups.includes(group));
    if (missing.length > 0) {
      report(
        `${pattern.pointer}/regex`,
        `the regex lacks the named group${missing.length > 1 ? "s" : ""} ${missing.map((group) => `(?<${group}>…)`).join(" and ")}`,
      );
      continue;
    }
    const backtracking = backtrackingProblem(pattern.regex);
    if (backtracking !== undefined) {
      report(`${pattern.pointer}/regex`, backtracking);
      continue;
    }
    compiled.push({ name: pattern.name, regex });
  }
  for (const pattern of model.patterns) {
    for (const [index, example] of pattern.examples.entries()) {
      if (!compiled.some((entry) => entry.name === pattern.name)) break;
      const parsed = parseMessage(compiled, example.message);
      const pointer = `${pattern.pointer}/examples/${index}`;
      const want = `code ${example.code}, text ${JSON.stringify(example.text)}`;
      if (!parsed) {
        report(pointer, `the example ${JSON.stringify(example.message)} does not parse; expected ${want}`);
      } else if (parsed.pattern !== pattern.name) {
        report(
          pointer,
          `the example ${JSON.stringify(example.message)} is parsed by the earlier pattern ${parsed.pattern}`,
        );
      } else if (parsed.code !== example.code || parsed.text !== example.text) {
        report(
          pointer,
          `the example ${JSON.stringify(example.message)} parses to code ${parsed.code}, text ${JSON.stringify(parsed.text)}; expected ${want}`,
        );
      }
    }
  }
}

function position(location: Location): string {
  return `line ${location.line}, col ${location.col}`;
}

/** Entries in the order the catalog lists them (the model orders by code). */
function catalogOrder<T extends { readonly pointer: string }>(entries: readonly T[]): T[] {
  const index = (pointer: string) => Number(pointer.slice(pointer.lastIndexOf("/") + 1));
  return [...entries].sort((a, b) => index(a.pointer) - index(b.pointer));
}

import type { CodeValue } from "../catalog.js";
import { successText } from "../emit/response-doc.js";
import {
  type AliasModel,
  type CatalogModel,
  type Deprecation,
  findReserved,
  type Localized,
  type Origin,
  type ReservedModel,
} from "../model.js";
import { compilePattern, parseMessage } from "../patterns.js";
import { diffAliases, diffContract } from "./contract.js";
import { type CatalogSide, type Finding, RULES, type RuleId } from "./rules.js";

export type At = readonly [side: CatalogSide, origin: Origin, suffix?: string];

export class Findings {
  readonly list: Finding[] = [];
  constructor(private readonly after: CatalogSide) {}
  add(id: RuleId, scope: string, [side, origin, suffix = ""]: At, message: string, code?: CodeValue): void {
    const location = side.locate(origin.file, origin.pointer + suffix);
    const coded = code === undefined ? {} : { code };
    this.list.push({ rule: id, severity: RULES[id].severity, scope, ...coded, message, location });
  }
  /** A deletion: located in the old catalog, annotated in the new one at `list` (a pointer in its catalog file). */
  deleted(id: RuleId, scope: string, at: At, list: Origin, message: string, code?: CodeValue): void {
    this.add(id, scope, at, message, code);
    const finding = this.list.pop() as Finding;
    // A list the new file no longer has is located at its nearest parent, or the file's first line.
    this.list.push({ ...finding, annotation: this.after.locate(list.file, list.pointer) });
  }
}

const show = (code: CodeValue) => (typeof code === "string" ? JSON.stringify(code) : String(code));

/**
 * Compares two catalogs. Breaking findings come first, each group in catalog order.
 *
 * @example
 * diffCatalogs(old, now)
 * // [{ rule: "CODE_DELETED", severity: "breaking", scope: "common", code: 4400,
 * //    message: "common code 4400 (QuotaExceeded) was deleted; …", location: { file, line, col, pointer } }]
 */
export function diffCatalogs(before: CatalogSide, after: CatalogSide): Finding[] {
  const out = new Findings(after);
  diffSettings(out, before, after);
  diffContract(out, before, after);
  diffPatterns(out, before, after);
  const catalogList = (pointer: string): Origin => ({ file: after.model.origin.file, pointer });
  const common = (side: CatalogSide) => ({
    side,
    codes: side.model.common,
    reserved: side.model.reserved,
    list: catalogList("/common"),
    reservedList: catalogList("/reserved"),
  });
  diffCodes(out, "common", "common", common(before), common(after));
  const modules = new Map(after.model.modules.map((module) => [module.id, module]));
  const shared = sharedLocales(before.model, after.model);
  for (const old of before.model.modules) {
    const now = modules.get(old.id);
    if (!now) {
      const at: At = [before, old.origin, "/name"];
      out.deleted(
        "MODULE_DELETED",
        old.id,
        at,
        catalogList("/moduleErrors/modules"),
        `module ${old.id} was deleted or renamed`,
      );
      continue;
    }
    if (!sameText(old.title, now.title, shared)) {
      out.add("MODULE_TITLE_CHANGED", now.id, [after, now.origin, "/title"], `the title of module ${now.id} changed`);
    }
    const lists = { list: inModule(now.origin, "/codes"), reservedList: inModule(now.origin, "/reserved") };
    diffCodes(out, now.id, `module ${now.id}`, { side: before, ...old, ...lists }, { side: after, ...now, ...lists });
  }
  const known = new Set(before.model.modules.map((module) => module.id));
  for (const now of after.model.modules.filter((module) => !known.has(module.id))) {
    out.add("MODULE_ADDED", now.id, [after, now.origin, "/name"], `module ${now.id} was added`);
  }
  return [...out.list].sort((a, b) => Number(a.severity === "safe") - Number(b.severity === "safe"));
}

const inModule = (origin: Origin, suffix: string): Origin => ({ file: origin.file, pointer: origin.pointer + suffix });

function diffSettings(out: Findings, before: CatalogSide, after: CatalogSide): void {
  const [old, now] = [before.model, after.model];
  const here = (suffix: string): At => [after, now.origin, suffix];
  const changed = (id: RuleId, suffix: string, what: string, from: string, to: string) => {
    if (from !== to) out.add(id, "catalog", here(suffix), `${what} changed from ${from} to ${to}`);
  };
  const kind = (model: CatalogModel) => (model.codeKind === "number" ? "integers" : "strings");
  changed("CODE_KIND_CHANGED", "/common", "the codes", kind(old), kind(now));
  const success = (model: CatalogModel) => successText(model).replace(/`/g, "");
  changed("SUCCESS_CHANGED", "/success", "success", success(old), success(now));
  for (const field of ["code", "message", "requestId", "status", "requestIdHeader"] as const) {
    const path = (model: CatalogModel) => envelopeText(model, field);
    changed("ENVELOPE_CHANGED", `/envelope/${field}`, `the envelope's ${field}`, path(old), path(now));
  }
  changed("MODULE_ERRORS_IN_CHANGED", "/moduleErrors/in", "moduleErrors.in", old.moduleErrorsIn, now.moduleErrorsIn);
  changed("ENUM_STYLE_CHANGED", "/output/enumStyle", "output.enumStyle", old.enumStyle, now.enumStyle);
  changed("DEFAULT_LOCALE_CHANGED", "/defaultLocale", "the default locale", old.defaultLocale, now.defaultLocale);
  for (const locale of old.locales.filter((locale) => !now.locales.includes(locale))) {
    const list = { file: now.origin.file, pointer: "/locales" };
    out.deleted(
      "LOCALE_REMOVED",
      "catalog",
      [before, old.origin, "/locales"],
      list,
      `the locale ${locale} was removed`,
    );
  }
  for (const locale of now.locales.filter((locale) => !old.locales.includes(locale))) {
    out.add("LOCALE_ADDED", "catalog", here("/locales"), `the locale ${locale} was added`);
  }
  const quoted = (model: CatalogModel) =>
    `${JSON.stringify(model.catalogId)}${model.catalogIdFrom === "title" ? " (the title, for want of an id)" : ""}`;
  if (old.catalogId !== now.catalogId) {
    const at = now.catalogIdFrom === "id" ? "/id" : "/title";
    out.add("CATALOG_ID_CHANGED", "catalog", here(at), `the catalog id changed from ${quoted(old)} to ${quoted(now)}`);
  }
  if (old.catalogId === now.catalogId && !sameText(old.title, now.title, sharedLocales(old, now))) {
    out.add("TITLE_CHANGED", "catalog", here("/title"), "the catalog title changed");
  }
}

/** Patterns only matter while module codes are parsed out of messages in both catalogs. */
function diffPatterns(out: Findings, before: CatalogSide, after: CatalogSide): void {
  if (before.model.moduleErrorsIn !== "message" || after.model.moduleErrorsIn !== "message") return;
  const patterns = new Map(after.model.patterns.map((pattern) => [pattern.name, pattern]));
  const suffix = (origin: Origin, field: string) => (origin.pointer === "" ? "" : field);
  const list = { file: after.model.origin.file, pointer: "/moduleErrors/patterns" };
  for (const old of before.model.patterns) {
    const now = patterns.get(old.name);
    if (!now) {
      const at: At = [before, old.origin, suffix(old.origin, "/name")];
      out.deleted("PATTERN_REMOVED", "catalog", at, list, `the pattern ${old.name} was removed or renamed`);
    } else if (now.regex !== old.regex) {
      const at: At = [after, now.origin, suffix(now.origin, "/regex")];
      out.add("PATTERN_CHANGED", "catalog", at, `the regex of the pattern ${now.name} changed`);
    }
  }
  const known = new Set(before.model.patterns.map((pattern) => pattern.name));
  for (const now of after.model.patterns.filter((pattern) => !known.has(pattern.name))) {
    const at: At = [after, now.origin, suffix(now.origin, "/name")];
    out.add("PATTERN_ADDED", "catalog", at, `the pattern ${now.name} was added`);
  }
  const compiled = after.model.patterns.map((pattern) => ({
    name: pattern.name,
    regex: compilePattern(pattern.regex),
  }));
  for (const old of before.model.patterns) {
    for (const [index, example] of old.examples.entries()) {
      const parsed = parseMessage(compiled, example.message);
      if (parsed && parsed.code === example.code && parsed.text === example.text) continue;
      const now = patterns.get(old.name);
      const at: At = now
        ? [after, now.origin, suffix(now.origin, "/regex")]
        : [before, old.origin, suffix(old.origin, `/examples/${index}`)];
      const was = `code ${show(example.code)}, text ${JSON.stringify(example.text)}`;
      const is = parsed ? `now parses to code ${parsed.code}, text ${JSON.stringify(parsed.text)}` : "no longer parses";
      const message = `the example ${JSON.stringify(example.message)} of the pattern ${old.name} ${is}; it parsed to ${was}`;
      if (now) out.add("EXAMPLE_NO_LONGER_PARSES", "catalog", at, message);
      else out.deleted("EXAMPLE_NO_LONGER_PARSES", "catalog", at, list, message);
    }
  }
}

interface CodeEntry {
  readonly code: CodeValue;
  readonly name: string;
  readonly derivedName: boolean;
  readonly description: Localized;
  readonly deprecated?: Deprecation;
  readonly origin: Origin;
  readonly type?: Localized;
  readonly fault?: string;
  readonly retryable?: boolean;
  readonly httpStatus?: number;
  readonly className?: string;
  readonly aliases?: readonly AliasModel[];
}

interface CodeList {
  readonly side: CatalogSide;
  readonly codes: readonly CodeEntry[];
  readonly reserved: readonly ReservedModel[];
  /** The new catalog's list of these codes, and of their reserved values, where deletions are annotated. */
  readonly list: Origin;
  readonly reservedList: Origin;
}

/** Compares one scope's codes, keyed by value; `label` names the scope in messages: `common`, `module account`. */
function diffCodes(out: Findings, scope: string, label: string, before: CodeList, after: CodeList): void {
  const codes = new Map(after.codes.map((entry) => [entry.code, entry]));
  const reserved = reservations(after.reserved);
  const shared = sharedLocales(before.side.model, after.side.model);
  const reservedHint = scope === "common" ? "the top-level reserved list" : `module ${scope}'s reserved list`;
  for (const old of before.codes) {
    const what = `${label} code ${show(old.code)} (${old.name})`;
    const now = codes.get(old.code);
    const reservation = reserved.find(old.code);
    if (reservation) {
      const message = `${what} was deleted and reserved; its exports are gone`;
      out.add("CODE_RESERVED", scope, [after.side, reservation.origin], message, old.code);
    } else if (!now) {
      const message = `${what} was deleted; its exports are gone, and its value may be reused: add ${show(old.code)} to ${reservedHint}`;
      out.deleted("CODE_DELETED", scope, [before.side, old.origin], after.list, message, old.code);
    } else {
      const add = (id: RuleId, suffix: string, message: string) =>
        out.add(id, scope, [after.side, now.origin, suffix], message, now.code);
      diffCode(add, `${label} code ${show(old.code)}`, old, now, shared);
    }
  }
  const oldCodes = new Set(before.codes.map((entry) => entry.code));
  for (const now of after.codes.filter((entry) => !oldCodes.has(entry.code))) {
    const message = `${label} code ${show(now.code)} (${now.name}) was added`;
    out.add("CODE_ADDED", scope, [after.side, now.origin], message, now.code);
  }
  const wasReserved = reservations(before.reserved);
  const codeOf = (entry: ReservedModel) => ("code" in entry ? entry.code : undefined);
  for (const old of before.reserved.filter((entry) => !reserved.covers(entry))) {
    const message = `${label} ${reservedText(old)} is no longer reserved and may be reused`;
    out.deleted("RESERVED_DELETED", scope, [before.side, old.origin], after.reservedList, message, codeOf(old));
  }
  const added = after.reserved.filter(
    (entry) => !wasReserved.covers(entry) && !("code" in entry && oldCodes.has(entry.code)),
  );
  for (const now of added) {
    const message = `${label} ${reservedText(now)} was reserved`;
    out.add("RESERVED_ADDED", scope, [after.side, now.origin], message, codeOf(now));
  }
}

/** An envelope setting as text: `error.code, error.type`, `Request-Id`, `(none)`. */
function envelopeText(
  model: CatalogModel,
  field: "code" | "message" | "requestId" | "status" | "requestIdHeader",
): string {
  const { envelope } = model;
  if (field === "code") return envelope.code.map((path) => path.join(".")).join(", ");
  if (field === "requestIdHeader") return envelope.requestIdHeader ?? "(none)";
  return envelope[field]?.join(".") ?? "(none)";
}

/** `code 1054`, `codes 2000 to 2999`. */
function reservedText(entry: ReservedModel): string {
  return "from" in entry ? `codes ${entry.from} to ${entry.to}` : `code ${show(entry.code)}`;
}

/** Looks codes up in a reserved list: single codes, and ranges of integers. */
function reservations(list: readonly ReservedModel[]) {
  const find = (code: CodeValue) => findReserved(list, code);
  return {
    find,
    /** Whether every code of an entry is reserved in this list. */
    covers: (entry: ReservedModel) =>
      "from" in entry
        ? list.some((other) => "from" in other && other.from <= entry.from && other.to >= entry.to)
        : find(entry.code) !== undefined,
  };
}

type Add = (id: RuleId, suffix: string, message: string) => void;

function diffCode(add: Add, label: string, old: CodeEntry, now: CodeEntry, locales: readonly string[]): void {
  const what = `${label} (${now.name})`;
  if (old.name !== now.name) {
    const message = `${label} was renamed from ${old.name} to ${now.name}`;
    add("CODE_NAME_CHANGED", now.derivedName ? "/code" : "/name", message);
  }
  if (old.className !== now.className && old.name === now.name) {
    add(
      "CLASS_NAME_CHANGED",
      "/className",
      `the class of ${what} was renamed from ${old.className} to ${now.className}`,
    );
  }
  if (old.fault !== now.fault) {
    const fault = (value: string | undefined) => value ?? "its common code's";
    add("FAULT_CHANGED", "/fault", `${what} changed fault from ${fault(old.fault)} to ${fault(now.fault)}`);
  }
  if (old.httpStatus !== now.httpStatus) {
    const status = (value: number | undefined) => (value === undefined ? "none" : String(value));
    add(
      "HTTP_STATUS_CHANGED",
      "/httpStatus",
      `${what} changed HTTP status from ${status(old.httpStatus)} to ${status(now.httpStatus)}`,
    );
  }
  diffAliases(add, what, old.aliases ?? [], now.aliases ?? []);
  if (old.retryable !== now.retryable) {
    add("RETRYABLE_CHANGED", "/retryable", `${what} is ${now.retryable ? "now" : "no longer"} retryable`);
  }
  if (old.type && now.type && !sameText(old.type, now.type, locales))
    add("TYPE_CHANGED", "/type", `the type of ${what} changed`);
  if (!sameText(old.description, now.description, locales)) {
    add("DESCRIPTION_CHANGED", "/description", `the description of ${what} changed`);
  }
  if (!old.deprecated && now.deprecated) {
    const instead = now.deprecated.replacedBy === undefined ? "" : `; use ${show(now.deprecated.replacedBy)}`;
    add("CODE_DEPRECATED", "/deprecated", `${what} was deprecated: ${now.deprecated.reason}${instead}`);
  } else if (old.deprecated && !now.deprecated) {
    add("CODE_UNDEPRECATED", "", `${what} is no longer deprecated`);
  } else if (old.deprecated && now.deprecated && JSON.stringify(old.deprecated) !== JSON.stringify(now.deprecated)) {
    add("DEPRECATION_CHANGED", "/deprecated", `the deprecation of ${what} changed`);
  }
}

/** Texts are compared in the locales both catalogs have; an added or removed locale is reported once. */
function sharedLocales(old: CatalogModel, now: CatalogModel): string[] {
  return old.locales.filter((locale) => now.locales.includes(locale));
}

function sameText(a: Localized, b: Localized, locales: readonly string[]): boolean {
  return locales.every((locale) => a[locale] === b[locale]);
}

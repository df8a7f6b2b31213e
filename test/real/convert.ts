/**
 * Converts the real public error catalogs in `../shared/data/real` (see PROVENANCE.md there) into
 * errcat catalogs. The repository holds only this script: the catalogs, with their description
 * text, are produced at test time into a temporary folder.
 *
 *   tsx test/real/convert.ts <v2|v3|wechat|wechat-pay|all> <outDir> [--data DIR] [--unresolved] [--quiet]
 *
 * writes `<outDir>/<catalog id>/catalog.yaml` (and `modules/*.yaml` for v3), prints every resolution
 * (dropped row, merged duplicate, renamed identifier, substituted text) and a summary.
 * `--unresolved` converts v2 without merging duplicate codes, so that errcat reports them.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import type {
  CatalogDocument,
  CodeValue,
  CommonCodeDocument,
  Fault,
  ModuleCodeDocument,
  ModuleDocument,
  TextDocument,
} from "../../generator/catalog.js";
import { nameFromCode } from "../../generator/names.js";

export const ROOT = resolve(import.meta.dirname, "../..");
/** Where the real catalogs live: next to the repository, in the shared data folder. */
export const DEFAULT_DATA = resolve(ROOT, "../shared/data/real");

/** What the conversion did to one piece of the input that it could not take over as it was. */
export type ResolutionKind =
  /** A row left out: a code errcat cannot take (not numeric where it must be, spaces, the success code). */
  | "dropped"
  /** Several rows or wordings for one code folded into one entry; the others are listed in its description. */
  | "merged"
  /** An identifier that had to be made unique, or that was derived differently from its source. */
  | "renamed"
  /** A text the source lacks, filled in from another locale. */
  | "fallback";

export const RESOLUTION_KINDS: readonly ResolutionKind[] = ["dropped", "merged", "renamed", "fallback"];

export interface Resolution {
  readonly kind: ResolutionKind;
  /** Where: `module code` or `code`. */
  readonly where: string;
  readonly detail: string;
  /** How many input rows this removes from the output (a dropped row, the extra rows of a merge). */
  readonly removed: number;
}

export interface Stats {
  /** Input rows the catalog is made from (the module rows, or the common rows when there are no modules). */
  readonly input: number;
  readonly common: number;
  readonly modules: number;
  readonly moduleCodes: number;
  /** Catalog files written: the catalog and its included files. */
  readonly files: number;
}

export interface ConvertedCatalog {
  /** The folder name and the catalog's id: `v2`, `v3`, `wechat-mp`, … */
  readonly id: string;
  /** Documents by path relative to the catalog's folder; `catalog.yaml` first. */
  readonly files: ReadonlyMap<string, unknown>;
  readonly stats: Stats;
  readonly resolutions: readonly Resolution[];
}

export const CATALOG_FILE = "catalog.yaml";
export const WECHAT_PLATFORMS = ["mp", "cp", "ma", "open", "channel"] as const;
export type WechatPlatform = (typeof WECHAT_PLATFORMS)[number];
export const WHICH = ["v2", "v3", "wechat", "wechat-pay"] as const;
export type Which = (typeof WHICH)[number];

// ---------------------------------------------------------------------------------------------
// Shared rules
// ---------------------------------------------------------------------------------------------

/** The pattern the JSON Schema gives codes: printable ASCII, no spaces, at most 200 characters. */
const CODE_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The name an integer code gets when nothing better is known: `Code100004`, `CodeMinus30001`. */
export function nameFromNumber(code: number): string {
  return code < 0 ? `CodeMinus${-code}` : `Code${code}`;
}

/** The suffix that tells apart two codes that derive one name: the code itself, or a counter. */
function suffixes(code: CodeValue): string[] {
  const first = typeof code === "number" ? [code < 0 ? `Minus${-code}` : String(code)] : [];
  return [...first, ...Array.from({ length: 98 }, (_, index) => String(index + 2))];
}

interface Named {
  readonly code: CodeValue;
  /** The name the source suggests, before uniqueness. */
  readonly base: string;
}

/**
 * Makes names unique within one list: the first entry with a name keeps it, later ones get the
 * code (integers) or a counter (strings) appended, avoiding every name any entry derives.
 * Returns the final names by index and reports each rename.
 */
export function uniqueNames(entries: readonly Named[], where: string, report: (r: Resolution) => void): string[] {
  const wanted = new Set(entries.map((entry) => entry.base));
  const taken = new Set<string>();
  return entries.map((entry) => {
    if (!taken.has(entry.base)) {
      taken.add(entry.base);
      return entry.base;
    }
    const name = suffixes(entry.code)
      .map((suffix) => `${entry.base}${suffix}`)
      .find((candidate) => !taken.has(candidate) && !wanted.has(candidate));
    if (name === undefined) throw new Error(`${where}: no unique name for ${String(entry.code)}`);
    taken.add(name);
    report({
      kind: "renamed",
      where: `${where} ${show(entry.code)}`,
      detail: `derives the name ${entry.base}, which an earlier code has; named ${name}`,
      removed: 0,
    });
    return name;
  });
}

const show = (code: CodeValue) => (typeof code === "string" ? JSON.stringify(code) : String(code));

/** Locale maps and plain texts, joined: a plain text stands for every locale. */
function asMap(text: TextDocument, locales: readonly string[]): Record<string, string> {
  return typeof text === "string" ? Object.fromEntries(locales.map((locale) => [locale, text])) : { ...text };
}

/** The first text, with the other wordings listed after it: `first (also documented as: b; c)`. */
export function withAlternatives(first: TextDocument, others: readonly TextDocument[]): TextDocument {
  if (others.length === 0) return first;
  const listOthers = (main: string, rest: readonly string[]) => {
    const distinct = [...new Set(rest.map((text) => text.trim()))].filter(
      (text) => text !== "" && text !== main.trim(),
    );
    return distinct.length === 0 ? main : `${main} (also documented as: ${distinct.join("; ")})`;
  };
  if (typeof first === "string" && others.every((other) => typeof other === "string")) {
    return listOthers(first, others as string[]);
  }
  const locales = [
    ...new Set([first, ...others].flatMap((text) => (typeof text === "string" ? [] : Object.keys(text)))),
  ];
  const main = asMap(first, locales);
  const rest = others.map((other) => asMap(other, locales));
  return Object.fromEntries(
    locales.map((locale) => [
      locale,
      listOthers(
        main[locale] ?? "",
        rest.map((other) => other[locale] ?? ""),
      ),
    ]),
  );
}

/** One code as read from the source, with every wording the source gives it. */
interface Row<Extra> {
  readonly code: CodeValue;
  readonly description: TextDocument;
  readonly extra: Extra;
}

/**
 * Groups rows by code in first-seen order. With `resolve`, each group becomes one row: the first
 * text, the others listed after it, and one `merged` resolution. Without, rows stay as they are.
 */
export function mergeByCode<Extra>(
  rows: readonly Row<Extra>[],
  where: string,
  resolve: boolean,
  report: (r: Resolution) => void,
  removedPerExtra = 1,
): Row<Extra>[] {
  if (!resolve) return [...rows];
  const groups = new Map<CodeValue, Row<Extra>[]>();
  for (const row of rows) groups.set(row.code, [...(groups.get(row.code) ?? []), row]);
  return [...groups.values()].map((group) => {
    const [first, ...others] = group as [Row<Extra>, ...Row<Extra>[]];
    if (others.length === 0) return first;
    const description = withAlternatives(
      first.description,
      others.map((other) => other.description),
    );
    report({
      kind: "merged",
      where: `${where} ${show(first.code)}`,
      detail: `${group.length} entries for one code: kept the first text, ${others.length} other wording(s) listed in its description`,
      removed: others.length * removedPerExtra,
    });
    return { ...first, description };
  });
}

function readJson<T>(dataDir: string, file: string): T {
  return JSON.parse(readFileSync(join(dataDir, file), "utf8")) as T;
}

/** A plain text, or a locale map when the locales differ. */
function bilingual(en: string | undefined, zh: string): TextDocument {
  return en === undefined || en === "" || en === zh ? zh : { en, zh };
}

/** A short title from a description: its first clause, or its first 40 characters. */
export function shortTitle(description: string): string {
  const text = description.trim().replace(/\s+/g, " ");
  const clause = text.split(/[，。；;：:！？!?（(]|,\s|\.\s/)[0]?.trim() ?? "";
  if (clause !== "" && [...clause].length <= 40) return clause;
  const chars = [...text];
  return chars.length <= 40 ? text : `${chars.slice(0, 40).join("").trimEnd()}…`;
}

function countRemoved(resolutions: readonly Resolution[]): number {
  return resolutions.reduce((sum, resolution) => sum + resolution.removed, 0);
}

// ---------------------------------------------------------------------------------------------
// Tencent Cloud API 2.0: numeric codes, module codes in the message
// ---------------------------------------------------------------------------------------------

interface V2CommonRow {
  code: string;
  codeNumeric: number | null;
  type: string;
  description: string;
  typeEn: string;
  descriptionEn: string;
}

interface V2ModuleRow {
  module: string;
  code: string;
  codeNumeric: number | null;
  description: string;
  codeDesc?: string;
  otherDescriptions?: string[];
  allCodeDescs?: string[];
}

interface V2RawRow {
  module: string;
  moduleName?: string;
}

/** API 2.0 common codes: 4xxx the caller's fault, 5xxx and 6xxx the service's. */
export function v2Fault(code: number): Fault {
  return code < 5000 ? "client" : "server";
}

/** Retryable: the quota refills (4400), or the documentation says to try again later. */
export function v2Retryable(code: number, descriptionEn: string): boolean {
  return code === 4400 || /try again later/i.test(descriptionEn);
}

export interface V2Options {
  /** Merge the wordings of one (module, code) into one entry (default). Off: one entry per wording. */
  readonly resolveDuplicates?: boolean;
}

/**
 * `tencent-v2-common-errors.json` + `tencent-v2-module-errors-by-code.json`: integer codes in
 * `code`, module codes in the message as `(100004) text` (errcat's default pattern), en and zh.
 */
export function convertV2(dataDir: string = DEFAULT_DATA, options: V2Options = {}): ConvertedCatalog {
  const resolveDuplicates = options.resolveDuplicates ?? true;
  const resolutions: Resolution[] = [];
  const report = (resolution: Resolution) => resolutions.push(resolution);
  const commonRows = readJson<V2CommonRow[]>(dataDir, "tencent-v2-common-errors.json");
  const moduleRows = readJson<V2ModuleRow[]>(dataDir, "tencent-v2-module-errors-by-code.json");
  const rawRows = readJson<V2RawRow[]>(dataDir, "tencent-v2-module-errors.json");

  const commonEntries = commonRows.flatMap((row) => {
    if (row.codeNumeric === null) {
      report({ kind: "dropped", where: `common ${row.code}`, detail: "the code is not an integer", removed: 1 });
      return [];
    }
    return [row as V2CommonRow & { codeNumeric: number }];
  });
  const commonNames = uniqueNames(
    commonEntries.map((row) => ({
      code: row.codeNumeric,
      base: nameFromCode(row.typeEn.replace(/^The\s+/i, "")) ?? nameFromNumber(row.codeNumeric),
    })),
    "common",
    report,
  );
  const common: CommonCodeDocument[] = commonEntries.map((row, index) => ({
    code: row.codeNumeric,
    name: commonNames[index] ?? "",
    type: { en: row.typeEn, zh: row.type },
    description: { en: row.descriptionEn, zh: row.description },
    fault: v2Fault(row.codeNumeric),
    ...(v2Retryable(row.codeNumeric, row.descriptionEn) ? { retryable: true } : {}),
  }));

  // The product name of each module: the name its pages use most.
  const titleVotes = new Map<string, Map<string, number>>();
  for (const row of rawRows) {
    if (row.moduleName === undefined) continue;
    const votes = titleVotes.get(row.module) ?? new Map<string, number>();
    votes.set(row.moduleName, (votes.get(row.moduleName) ?? 0) + 1);
    titleVotes.set(row.module, votes);
  }
  const titleOf = (module: string) =>
    [...(titleVotes.get(module) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]?.[0];

  const byModule = new Map<string, V2ModuleRow[]>();
  for (const row of moduleRows) byModule.set(row.module, [...(byModule.get(row.module) ?? []), row]);
  const modules: ModuleDocument[] = [...byModule].map(([module, rows]) => {
    const numeric = rows.flatMap((row) => {
      if (row.codeNumeric !== null && Number.isSafeInteger(row.codeNumeric)) return [{ ...row, code: row.codeNumeric }];
      report({
        kind: "dropped",
        where: `${module} ${JSON.stringify(row.code)}`,
        detail: "not an integer: API 2.0 module codes are parsed out of the message as integers",
        removed: 1,
      });
      return [];
    });
    // Every wording of a code is a row of its own; merging folds them back into one entry.
    const variants = numeric.flatMap((row) => {
      const codeDescs = row.allCodeDescs ?? (row.codeDesc === undefined ? [] : [row.codeDesc]);
      const otherNames = codeDescs.filter((codeDesc) => codeDesc !== row.codeDesc);
      if (otherNames.length > 0) {
        report({
          kind: "merged",
          where: `${module} ${row.code}`,
          detail: `${codeDescs.length} codeDescs for one code: named after ${row.codeDesc}, the others listed in its description`,
          removed: 0,
        });
      }
      const extra = { codeDesc: row.codeDesc, otherNames };
      return [row.description, ...(row.otherDescriptions ?? [])].map((description) => ({
        code: row.code,
        description,
        extra,
      }));
    });
    const merged = mergeByCode(variants, module, resolveDuplicates, report, 0);
    // Names are made unique per code either way: unresolved, the variants of a code share its name,
    // so that errcat's report is about duplicate codes only.
    const distinct = resolveDuplicates ? merged : mergeByCode(variants, module, true, () => {}, 0);
    const names = uniqueNames(
      distinct.map((row) => ({
        code: row.code,
        base:
          (row.extra.codeDesc === undefined ? undefined : nameFromCode(row.extra.codeDesc)) ??
          nameFromNumber(row.code as number),
      })),
      module,
      report,
    );
    const nameOf = new Map(distinct.map((row, index) => [row.code, names[index] ?? ""]));
    const title = titleOf(module);
    return {
      name: module,
      ...(title === undefined ? {} : { title }),
      codes: merged.map(
        (row): ModuleCodeDocument => ({
          code: row.code,
          name: nameOf.get(row.code) ?? "",
          description:
            row.extra.otherNames.length === 0 || typeof row.description !== "string"
              ? row.description
              : `${row.description} (also named: ${row.extra.otherNames.join(", ")})`,
        }),
      ),
    };
  });

  const catalog: CatalogDocument = {
    format: 1,
    title: { en: "Tencent Cloud API 2.0 error codes", zh: "腾讯云 API 2.0 错误码" },
    locales: ["en", "zh"],
    defaultLocale: "en",
    success: 0,
    common,
    moduleErrors: { modules },
  };
  const moduleCodes = modules.reduce((sum, module) => sum + module.codes.length, 0);
  return {
    id: resolveDuplicates ? "v2" : "v2-unresolved",
    files: new Map([[CATALOG_FILE, catalog]]),
    stats: { input: moduleRows.length, common: common.length, modules: modules.length, moduleCodes, files: 1 },
    resolutions,
  };
}

// ---------------------------------------------------------------------------------------------
// Tencent Cloud API 3.0: dotted string codes in Response.Error.Code, modules per product-version
// ---------------------------------------------------------------------------------------------

interface V3CommonRow {
  code: string;
  description: string;
  descriptionEn: string;
}

interface V3Row {
  product: string;
  version: string;
  code: string;
  description: string;
  descriptionEn?: string;
}

/** The service's fault: it failed or has no capacity; everything else the caller must change. */
const V3_SERVER = /^(InternalError|ServiceUnavailable|ResourceUnavailable|ResourceInsufficient|FailedOperation)(\.|$)/;
/** Worth sending again later: a transient failure, or a rate limit that refills. */
const V3_RETRYABLE = /^(InternalError|ServiceUnavailable|RequestLimitExceeded)(\.|$)/;

/**
 * `tencent-v3-common-errors.json` + `tencent-v3-errors.json`: dotted string codes in a nested
 * envelope, success when `Response.Error` is absent, module codes in the code field, one module
 * per product-version, one included file per product.
 */
export function convertV3(dataDir: string = DEFAULT_DATA): ConvertedCatalog {
  const resolutions: Resolution[] = [];
  const report = (resolution: Resolution) => resolutions.push(resolution);
  const commonRows = readJson<V3CommonRow[]>(dataDir, "tencent-v3-common-errors.json");
  const rows = readJson<V3Row[]>(dataDir, "tencent-v3-errors.json");

  const validCommon = commonRows.filter((row) => {
    if (CODE_PATTERN.test(row.code)) return true;
    report({ kind: "dropped", where: `common ${JSON.stringify(row.code)}`, detail: "not a valid code", removed: 1 });
    return false;
  });
  const commonMerged = mergeByCode(
    validCommon.map((row) => {
      if (row.descriptionEn === "") {
        report({
          kind: "fallback",
          where: `common ${row.code}`,
          detail: "no English text: the zh text stands in",
          removed: 0,
        });
      }
      return { code: row.code, description: bilingual(row.descriptionEn, row.description), extra: undefined };
    }),
    "common",
    true,
    report,
  );
  const commonNames = uniqueNames(
    commonMerged.map((row) => ({ code: row.code, base: nameFromCode(String(row.code)) ?? "" })),
    "common",
    report,
  );
  const common: CommonCodeDocument[] = commonMerged.map((row, index) => {
    const code = String(row.code);
    const derived = nameFromCode(code);
    return {
      code,
      ...(commonNames[index] === derived ? {} : { name: commonNames[index] ?? "" }),
      description: row.description,
      fault: V3_SERVER.test(code) ? "server" : "client",
      ...(V3_RETRYABLE.test(code) ? { retryable: true } : {}),
    };
  });

  const byModule = new Map<string, { product: string; rows: V3Row[] }>();
  for (const row of rows) {
    const id = `${row.product}-${row.version}`;
    const entry = byModule.get(id) ?? { product: row.product, rows: [] };
    entry.rows.push(row);
    byModule.set(id, entry);
  }
  const byProduct = new Map<string, ModuleDocument[]>();
  for (const [id, { product, rows: moduleRows }] of byModule) {
    const valid = moduleRows.filter((row) => {
      if (CODE_PATTERN.test(row.code)) return true;
      report({ kind: "dropped", where: `${id} ${JSON.stringify(row.code)}`, detail: "not a valid code", removed: 1 });
      return false;
    });
    const missingEn: string[] = [];
    const emptyEn: string[] = [];
    const merged = mergeByCode(
      valid.map((row) => {
        if (row.descriptionEn === undefined) missingEn.push(row.code);
        else if (row.descriptionEn === "") emptyEn.push(row.code);
        return { code: row.code, description: bilingual(row.descriptionEn, row.description), extra: undefined };
      }),
      id,
      true,
      report,
    );
    if (missingEn.length + emptyEn.length > 0) {
      const list = (codes: string[], what: string) => (codes.length === 0 ? [] : [`${codes.length} ${what}`]);
      report({
        kind: "fallback",
        where: id,
        detail:
          `${[...list(missingEn, "without an English text"), ...list(emptyEn, "with an empty English text")].join(", ")}: ` +
          `the zh text stands for both locales (${[...missingEn, ...emptyEn].join(", ")})`,
        removed: 0,
      });
    }
    const names = uniqueNames(
      merged.map((row) => ({ code: row.code, base: nameFromCode(String(row.code)) ?? "Code" })),
      id,
      report,
    );
    const module: ModuleDocument = {
      name: id,
      title: `${product} ${id.slice(product.length + 1)}`,
      codes: merged.map((row, index) => {
        const derived = nameFromCode(String(row.code));
        const name = names[index] ?? "";
        return { code: row.code, ...(name === derived ? {} : { name }), description: row.description };
      }),
    };
    byProduct.set(product, [...(byProduct.get(product) ?? []), module]);
  }

  const catalog: CatalogDocument = {
    format: 1,
    title: { en: "Tencent Cloud API 3.0 error codes", zh: "腾讯云 API 3.0 错误码" },
    locales: ["en", "zh"],
    defaultLocale: "en",
    success: { absent: "Response.Error" },
    envelope: { code: "Response.Error.Code", message: "Response.Error.Message", requestId: "Response.RequestId" },
    common,
    moduleErrors: { in: "code" },
    include: ["modules/*.yaml"],
  };
  const files = new Map<string, unknown>([[CATALOG_FILE, catalog]]);
  for (const [product, modules] of byProduct) files.set(`modules/${product}.yaml`, { modules });
  const modules = [...byProduct.values()].flat();
  return {
    id: "v3",
    files,
    stats: {
      input: rows.length,
      common: common.length,
      modules: modules.length,
      moduleCodes: modules.reduce((sum, module) => sum + module.codes.length, 0),
      files: files.size,
    },
    resolutions,
  };
}

// ---------------------------------------------------------------------------------------------
// WeChat: flat errcode/errmsg, one catalog per platform, every code a common code
// ---------------------------------------------------------------------------------------------

interface WechatRow {
  platform: WechatPlatform;
  code: number;
  description: string;
  javaConst: string;
}

const WECHAT_TITLES: Record<WechatPlatform, string> = {
  mp: "WeChat Official Accounts",
  cp: "WeCom",
  ma: "WeChat Mini Programs",
  open: "WeChat Open Platform",
  channel: "WeChat Channels shop",
};

/** The service failed: it says so (busy, system error, internal error, server unavailable). */
const WECHAT_SERVER =
  /系统繁忙|系统错误|系统异常|系统内部错误|内部错误|服务器|服务暂不可用|服务不可用|系统不稳定|系统失败/;
/** Sending again later may succeed: it says to retry later, or it is busy or a rate limit. */
const WECHAT_RETRYABLE = /稍[后候]|可重试|繁忙|频率|频繁|不稳定/;

/** Keyword heuristics on the (Chinese) description: whose fault, and whether to retry. */
export function wechatFault(description: string): { fault: Fault; retryable: boolean } {
  return {
    fault: WECHAT_SERVER.test(description) ? "server" : "client",
    retryable: WECHAT_RETRYABLE.test(description),
  };
}

/** The name of a WeChat code: its Java constant made PascalCase, unless that names another number. */
export function wechatName(row: { code: number; javaConst: string }): { name: string; why?: string } {
  const numbered = /^CODE_(MINUS_)?(\d+)$/.exec(row.javaConst);
  if (numbered) {
    const value = Number(numbered[2]) * (numbered[1] ? -1 : 1);
    if (value !== row.code) {
      return {
        name: nameFromNumber(row.code),
        why: `the Java constant ${row.javaConst} names ${value}, not ${row.code}`,
      };
    }
  }
  return { name: nameFromCode(row.javaConst) ?? nameFromNumber(row.code) };
}

/** The platform whose catalog uses `output.enumStyle: const`, so that both styles meet real data. */
export const WECHAT_CONST_PLATFORM: WechatPlatform = "cp";

/** `wechat-errcodes.json`: one catalog per platform, flat `errcode`/`errmsg`, success 0. */
export function convertWechat(dataDir: string = DEFAULT_DATA): ConvertedCatalog[] {
  const rows = readJson<WechatRow[]>(dataDir, "wechat-errcodes.json");
  return WECHAT_PLATFORMS.map((platform) => {
    const resolutions: Resolution[] = [];
    const report = (resolution: Resolution) => resolutions.push(resolution);
    const platformRows = rows.filter((row) => row.platform === platform);
    const errors = platformRows.filter((row) => {
      if (row.code !== 0) return true;
      report({ kind: "dropped", where: "0", detail: "0 is the success code, not an error", removed: 1 });
      return false;
    });
    const merged = mergeByCode(
      errors.map((row) => ({ code: row.code, description: row.description, extra: row })),
      platform,
      true,
      report,
    );
    const names = uniqueNames(
      merged.map((row) => {
        const { name, why } = wechatName(row.extra);
        if (why !== undefined)
          report({ kind: "renamed", where: String(row.code), detail: `${why}; named ${name}`, removed: 0 });
        return { code: row.code, base: name };
      }),
      platform,
      report,
    );
    const common: CommonCodeDocument[] = merged.map((row, index) => {
      const text = row.description as string;
      const { fault, retryable } = wechatFault(text);
      return {
        code: row.code,
        name: names[index] ?? "",
        type: shortTitle(row.extra.description),
        description: text,
        fault,
        ...(retryable ? { retryable: true } : {}),
      };
    });
    const catalog: CatalogDocument = {
      format: 1,
      title: `${WECHAT_TITLES[platform]} (${platform}) errcode`,
      locales: ["zh"],
      defaultLocale: "zh",
      success: 0,
      envelope: { code: "errcode", message: "errmsg" },
      common,
      ...(platform === WECHAT_CONST_PLATFORM ? { output: { enumStyle: "const" as const } } : {}),
    };
    return {
      id: `wechat-${platform}`,
      files: new Map([[CATALOG_FILE, catalog]]),
      stats: { input: platformRows.length, common: common.length, modules: 0, moduleCodes: 0, files: 1 },
      resolutions,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// WeChat Pay v2: string codes in err_code, one module per API group
// ---------------------------------------------------------------------------------------------

interface WechatPayRow {
  group: string;
  code: string;
  javaConst: string;
  description: string;
}

const PAY_SERVER = /^(SYSTEMERROR|BIZERR_NEED_RETRY|ERROR)$/;
const PAY_RETRYABLE = /^(SYSTEMERROR|BIZERR_NEED_RETRY|FREQUENCY_LIMITED|INVALID_REQ_TOO_MUCH)$/;

/**
 * `wechat-pay-errors.json`: every distinct code is a common code (the first group's text, the
 * others listed after it), each API group a module listing its own codes with its own texts.
 */
export function convertWechatPay(dataDir: string = DEFAULT_DATA): ConvertedCatalog {
  const resolutions: Resolution[] = [];
  const report = (resolution: Resolution) => resolutions.push(resolution);
  const rows = readJson<WechatPayRow[]>(dataDir, "wechat-pay-errors.json");
  const valid = rows.filter((row) => {
    if (CODE_PATTERN.test(row.code)) return true;
    report({
      kind: "dropped",
      where: `${row.group} ${JSON.stringify(row.code)}`,
      detail: "errcat codes are printable ASCII without spaces",
      removed: 1,
    });
    return false;
  });
  // The common list is a second view of the rows: merging there removes no row from the modules.
  const commonMerged = mergeByCode(
    valid.map((row) => ({ code: row.code, description: row.description, extra: row })),
    "common",
    true,
    report,
    0,
  );
  const commonNames = uniqueNames(
    commonMerged.map((row) => ({ code: row.code, base: nameFromCode(row.extra.javaConst) ?? "Code" })),
    "common",
    report,
  );
  const common: CommonCodeDocument[] = commonMerged.map((row, index) => ({
    code: row.code,
    name: commonNames[index] ?? "",
    type: shortTitle(row.extra.description.replace(/[.。]\s*$/, "")),
    description: row.description,
    fault: PAY_SERVER.test(String(row.code)) ? "server" : "client",
    ...(PAY_RETRYABLE.test(String(row.code)) ? { retryable: true } : {}),
  }));
  const groups = new Map<string, WechatPayRow[]>();
  for (const row of valid) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  const modules: ModuleDocument[] = [...groups].map(([group, groupRows]) => {
    const id = group[0]?.toLowerCase() + group.slice(1);
    const merged = mergeByCode(
      groupRows.map((row) => ({ code: row.code, description: row.description, extra: row })),
      id,
      true,
      report,
    );
    const names = uniqueNames(
      merged.map((row) => ({ code: row.code, base: nameFromCode(row.extra.javaConst) ?? "Code" })),
      id,
      report,
    );
    return {
      name: id,
      title: group,
      codes: merged.map((row, index) => ({ code: row.code, name: names[index] ?? "", description: row.description })),
    };
  });
  const catalog: CatalogDocument = {
    format: 1,
    title: "WeChat Pay v2 error codes",
    locales: ["zh"],
    defaultLocale: "zh",
    success: { absent: "err_code" },
    envelope: { code: "err_code", message: "err_code_des" },
    common,
    moduleErrors: { in: "code", modules },
  };
  return {
    id: "wechat-pay",
    files: new Map([[CATALOG_FILE, catalog]]),
    stats: {
      input: rows.length,
      common: common.length,
      modules: modules.length,
      moduleCodes: modules.reduce((sum, module) => sum + module.codes.length, 0),
      files: 1,
    },
    resolutions,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing, reporting, the command line
// ---------------------------------------------------------------------------------------------

/** Converts one source (wechat gives one catalog per platform). */
export function convert(which: Which, dataDir: string = DEFAULT_DATA, options: V2Options = {}): ConvertedCatalog[] {
  switch (which) {
    case "v2":
      return [convertV2(dataDir, options)];
    case "v3":
      return [convertV3(dataDir)];
    case "wechat":
      return convertWechat(dataDir);
    case "wechat-pay":
      return [convertWechatPay(dataDir)];
  }
}

/** Writes a converted catalog's files into `dir` as YAML; returns the catalog's path. */
export function writeConverted(converted: ConvertedCatalog, dir: string): string {
  for (const [path, doc] of converted.files) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    // `stringify` quotes whatever needs quoting; lineWidth 0 keeps each text on one line.
    writeFileSync(file, stringify(doc, { lineWidth: 0 }));
  }
  return join(dir, CATALOG_FILE);
}

/** Codes in the output, and input rows accounted for: input = kept + removed by resolutions. */
export function accounting(converted: ConvertedCatalog): { kept: number; removed: number; input: number } {
  const { stats } = converted;
  const kept = stats.modules > 0 ? stats.moduleCodes : stats.common;
  return { kept, removed: countRemoved(converted.resolutions), input: stats.input };
}

/** Resolutions counted by kind. */
export function countByKind(resolutions: readonly Resolution[]): Record<ResolutionKind, number> {
  const counts = Object.fromEntries(RESOLUTION_KINDS.map((kind) => [kind, 0])) as Record<ResolutionKind, number>;
  for (const resolution of resolutions) counts[resolution.kind]++;
  return counts;
}

/** One line per resolution: `[v2] merged   cdb 9590: …`. */
export function resolutionLines(converted: ConvertedCatalog): string[] {
  return converted.resolutions.map(
    (resolution) => `[${converted.id}] ${resolution.kind.padEnd(8)} ${resolution.where}: ${resolution.detail}`,
  );
}

/** The summary table: codes, modules and resolutions by kind, per catalog. */
export function summary(catalogs: readonly ConvertedCatalog[]): string {
  const header = ["catalog", "input rows", "common", "modules", "module codes", "files", ...RESOLUTION_KINDS];
  const rows = catalogs.map((converted) => {
    const counts = countByKind(converted.resolutions);
    const { stats } = converted;
    return [
      converted.id,
      stats.input,
      stats.common,
      stats.modules,
      stats.moduleCodes,
      stats.files,
      ...RESOLUTION_KINDS.map((kind) => counts[kind]),
    ].map(String);
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

function main(args: readonly string[]): number {
  const flags = new Set(args.filter((arg) => arg.startsWith("--") && arg !== "--data"));
  const dataAt = args.indexOf("--data");
  const dataDir = dataAt >= 0 ? resolve(args[dataAt + 1] ?? "") : DEFAULT_DATA;
  const positional = args.filter((arg, index) => !arg.startsWith("--") && (dataAt < 0 || index !== dataAt + 1));
  const [which, outDir] = positional;
  const valid = [...WHICH, "all"];
  if (which === undefined || outDir === undefined || !valid.includes(which)) {
    process.stderr.write(
      `usage: tsx test/real/convert.ts <${valid.join("|")}> <outDir> [--data DIR] [--unresolved] [--quiet]\n`,
    );
    return 2;
  }
  const options = { resolveDuplicates: !flags.has("--unresolved") };
  const catalogs = (which === "all" ? WHICH : [which as Which]).flatMap((one) => convert(one, dataDir, options));
  for (const converted of catalogs) {
    const path = writeConverted(converted, join(outDir, converted.id));
    if (!flags.has("--quiet")) for (const line of resolutionLines(converted)) process.stdout.write(`${line}\n`);
    process.stdout.write(`wrote ${path}\n`);
  }
  process.stdout.write(`\n${summary(catalogs)}\n`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

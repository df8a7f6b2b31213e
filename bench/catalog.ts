import { stringify } from "yaml";
import {
  EN_ADVICE,
  EN_STATES,
  EN_SUBJECTS,
  NOUNS,
  PROBLEMS,
  QUALIFIERS,
  SERVICES,
  ZH_ADVICE,
  ZH_STATES,
  ZH_SUBJECTS,
} from "./words.js";

/** A small, fast PRNG: the same seed gives the same catalog, so runs on different commits compare. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/**
 * The default catalog's 16 common codes (code, name, type, fault, retryable), copied rather than
 * read so that edits to the default catalog do not change what the bench measures.
 */
const COMMON: readonly [number, string, string, "client" | "server", boolean][] = [
  [4000, "InvalidParameter", "Invalid request parameter", "client", false],
  [4100, "AuthenticationFailed", "Authentication failed", "client", false],
  [4200, "RequestExpired", "Request expired", "client", false],
  [4300, "AccessDenied", "Access denied", "client", false],
  [4400, "QuotaExceeded", "Quota exceed", "client", true],
  [4500, "ReplayAttack", "Replay attack", "client", false],
  [4600, "ProtocolNotSupported", "Protocol is not supported", "client", false],
  [5000, "ResourceNotFound", "Resource does not exist", "client", false],
  [5100, "ResourceOperationFailed", "Resource operation failed", "server", true],
  [5200, "ResourcePurchaseFailed", "Failed to purchase resource", "server", false],
  [5300, "InsufficientBalance", "Failed to purchase resource", "client", false],
  [5400, "PartialSuccess", "Part of operations performed successfully", "server", false],
  [5500, "IdentityVerificationFailed", "User failed to pass identity verification", "client", false],
  [6000, "InternalError", "Internal server error", "server", true],
  [6100, "VersionNotSupported", "Not supported by the version", "client", false],
  [6200, "ApiUnavailable", "API is temporarily unavailable", "server", true],
];

const PATTERN = {
  name: "parenthesized",
  regex: String.raw`^\((?<code>-?\d+)\)\s*(?<text>[\s\S]*)$`,
  examples: [{ message: "(100004) incorrect projectId", code: 100004, text: "incorrect projectId" }],
};

/** A description of one code: English, or (one in three) Chinese, 30–200 characters. */
function description(random: Random, index: number): string {
  if (index % 3 === 2) return `${pick(random, ZH_SUBJECTS)}${pick(random, ZH_STATES)}，${pick(random, ZH_ADVICE)}`;
  const advice = pick(random, EN_ADVICE);
  return `${pick(random, EN_SUBJECTS)} ${pick(random, EN_STATES)}${advice === "" ? "" : `; ${advice}`}`;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Module ids in the shapes catalogs use: `storage`, `storageBox`, `face-pay`, `cvm-v20170312`. */
function moduleIds(random: Random, count: number): string[] {
  const ids: string[] = [];
  const stems = new Set<string>();
  for (let attempt = 0; ids.length < count; attempt++) {
    const service = pick(random, SERVICES);
    const qualifier = pick(random, QUALIFIERS);
    const shape = attempt % 4;
    const id =
      shape === 0
        ? `${service}${capitalize(qualifier)}`
        : shape === 1
          ? `${service}-${qualifier}`
          : shape === 2
            ? `${service}-v${20170312 + attempt}`
            : `${service}${capitalize(qualifier)}${attempt}`;
    // Ids that differ only in case or separators would share a file: keep the first.
    const stem = id.replace(/[-_]/g, "").toLowerCase();
    if (stems.has(stem)) continue;
    stems.add(stem);
    ids.push(id);
  }
  return ids;
}

/**
 * How many codes each module gets: uneven, as in real catalogs, at least one each, `total` in all.
 * Needs `total >= modules`: fewer codes than modules cannot give each module one.
 */
export function spread(random: Random, total: number, modules: number): number[] {
  if (!Number.isInteger(total) || !Number.isInteger(modules) || modules < 1 || total < modules) {
    throw new RangeError(`cannot spread ${total} codes over ${modules} modules with at least one code each`);
  }
  const weights = Array.from({ length: modules }, () => 0.1 + random() ** 2 * 3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((weight) => Math.max(1, Math.floor((weight / sum) * total)));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let index = 0; left !== 0; index = (index + 1) % modules) {
    const step = left > 0 ? 1 : -1;
    if (step < 0 && (counts[index] ?? 0) <= 1) continue;
    counts[index] = (counts[index] ?? 0) + step;
    left -= step;
  }
  return counts;
}

export interface SyntheticCatalog {
  readonly yaml: string;
  /** Module ids with their code names and codes, in catalog order, for the runtime and bundle checks. */
  readonly modules: readonly { id: string; names: string[]; codes: number[]; descriptions: string[] }[];
}

/**
 * A catalog of `total` module codes over `moduleCount` modules (over `total` modules of one code each
 * when there are fewer codes than modules), plus the default catalog's 16 common codes and its
 * pattern. Deterministic: the same arguments give the same bytes.
 */
export function syntheticCatalog(total: number, modulesWanted = 300, seed = 20240601): SyntheticCatalog {
  // Every module holds at least one code: fewer codes than modules means fewer modules.
  const moduleCount = Math.max(1, Math.min(modulesWanted, total));
  const random = mulberry32(seed + total);
  const modulesUsed = Math.min(moduleCount, total);
  const ids = moduleIds(random, modulesUsed);
  const counts = spread(random, total, modulesUsed);
  const spacing = Math.ceil((Math.max(...counts) + 1) / 1000) * 1000;
  let codeIndex = 0;
  const modules = ids.map((id, moduleIndex) => {
    const count = counts[moduleIndex] ?? 1;
    // One module in ten uses negative codes, as some services do (`(-30001)bucket name taken`).
    const sign = moduleIndex % 10 === 9 ? -1 : 1;
    const first = 100000 + moduleIndex * spacing;
    const seen = new Set<string>();
    const codes = Array.from({ length: count }, (_, index) => {
      let name = `${pick(random, NOUNS)}${pick(random, PROBLEMS)}`;
      if (seen.has(name)) name = `${name}${index}`;
      seen.add(name);
      return { code: sign * (first + index + 1), name, description: description(random, codeIndex++) };
    });
    const title = id.split(/[-_]|(?=[A-Z])/).join(" ");
    return { name: id, title: capitalize(title), codes };
  });
  const doc = {
    format: 1,
    // One title for every size: it becomes CATALOG_ID, which every guard bundle carries.
    title: "Synthetic API error codes",
    success: 0,
    common: COMMON.map(([code, name, type, fault, retryable]) => ({
      code,
      name,
      type,
      description: `${type}. See the message field for details; ${retryable ? "try again later" : "fix the request first"}.`,
      fault,
      ...(retryable ? { retryable } : {}),
    })),
    moduleErrors: { patterns: [PATTERN], modules },
  };
  return {
    yaml: stringify(doc, { lineWidth: 0 }),
    modules: modules.map((module) => ({
      id: module.name,
      names: module.codes.map((code) => code.name),
      codes: module.codes.map((code) => code.code),
      descriptions: module.codes.map((code) => code.description),
    })),
  };
}

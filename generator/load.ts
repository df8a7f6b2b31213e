import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, parseDocument, type Scalar } from "yaml";
import { type EditBase, editBase, reparseEdit } from "./incremental.js";
import { RestParse } from "./parse-thread.js";
import { CatalogError, fromPointer, type Location, type Problem, toPointer } from "./problems.js";
import { type Joined, joinParts, parseHead, planSplit, type SplitPlan } from "./split-parse.js";
import { PARSE_OPTIONS, plain, syntaxProblems } from "./yaml-errors.js";

/** Catalogs larger than this are refused before parsing: real catalogs run to a few MB. */
export const MAX_CATALOG_BYTES = 32 * 1024 * 1024;

/** A parsed catalog file that can point back into its own text. */
export interface LoadedCatalog {
  /** The path as the user gave it, used in every message. */
  readonly file: string;
  /** The document as plain data. */
  readonly data: unknown;
  /** The SHA-256 of the bytes parsed (hex), for files read from disk; the manifest records it. */
  readonly sha256?: string;
  /** Where the value (or, with `key`, the key) at a JSON pointer starts; the nearest parent when absent. */
  locate(pointer: string, options?: { key?: boolean }): Location;
  /** What an edit of this file can be reparsed against (see {@link reparseCatalogFile}), when it can be. */
  readonly editBase?: () => EditBase | undefined;
}

/**
 * Reads and parses one catalog file. Throws a {@link CatalogError} for an unreadable, oversized,
 * binary or syntactically broken file, with positions that stay right for BOM and CRLF files.
 */
export function loadCatalog(file: string): LoadedCatalog {
  return parseCatalogFile(readCatalogFile(file));
}

/** A catalog file's bytes, read but not parsed, and their SHA-256. */
export interface CatalogFile {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** Reads a catalog file's bytes; throws a {@link CatalogError} for a missing, unreadable or oversized file. */
export function readCatalogFile(file: string): CatalogFile {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw fileProblem(file, "not a file");
    size = stat.size;
  } catch (error) {
    if (error instanceof CatalogError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reasons: Record<string, string> = {
      ENOENT: "no such file",
      EACCES: "permission denied",
      ELOOP: "too many symbolic links",
    };
    throw fileProblem(file, `cannot read the catalog: ${reasons[code] ?? String(error)} (${code})`);
  }
  if (size > MAX_CATALOG_BYTES) {
    throw fileProblem(file, `the catalog is ${size} bytes; the limit is ${MAX_CATALOG_BYTES} bytes (32 MiB)`);
  }
  const bytes = readFileSync(file);
  return { file, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/**
 * Parses bytes {@link readCatalogFile} read. With `threads`, a large file is parsed on two threads
 * where that gives the same data (see `split-parse.ts`); the result then has no {@link LoadedCatalog.editBase}.
 */
export function parseCatalogFile(
  { file, bytes, sha256 }: CatalogFile,
  options: { threads?: boolean } = {},
): LoadedCatalog {
  const text = decode(bytes, (message) => fileProblem(file, message));
  const loaded = (options.threads ? parseOnTwoThreads(file, text) : undefined) ?? parseCatalogText(file, text);
  return { ...loaded, sha256 };
}

function fileProblem(file: string, message: string): CatalogError {
  return new CatalogError([{ message, location: { file, line: 1, col: 1, pointer: "" } }]);
}

function decode(bytes: Uint8Array, here: (message: string) => CatalogError): string {
  // `isUtf8` checks the bytes at memory speed; only valid UTF-8 is decoded.
  if (!isUtf8(bytes)) throw here("the catalog is not UTF-8 text");
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (text.includes("\0")) throw here("the catalog is not text: it contains NUL bytes");
  return text;
}

/** Parses catalog text (without reading a file); `file` is only used in locations. */
export function parseCatalogText(file: string, source: string): LoadedCatalog {
  const text = withoutBom(source);
  const doc = parseDocument(text, PARSE_OPTIONS);
  const position = linePositions(text);
  const at = (message: string, offset: number, pointer = ""): Problem => ({
    message,
    location: { file, ...position(offset), pointer },
  });
  const problems = syntaxProblems([...doc.errors, ...doc.warnings], text).map((problem) =>
    at(problem.message, problem.offset),
  );
  if (problems.length === 0)
    problems.push(...structureProblems(doc).map((problem) => at(problem.message, problem.offset, problem.pointer)));
  if (problems.length > 0) throw new CatalogError(problems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new CatalogError([at(plain((error as Error).message), 0)]);
  }
  return {
    file,
    data,
    locate(pointer, options = {}) {
      const node = findNode(doc.contents, fromPointer(pointer), options.key ?? false);
      const offset = node?.range?.[0] ?? 0;
      return { file, ...position(offset), pointer };
    },
    editBase: () => editBase(text, doc, data),
  };
}

/** A BOM is not content: positions count from the first character after it, as editors show them. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The head of a split text parsed here while a second thread parses the rest; undefined when the
 * text is not split, or either part has anything the whole parse must report or could read otherwise.
 */
function parseOnTwoThreads(file: string, source: string): LoadedCatalog | undefined {
  const text = withoutBom(source);
  const plan = planSplit(text);
  const thread = plan && RestParse.start(plan.rest);
  if (plan === undefined || thread === undefined) return undefined;
  try {
    const head = parseHead(plan.head, isSound);
    const rest = head && thread.data();
    const joined = head && rest && joinParts(head.data, rest, plan.token);
    if (head === undefined || joined === undefined) return undefined;
    return { file, data: joined.data, locate: splitLocator(file, text, plan, joined, head.doc) };
  } finally {
    thread.close();
  }
}

/**
 * Positions in a split text: from the head's tree, moved past the rest where they follow it, or from
 * a parse of the rest alone, made when a pointer into it is first asked for.
 */
function splitLocator(
  file: string,
  text: string,
  plan: SplitPlan,
  joined: Joined,
  head: Document,
): LoadedCatalog["locate"] {
  const position = linePositions(text);
  const { path, headItems } = joined;
  let rest: Document | undefined;
  return (pointer, options = {}) => {
    const segments = fromPointer(pointer);
    const index = Number(segments[path.length]);
    let offset: number;
    if (segments.length > path.length && path.every((segment, at) => segments[at] === segment) && index >= headItems) {
      rest ??= parseDocument(plan.rest, PARSE_OPTIONS);
      const inRest = [String(index - headItems), ...segments.slice(path.length + 1)];
      offset = plan.restStart + (findNode(rest.contents, inRest, options.key ?? false)?.range?.[0] ?? 0);
    } else {
      const at = findNode(head.contents, segments, options.key ?? false)?.range?.[0] ?? 0;
      const placeholderEnd = plan.restStart + plan.placeholderLine.length;
      if (at < plan.restStart) offset = at;
      else if (at < placeholderEnd) offset = plan.restStart;
      else offset = at - placeholderEnd + plan.restEnd;
    }
    return { file, ...position(offset), pointer };
  };
}

/**
 * A catalog file read again after an edit, reparsing only the list item the edit is in (a module, a
 * code) against `previous`, the last parse of the same file; undefined where that cannot be done
 * surely, for the caller to parse the whole file. Positions come from a whole parse, made when one is
 * first asked for: only a catalog with a problem pays for it.
 */
export function reparseCatalogFile(previous: LoadedCatalog, read: CatalogFile): LoadedCatalog | undefined {
  const base = previous.editBase?.();
  if (base === undefined) return undefined;
  let text: string;
  try {
    text = withoutBom(decode(read.bytes, (message) => fileProblem(read.file, message)));
  } catch {
    return undefined;
  }
  const edited = reparseEdit(base, text, isSound);
  if (edited === undefined) return undefined;
  let whole: LoadedCatalog | undefined;
  return {
    file: read.file,
    data: edited.data,
    sha256: read.sha256,
    locate(pointer, options) {
      whole ??= parseCatalogText(read.file, text);
      return whole.locate(pointer, options);
    },
    editBase: () => edited.base,
  };
}

/**
 * Line and column (1-based) of an offset, lines ending at `\n` as the `yaml` package counts them.
 * The line index is built on the first call: only a catalog with a problem pays for it.
 */
function linePositions(text: string): (offset: number) => { line: number; col: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, col: offset - (starts[low] ?? 0) + 1 };
  };
}

/** Walks down the YAML tree along `segments`; stops at the deepest node found. */
function findNode(root: unknown, segments: readonly string[], wantKey: boolean): Node | undefined {
  let node = root as Node | null | undefined;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) return node;
      if (last && wantKey) return pair.key as Node;
      node = (pair.value ?? pair.key) as Node;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined || item === null) return node;
      node = item as Node;
    } else {
      return node ?? undefined;
    }
  }
  return node ?? undefined;
}

/**
 * YAML reads `08006` as 8006, `0x1F` as 31, `1e3` as 1000 and `00000` as 0: a code written that way
 * would silently become another value. Only canonical decimal integers are numbers in a catalog.
 */
function numberProblem(scalar: Scalar): string | undefined {
  if (scalar.type !== "PLAIN" || typeof scalar.source !== "string") return undefined;
  const source = scalar.source;
  if (typeof scalar.value === "number" && Number.isInteger(scalar.value)) {
    if (/^-?(?:0|[1-9][0-9]*)$/.test(source) && !Object.is(scalar.value, -0)) return undefined;
    return `${source} is read as the integer ${scalar.value}, not as written: quote it if it is a code ("${source}"), or write ${scalar.value}`;
  }
  if (typeof scalar.value === "string" && /^[-+]?[0-9]+(?:_[0-9]+)+$/.test(source)) {
    return `${source} is read as a string, not a number: write ${source.replace(/_/g, "")}, or quote it if it is a code ("${source}")`;
  }
  return undefined;
}

/** Whether a parsed tree has none of the {@link structureProblems}: what a part or a reparse must be. */
export function isSound(doc: Document): boolean {
  return structureProblems(doc).length === 0;
}

/** What parses but cannot be a catalog: keys that are not plain names, aliases to no anchor. */
export function structureProblems(doc: Document): { message: string; offset: number; pointer?: string }[] {
  const problems: { message: string; offset: number; pointer?: string }[] = [];
  // A direct walk in document order (as `visit` goes, at a fraction of its cost on large files),
  // with one path pushed and popped rather than a copy per node.
  const path: string[] = [];
  const walk = (node: unknown): void => {
    // Scalars first: most nodes are.
    if (isScalar(node)) {
      const problem = numberProblem(node);
      if (problem) problems.push({ message: problem, offset: node.range?.[0] ?? 0, pointer: toPointer(path) });
    } else if (isMap(node)) {
      for (const item of node.items) walk(item);
    } else if (isSeq(node)) {
      const { items } = node;
      for (let index = 0; index < items.length; index++) {
        path.push(String(index));
        walk(items[index]);
        path.pop();
      }
    } else if (isPair(node)) {
      const key = node.key as Node | null;
      if (key === null || (isScalar(key) && key.value === null)) {
        const offset = key?.range?.[0] ?? (node.value as Node | null)?.range?.[0] ?? 0;
        problems.push({ message: "a key is missing or null: every key must be a name", offset });
      } else if (!isScalar(key)) {
        problems.push({ message: "a key must be a plain name, not a list or a mapping", offset: key.range?.[0] ?? 0 });
      }
      walk(node.key);
      if (isScalar(key)) path.push(String(key.value));
      walk(node.value);
      if (isScalar(key)) path.pop();
    } else if (isAlias(node) && !node.resolve(doc)) {
      problems.push({
        message: `unresolved alias *${node.source}: no anchor &${node.source} is set before it`,
        offset: node.range?.[0] ?? 0,
      });
    }
  };
  walk(doc.contents);
  return problems;
}

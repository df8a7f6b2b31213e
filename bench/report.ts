import type { BundleResult } from "./bundle.js";
import { BUNDLERS, type Bundler, type BundlersResult, type Entry, type EnumStyle } from "./bundlers.js";
import type { PageResult } from "./html.js";
import type { PeersResult } from "./peers.js";
import type { RuntimeResult } from "./runtime.js";
import type { TscResult } from "./tsc.js";
import type { WatchResult } from "./watch.js";

/** A process's median wall time and worst peak memory over the runs. */
export interface Timing {
  readonly ms: number;
  readonly rssMB: number | undefined;
}

/** Everything measured on one catalog: one column of the table. */
export interface Column {
  readonly label: string;
  /** Whether the targets stated "at 30,000 codes" apply to this column (or to a real catalog). */
  readonly large: boolean;
  readonly codes: number;
  readonly yamlBytes: number;
  /** How many YAML files the catalog spans, when it includes others. */
  readonly yamlFiles?: number;
  readonly outFiles: number;
  readonly outBytes: number;
  readonly runs: number;
  readonly floor: Timing;
  readonly generate: Timing;
  /** `--check` on the unchanged tree: the manifest's hashes match. */
  readonly check: Timing;
  /** `--check` on the same tree when the hashes cannot be trusted (another build): it compares. */
  readonly checkCompared: Timing;
  readonly watch?: WatchResult;
  readonly peers?: PeersResult;
  readonly tsc?: { readonly generated: TscResult; readonly baseline: TscResult };
  /** tsc on 2,000 common codes, each a class, beside as many bare classes. */
  readonly commonTsc?: { readonly generated: TscResult; readonly baseline: TscResult };
  readonly runtime?: RuntimeResult;
  readonly bundles?: BundleResult;
  readonly bundlers?: BundlersResult;
  readonly page?: PageResult;
}

/** A cell's text and, where a target applies to it, whether it meets it. */
type Cell = { readonly text: string; readonly ok?: boolean };
type Row = { readonly measure: string; readonly target: string; readonly cells: Cell[] };

const int = (value: number) => Math.round(value).toLocaleString("en-US");
const ms = (value: number) => `${int(value)} ms`;
const mb = (value: number | undefined) => (value === undefined ? "n/a" : `${int(value)} MB`);
const bytes = (value: number) =>
  value >= 1024 * 1024
    ? `${(value / 1024 / 1024).toFixed(1)} MB`
    : value >= 1024
      ? `${(value / 1024).toFixed(1)} KB`
      : `${value} B`;
/** Two decimals, or three where two would round a miss onto the limit (`1.50×` ❌ reads as a pass). */
const ratio = (value: number, limit?: number) =>
  `${value.toFixed(limit !== undefined && Number(value.toFixed(2)) === limit ? 3 : 2)}×`;
const none: Cell = { text: "—" };
/** The mark shown in a cell a target applies to. */
const check = (cell: Cell): string => (cell.ok === undefined ? cell.text : `${cell.text} ${cell.ok ? "✅" : "❌"}`);

const BUNDLER_NAMES: Readonly<Record<Bundler, string>> = {
  esbuild: "esbuild",
  rollup: "Rollup (tsc's output)",
  "rollup-esbuild": "Rollup + rollup-plugin-esbuild",
  vite: "Vite 8",
  webpack: "webpack 5 (tsc's output)",
};

/**
 * Which bundlers a size limit applies to, by enum style: every one with `const` enums; with TypeScript
 * enums only esbuild and Vite, since an enum is a function call with side effects, which Rollup
 * keeps (on tsc's output, and through esbuild's) and webpack keeps on tsc's output: reported.
 */
function limited(style: EnumStyle, bundler: Bundler): boolean {
  return style === "const" || bundler === "esbuild" || bundler === "vite";
}

/**
 * The parser's bundles in every bundler, both enum styles: `errorFromResponse` and a guard (≤ 8 KB, the
 * same at every size), the same naming one module (≤ 8 KB + that module's table, no description), one
 * guard (≤ 400 B). Cells list the bundlers in {@link BUNDLERS}' order.
 */
function bundlerRows(
  columns: readonly Column[],
  each: (measure: string, target: string, cell: (column: Column) => Cell) => Row,
): Row[] {
  const order = BUNDLERS.map((bundler) => BUNDLER_NAMES[bundler]).join(" / ");
  const sameEverywhere = (style: EnumStyle, entry: Entry) =>
    BUNDLERS.every(
      (bundler) =>
        new Set(columns.flatMap((c) => (c.bundlers ? [c.bundlers.bytes[style][bundler][entry]] : []))).size <= 1,
    );
  const rowsFor = (style: EnumStyle): Row[] => {
    const label = style === "const" ? "`enumStyle: const` (default)" : "`enumStyle: enum`";
    const cell = (entry: Entry, limit: (c: BundlersResult) => number, same: boolean) => (c: Column) => {
      if (!c.bundlers) return none;
      const result = c.bundlers;
      const sizes = BUNDLERS.map((bundler) => result.bytes[style][bundler][entry]);
      const ok = BUNDLERS.every(
        (bundler) => !limited(style, bundler) || result.bytes[style][bundler][entry] <= limit(result),
      );
      const clean = entry === "guard" || result.leakedTexts === 0;
      return { text: sizes.map(bytes).join(" / "), ok: ok && same && clean };
    };
    const enumNote = style === "enum" ? "; Rollup and webpack keep tsc's enum calls: reported" : "";
    return [
      each(
        `Bundle, ${label}: \`errorFromResponse\` + one guard (${order})`,
        `≤ 8 KB in each${style === "enum" ? " but Rollup and webpack (reported)" : ""}, the same at every size`,
        cell("parser", () => 8 * 1024, sameEverywhere(style, "parser")),
      ),
      each(
        `Bundle, ${label}: the same naming one module by its table`,
        `≤ 8 KB + that module's table${style === "enum" ? " but in Rollup and webpack (reported)" : ""}, no description text`,
        cell("parserModule", (result) => 8 * 1024 + result.moduleTableBytes, true),
      ),
      each(
        `Bundle, ${label}: one guard \`isQuotaExceededError\``,
        `≤ 400 B${style === "enum" ? " in esbuild and Vite" : " in each"}, the same at every size${enumNote}`,
        cell("guard", () => 400, sameEverywhere(style, "guard")),
      ),
    ];
  };
  return [
    ...rowsFor("const"),
    ...rowsFor("enum"),
    each("The named module's table (names by code, whitespace removed)", "", (c) =>
      c.bundlers ? { text: bytes(c.bundlers.moduleTableBytes) } : none,
    ),
    each("`node -e 0`, fresh process", "", (c) => (c.bundlers ? { text: ms(c.bundlers.importCost.bareMs) } : none)),
    each("Import of the compiled index, fresh process: over `node -e 0`", "≤ 30 ms at 30,000 codes", (c) => {
      if (!c.bundlers) return none;
      const over = c.bundlers.importCost.indexMs - c.bundlers.importCost.bareMs;
      return c.large ? { text: ms(over), ok: over <= 30 } : { text: ms(over) };
    }),
    each("Import of `all.js` (every module), fresh process: over `node -e 0`", "", (c) =>
      c.bundlers ? { text: ms(c.bundlers.importCost.allMs - c.bundlers.importCost.bareMs) } : none,
    ),
  ];
}

/** The table rows; a target applies only to the cells that carry `ok`. */
function rows(columns: readonly Column[]): Row[] {
  const each = (measure: string, target: string, cell: (column: Column) => Cell): Row => ({
    measure,
    target,
    cells: columns.map(cell),
  });
  const large = columns.filter((column) => column.large).map((column) => column.label);
  const at = large.length === 0 ? "" : ` at ${large.join(", ")}`;
  const guards = columns.flatMap((column) => (column.bundles ? [column.bundles.guard] : []));
  const guardsEqual = guards.every((size) => size === guards[0]);
  return [
    each("Codes (module + common)", "", (c) => ({ text: int(c.codes) })),
    each("Catalog YAML", "", (c) => ({
      text: `${bytes(c.yamlBytes)}${(c.yamlFiles ?? 1) > 1 ? ` in ${c.yamlFiles} files` : ""}`,
    })),
    each("Generated output", "", (c) => ({ text: `${c.outFiles} files, ${bytes(c.outBytes)}` })),
    each("Runs (medians of)", "", (c) => ({ text: String(c.runs) })),
    each("Floor: `YAML.parse` + write same bytes", "", (c) => ({ text: ms(c.floor.ms) })),
    each("`errcat generate`, cold", "", (c) => ({ text: ms(c.generate.ms) })),
    each("generate / floor", `≤ 1.25×${at}`, (c) => ratioCell(c, c.generate.ms / c.floor.ms, 1.25)),
    each("`errcat generate --check`, unchanged tree (the manifest's hashes match)", "", (c) => ({
      text: ms(c.check.ms),
    })),
    each("check / floor, hashes match", `≤ 0.5×${at}`, (c) => ratioCell(c, c.check.ms / c.floor.ms, 0.5)),
    each("`errcat generate --check`, the same tree written by another build (compares)", "", (c) => ({
      text: ms(c.checkCompared.ms),
    })),
    each("check / floor, comparing", `≤ 1.25×${at}`, (c) => ratioCell(c, c.checkCompared.ms / c.floor.ms, 1.25)),
    ...watchRows(columns, each),
    ...peerRows(columns, each),
    each("Peak RSS: floor", "", (c) => ({ text: mb(c.floor.rssMB) })),
    each("Peak RSS: generate", `≤ 600 MB${at}`, (c) => rssCell(c, c.generate.rssMB)),
    each("Peak RSS: generate --check", `≤ 600 MB${at}`, (c) => rssCell(c, c.check.rssMB)),
    each("`tsc --noEmit` on the output", "", (c) => (c.tsc ? { text: ms(c.tsc.generated.ms) } : none)),
    each("`tsc --noEmit` on as many bare classes", "", (c) => (c.tsc ? { text: ms(c.tsc.baseline.ms) } : none)),
    each("tsc output / baseline", "≤ 3×", (c) => {
      if (!c.tsc) return none;
      const value = c.tsc.generated.ms / c.tsc.baseline.ms;
      return { text: ratio(value, 3), ok: value <= 3 };
    }),
    each("`tsc --noEmit` on 2,000 common codes (a class each) / as many bare classes", "≤ 3×", (c) => {
      if (!c.commonTsc) return none;
      const { generated, baseline } = c.commonTsc;
      const value = generated.ms / baseline.ms;
      const limits = generated.limits.length === 0 ? "" : `, ${generated.limits.join(", ")}`;
      return {
        text: `${ms(generated.ms)} / ${ms(baseline.ms)} = ${ratio(value, 3)}${limits}`,
        ok: value <= 3 && generated.limits.length === 0,
      };
    }),
    each("tsc peak RSS: output / baseline", "", (c) =>
      c.tsc ? { text: `${mb(c.tsc.generated.rssMB)} / ${mb(c.tsc.baseline.rssMB)}` } : none,
    ),
    each("tsc errors on the output (limit errors TS2589/2590/2563/7056)", "none", (c) => {
      if (!c.tsc) return none;
      const { errors, limits } = c.tsc.generated;
      const text = errors.length === 0 ? "none" : `${errors.join(", ")}${limits.length > 0 ? " (limits!)" : ""}`;
      return { text, ok: errors.length === 0 };
    }),
    each("`errorFromResponse`, known common code", "", (c) => opsCell(c.runtime?.known)),
    each("`errorFromResponse`, unknown code", "", (c) => opsCell(c.runtime?.unknown)),
    each("`errorFromResponse`, module message + `{ module }`", "", (c) => opsCell(c.runtime?.moduleMessage)),
    each("http-errors `createError(404)`", "", (c) => opsCell(c.runtime?.createError404)),
    each("known code / `createError(404)`", "≥ 1×", (c) => {
      if (!c.runtime) return none;
      const value = c.runtime.known / c.runtime.createError404;
      return { text: ratio(value, 1), ok: value >= 1 };
    }),
    each("Bundle: one guard `isQuotaExceededError`", "≤ 1 KB, same at every size", (c) =>
      c.bundles ? { text: bytes(c.bundles.guard), ok: c.bundles.guard <= 1024 && guardsEqual } : none,
    ),
    each("Bundle: one module enum", "its members only", (c) => {
      if (!c.bundles) return none;
      const { moduleEnum, enumComplete, leaked } = c.bundles;
      const notes = [enumComplete ? "" : "members missing", leaked.length > 0 ? `leaks ${leaked.join(", ")}` : ""];
      const note = notes.filter((text) => text !== "").join("; ");
      return {
        text: `${bytes(moduleEnum)}${note === "" ? "" : ` (${note})`}`,
        ok: enumComplete && leaked.length === 0,
      };
    }),
    ...bundlerRows(columns, each),
    ...pageRows(each, at),
    ...hostileRows(columns),
  ];
}

/** The reference page in headless Chromium: its size, first paint and search latency. */
function pageRows(each: (measure: string, target: string, cell: (column: Column) => Cell) => Row, at: string): Row[] {
  const timing = (value: number, limit: number, large: boolean): Cell =>
    large ? { text: ms(value), ok: value <= limit } : { text: ms(value) };
  return [
    each("Page `error-codes.html`", "", (c) => (c.page ? { text: bytes(c.page.bytes) } : none)),
    each("Page: first contentful paint, fresh load", `≤ 1 s${at}`, (c) =>
      c.page ? timing(c.page.fcpMs, 1000, c.large) : none,
    ),
    each("Page search: first keystroke to next frame", `≤ 100 ms${at}`, (c) =>
      c.page ? timing(c.page.firstKeyMs, 100, c.large) : none,
    ),
    each("Page search: later keystrokes to next frame", `≤ 100 ms${at}`, (c) =>
      c.page ? timing(c.page.keyMs, 100, c.large) : none,
    ),
  ];
}

/** A ratio to a limit, judged only where the targets apply. */
function ratioCell(column: Column, value: number, limit: number): Cell {
  return column.large ? { text: ratio(value, limit), ok: value <= limit } : { text: ratio(value) };
}

type Each = (measure: string, target: string, cell: (column: Column) => Cell) => Row;

/** `--watch`, save → output, with the modules in one file and in a file each, beside each layout's floor. */
function watchRows(columns: readonly Column[], each: Each): Row[] {
  const files = columns.find((column) => column.watch)?.watch?.includedFiles ?? 0;
  const watched = (cell: (watch: WatchResult) => Cell) => (c: Column) => (c.watch ? cell(c.watch) : none);
  return [
    each(
      "Floor, the modules in one file each (`YAML.parse` of every file + write)",
      "",
      watched((w) => ({ text: ms(w.includedFloor) })),
    ),
    each(
      `\`--watch\`, one module code edited: save → output, modules in ${files} included files`,
      "",
      watched((w) => ({ text: ms(w.included) })),
    ),
    each(
      "watch / floor, included files",
      "≤ 0.2×",
      watched((w) => judged(w.included / w.includedFloor, 0.2)),
    ),
    each(
      "Floor, the same run (one file)",
      "",
      watched((w) => ({ text: ms(w.oneFileFloor) })),
    ),
    each(
      "`--watch`, one module code edited: save → output, all in one file",
      "",
      watched((w) => ({ text: ms(w.oneFile) })),
    ),
    each(
      "watch / floor, one file",
      "≤ 1.0×",
      watched((w) => judged(w.oneFile / w.oneFileFloor, 1)),
    ),
  ];
}

function judged(value: number, limit: number): Cell {
  return { text: ratio(value, limit), ok: value <= limit };
}

/** Other generators on the same codes, with errcat timed in the same interleaved runs. */
function peerRows(columns: readonly Column[], each: Each): Row[] {
  const names = columns.find((column) => column.peers)?.peers?.peers.map((peer) => peer.name) ?? [];
  const rows = [
    each("`errcat generate`, timed beside the peers: wall, peak RSS, output", "", (c) =>
      c.peers ? { text: peerText(c.peers.errcat) } : none,
    ),
  ];
  for (const [index, name] of names.entries()) {
    const peer = (c: Column) => c.peers?.peers[index];
    rows.push(
      each(`${name}: wall, peak RSS, output`, "", (c) => {
        const result = peer(c);
        return result ? { text: peerText(result) } : none;
      }),
      each(`errcat generate / ${name}`, "", (c) => {
        const result = peer(c);
        return result && c.peers ? { text: ratio(c.peers.errcat.ms / result.ms) } : none;
      }),
    );
  }
  return rows;
}

function peerText(result: { ms: number; rssMB: number | undefined; files: number; bytes: number }): string {
  return `${ms(result.ms)}, ${mb(result.rssMB)}, ${result.files} file${result.files === 1 ? "" : "s"} ${bytes(result.bytes)}`;
}

/** What each peer's output holds, for the notes under the table. */
export function peerNotes(columns: readonly Column[]): string[] {
  const peers = columns.find((column) => column.peers)?.peers;
  if (!peers) return [];
  return [peers.errcat, ...peers.peers].map((peer) => `- ${peer.name} writes ${peer.holds}.`);
}

function rssCell(column: Column, value: number | undefined): Cell {
  if (!column.large) return { text: mb(value) };
  return { text: mb(value), ok: value !== undefined && value <= 600 };
}

function opsCell(value: number | undefined): Cell {
  return value === undefined ? none : { text: `${int(value)} ops/s` };
}

function hostileRows(columns: readonly Column[]): Row[] {
  const labels = columns.find((column) => column.runtime)?.runtime?.hostile.map((entry) => entry.label) ?? [];
  return labels.map((label, index) => ({
    measure: `\`parseModuleMessage\` on ${label}`,
    target: "",
    cells: columns.map((column) => {
      const value = column.runtime?.hostile[index]?.ms;
      return value === undefined ? none : { text: `${(value * 1000).toFixed(1)} µs` };
    }),
  }));
}

/** The results as one markdown table, with a Met column summing up each target's cells. */
export function renderTable(columns: readonly Column[]): string {
  const lines = [
    `| Measure | ${columns.map((column) => column.label).join(" | ")} | Target | Met |`,
    `| --- | ${columns.map(() => "---:").join(" | ")} | --- | --- |`,
  ];
  // Rows nothing was measured for (runtime and bundles of a real catalog) are left out.
  for (const row of rows(columns).filter((row) => row.cells.some((cell) => cell !== none))) {
    const judged = row.cells.filter((cell) => cell.ok !== undefined);
    const met = judged.length === 0 ? "" : judged.every((cell) => cell.ok) ? "✅ yes" : "❌ no";
    lines.push(`| ${row.measure} | ${row.cells.map(check).join(" | ")} | ${row.target} | ${met} |`);
  }
  return lines.join("\n");
}

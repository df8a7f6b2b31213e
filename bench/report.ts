import type { BundleResult } from "./bundle.js";
import type { PageResult } from "./html.js";
import type { RuntimeResult } from "./runtime.js";
import type { TscResult } from "./tsc.js";

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
  readonly check: Timing;
  readonly tsc?: { readonly generated: TscResult; readonly baseline: TscResult };
  readonly runtime?: RuntimeResult;
  readonly bundles?: BundleResult;
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
    each("generate / floor", `≤ 1.5×${at}`, (c) => {
      const value = c.generate.ms / c.floor.ms;
      return c.large ? { text: ratio(value, 1.5), ok: value <= 1.5 } : { text: ratio(value) };
    }),
    each("`errcat generate --check`, unchanged tree", "", (c) => ({ text: ms(c.check.ms) })),
    each("check / floor", `≤ 1.5×${at}`, (c) => {
      const value = c.check.ms / c.floor.ms;
      return c.large ? { text: ratio(value, 1.5), ok: value <= 1.5 } : { text: ratio(value) };
    }),
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
    each("Bundle: `errorFromResponse`", "", (c) => (c.bundles ? { text: bytes(c.bundles.errorFromResponse) } : none)),
    each("Bundle: the three together", "", (c) => (c.bundles ? { text: bytes(c.bundles.all) } : none)),
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

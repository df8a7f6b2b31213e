import type { CodeValue } from "./catalog.js";
import type { Origin } from "./model.js";
import type { Location, Problem } from "./problems.js";

export type Locate = (file: string, pointer: string) => Location;

/** Collects problems; `at` names a position in the catalog's words: `line 12, col 5`. */
export class Reporter {
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

export const show = (code: CodeValue) => (typeof code === "string" ? JSON.stringify(code) : String(code));

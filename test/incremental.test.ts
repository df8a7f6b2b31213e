/**
 * `generate --watch` reparses an edited catalog file by the one list item the edit is in. Whatever
 * the edit, the data must be the whole file's: an edit reparsed by its item gives what a full parse
 * gives, and an edit it cannot be sure of is left to the full parse (undefined).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type EditBase, reparseEdit } from "../generator/incremental.js";
import { isSound, type LoadedCatalog, parseCatalogText } from "../generator/load.js";
import { CatalogError } from "../generator/problems.js";
import { DIALECT_CATALOGS, ROOT } from "./helpers.js";
import { random, randomEdit } from "./yaml-edits.js";

const CATALOGS = DIALECT_CATALOGS;

/** The whole file's parse, or undefined when it has a problem. */
function whole(text: string): LoadedCatalog | undefined {
  try {
    return parseCatalogText("catalog.yaml", text);
  } catch (error) {
    if (error instanceof CatalogError) return undefined;
    throw error;
  }
}

function baseOf(text: string): EditBase {
  const base = whole(text)?.editBase?.();
  if (base === undefined) throw new Error("the catalog has no edit base");
  return base;
}

/** The base the next edit of `text` is reparsed against: none once an edit brings in an anchor or alias. */
function nextBase(text: string, reparsed: EditBase | undefined): EditBase | undefined {
  return reparsed ?? whole(text)?.editBase?.();
}

describe("reparsing an edit by its list item", () => {
  it.each(CATALOGS)("gives the full parse's data for random edits of %s, or leaves them to it", (catalog) => {
    const original = readFileSync(join(ROOT, catalog), "utf8");
    let reparsed = 0;
    // Each step parses the whole file too: large files get fewer chains (INCREMENTAL_SEEDS asks for more).
    const seeds = Number(process.env.INCREMENTAL_SEEDS ?? (original.length > 20_000 ? 25 : 150));
    for (let seed = 1; seed <= seeds; seed++) {
      const next = random(seed);
      // A chain of edits, each against the base the last one left, as a watch session makes them.
      let text = original;
      let base: EditBase | undefined = baseOf(text);
      for (let step = 0; step < 4 && base !== undefined; step++) {
        const edited = randomEdit(text, next);
        const result = reparseEdit(base, edited, isSound);
        const full = whole(edited);
        if (result !== undefined) {
          reparsed++;
          expect(full, `seed ${seed} step ${step}: reparsed an edit the full parse refuses`).toBeDefined();
          expect(result.data, `seed ${seed} step ${step}`).toEqual(full?.data);
        }
        if (full === undefined) break;
        text = edited;
        base = nextBase(edited, result?.base);
      }
    }
    // Most random edits land inside some list item: the fast path is taken, not only refused.
    expect(reparsed).toBeGreaterThan(seeds / 3);
  });

  it("reparses a changed description by its item, and keeps every other object", () => {
    const text = readFileSync(join(ROOT, "schema/error-codes.yaml"), "utf8");
    const base = baseOf(text);
    const line = text.indexOf("- { code: 100004,");
    const at = text.indexOf("description: ", line) + "description: ".length;
    const end = text.indexOf(" }", at);
    const edited = `${text.slice(0, at)}"edited: (100004) and more"${text.slice(end)}`;
    const result = reparseEdit(base, edited, isSound);
    expect(result).toBeDefined();
    expect(result?.data).toEqual(whole(edited)?.data);
    const before = base.data as { moduleErrors: { modules: { id: string }[] } };
    const after = result?.data as typeof before;
    const changed = after.moduleErrors.modules.filter((module, index) => module !== before.moduleErrors.modules[index]);
    expect(changed.map((module) => module.id)).toHaveLength(1);
    expect(after.moduleErrors.modules.length).toBe(before.moduleErrors.modules.length);
  });

  it("leaves to the full parse what it cannot be sure of", () => {
    const text = "format: 1\nlist:\n  - a: 1\n    b: |\n      kept\n\n  - a: 2\n# end\n";
    const base = baseOf(text);
    // An alias may point across items and an anchor be pointed at; a tag changes how text is read;
    // the line of an item's `- ` could start another item; a block whose next line is blank may be
    // cut short; a comment between items is in no item.
    for (const edited of [
      text.replace("a: 2", "a: *x"),
      text.replace("a: 1", "a: &x 1"),
      text.replace("b: |", "b: !!str |"),
      text.replace("  - a: 2", "  -  a: 2"),
      text.replace("kept", "kept more"),
      text.replace("# end", "# the end"),
    ]) {
      expect(reparseEdit(base, edited, isSound), edited).toBeUndefined();
    }
    // A flow mapping over lines answers to its parent's indentation, which a fragment has not.
    const flow = "list:\n  - { a: 1,\n      b: 2 }\n";
    expect(reparseEdit(baseOf(flow), flow.replace("b: 2", "b: 3"), isSound)).toBeUndefined();
  });

  it("refuses what a fragment would read otherwise than the whole file", () => {
    // `%YAML 1.1` reads `yes` as true, dates as dates and `<<` as a merge: a fragment reads YAML 1.2.
    const directive = "%YAML 1.1\n---\nlist:\n- a: 1\n  b: x\n";
    expect(whole(directive)?.editBase?.()).toBeUndefined();
    // `1` and `"1"` are one property: a path through it could name the other key's list.
    const keys = '1:\n- a: 1\n  b: 2\n"1":\n- a: 9\n  b: 9\n';
    expect(whole(keys)?.editBase?.()).toBeUndefined();
    // A document marker typed inside an item ends the document there, not the item.
    const list = "l:\n- a: 1\n  b: 2\n- c: 3\n";
    expect(reparseEdit(baseOf(list), list.replace("  b: 2\n", "  b: 2\n...\n  d: 4\n"), isSound)).toBeUndefined();
    // After a comment indented less than the item, a plain scalar goes on over the next item's line.
    const codes = "codes:\n  - code: E1\n    text: old\n  - E2\n";
    const comment = "codes:\n  - code: E1\n    text:\n #note\n      new\n  - E2\n";
    expect(reparseEdit(baseOf(codes), comment, isSound)).toBeUndefined();
    // A block scalar keeps reading whitespace lines past the item when one holds a tab.
    const block = "l:\n- e:\n  - e: q\n    b: |+\n        k\n\n  - 1: x\n";
    expect(reparseEdit(baseOf(block), block.replace("        k\n", "    \t\n"), isSound)).toBeUndefined();
  });
});

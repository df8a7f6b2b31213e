/**
 * A large catalog is parsed on two threads, cut between two list items. Wherever the cut falls,
 * the joined data must be the whole file's, or the split is refused and the whole file parsed: a
 * catalog the whole parse rejects is never accepted in parts. Most tests run both parts on this
 * thread; the last ones run the built code, with its second thread, on a file large enough.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { isSound, parseCatalogText } from "../generator/load.js";
import { CatalogError } from "../generator/problems.js";
import { joinParts, MIN_SPLIT_CHARS, parseHead, parseRest, planSplit } from "../generator/split-parse.js";
import { BIN, cleanup, DIALECT_CATALOGS, ROOT, tempDir, writeCatalog } from "./helpers.js";
import { random, randomEdit } from "./yaml-edits.js";

afterAll(cleanup);

/** The whole file's data; undefined when the whole parse reports a problem. */
function whole(text: string): { data: unknown } | undefined {
  try {
    return { data: parseCatalogText("catalog.yaml", text).data };
  } catch (error) {
    if (error instanceof CatalogError) return undefined;
    throw error;
  }
}

/** The data of both parts joined, cut where a look from `at` finds a list item; undefined when refused. */
function split(text: string, at: number): { data: unknown } | undefined {
  const plan = planSplit(text, { minChars: 0, at, minRest: 0 });
  if (plan === undefined) return undefined;
  const head = parseHead(plan.head, isSound);
  const rest = head && parseRest(plan.rest, isSound);
  const joined = head && rest && joinParts(head.data, rest, plan.token);
  return joined && { data: joined.data };
}

/** Cuts `text` from every twentieth of it: each split the same data as the whole parse; how many were not refused. */
function expectSameWherever(text: string): number {
  const expected = whole(text);
  let joined = 0;
  for (let step = 1; step < 20; step++) {
    const parts = split(text, step / 20);
    if (parts === undefined) continue;
    joined++;
    expect(expected, `a split at ${step}/20 accepted what the whole parse rejects`).toBeDefined();
    expect(parts.data).toStrictEqual(expected?.data);
  }
  return joined;
}

/** A catalog-shaped text: `before` items, `item`, `after` items in one module's codes, then a top-level key. */
function around(item: string, { before = 6, after = 6, indent = 4 } = {}): string {
  const pad = " ".repeat(indent);
  const plain = (code: number) =>
    `${pad}- code: ${code}\n${pad}  name: Code${code}\n${pad}  description: text ${code}\n`;
  let text = "format: 1\nid: split\nsuccess: 0\nmoduleErrors:\n  modules:\n    - name: a\n      codes:\n";
  for (let code = 1; code <= before; code++) text += plain(code).replaceAll(pad, `${pad}    `);
  text += item;
  for (let code = before + 1; code <= before + after; code++) text += plain(code).replaceAll(pad, `${pad}    `);
  return `${text}common: []\n`;
}

describe("planning the cut", () => {
  it("leaves small texts, and texts a part would read otherwise, to one thread", () => {
    const big = `modules:\n${"  - name: a\n    title: t\n".repeat(MIN_SPLIT_CHARS / 20)}`;
    expect(planSplit(big)).toBeDefined();
    expect(planSplit(big.slice(0, MIN_SPLIT_CHARS / 2))).toBeUndefined();
    expect(planSplit(`%YAML 1.1\n---\n${big}`)).toBeUndefined();
    expect(planSplit(`${big}---\nother: 1\n`)).toBeUndefined();
    expect(planSplit(`${big}  - name: \tb\n`)).toBeUndefined();
  });

  it("cuts at the start of an item of the outermost list near the middle, up to where that list ends", () => {
    const text = around("", { before: 40, after: 40 });
    const plan = planSplit(text, { minChars: 0, at: 0.5 });
    expect(plan).toBeDefined();
    if (plan === undefined) return;
    expect(plan.rest).toMatch(/^ {8}- code: \d+\n/);
    expect(text.slice(plan.restEnd)).toBe("common: []\n");
    expect(plan.head).toBe(text.slice(0, plan.restStart) + plan.placeholderLine + text.slice(plan.restEnd));
    expect(text.includes(plan.token)).toBe(false);
  });
});

describe("joining the parts", () => {
  const HOSTILE: readonly [string, string][] = [
    [
      "a literal block scalar whose lines look like items",
      "        - code: 100\n          description: |\n            steps:\n        - code: 101\n        - not an item\n",
    ],
    [
      "a block scalar keeping its trailing blank lines",
      "        - code: 100\n          description: |+\n            kept\n\n\n",
    ],
    [
      "a folded block scalar with items inside",
      "        - code: 100\n          description: >\n            a\n            - b\n\n            - c\n",
    ],
    [
      "a double-quoted string over lines that look like items",
      '        - code: 100\n          description: "one\n        - code: 101\n          two"\n',
    ],
    ["a single-quoted string over lines", "        - code: 100\n          description: 'one\n        - two'\n"],
    [
      "a plain scalar over lines",
      "        - code: 100\n          description: one\n            - two\n            three\n",
    ],
    ["a flow sequence over lines", "        - code: 100\n          tags: [a,\n        - b,\n            c]\n"],
    ["a flow mapping over lines", "        - { code: 100,\n          name: X }\n"],
    ["comments that look like items", "        # - code: 99\n      # - code: 98\n        - code: 100 # - x\n"],
    ["an anchor before the cut and its alias after", "        - &first\n          code: 100\n        - *first\n"],
    ["an anchor set twice, the alias after both", "        - code: &x 100\n        - code: &x 101\ncommon2: *x\n"],
    ["a key written twice", "        - code: 100\n          code: 101\n"],
    ['keys 1 and "1"', '        - 1: a\n          "1": b\n'],
    ["a code YAML reads as another number", "        - code: 0100\n"],
    ["CRLF line ends", "        - code: 100\r\n          name: Crlf\r\n        - code: 101\r\n"],
    ["an empty item then a nested list", "        -\n          - 1\n          - 2\n        - - 3\n"],
    ["an explicit key", "        - ? code\n          : 100\n"],
    ["a tag", "        - code: !!str 100\n"],
    [
      "block scalars with indentation indicators",
      "        - code: 100\n          description: |2\n               deep\n             - less\n        - |1\n          - x\n        - >-\n\n         - y\n",
    ],
    ["a list at the indentation of its key", "        - codes:\n          - 1\n          - 2\n          name: after\n"],
  ];

  it.each(HOSTILE)("gives the whole parse's data or refuses: %s", (_name, item) => {
    for (const [before, after] of [
      [1, 1],
      [6, 6],
      [0, 12],
      [12, 0],
    ] as const) {
      expectSameWherever(around(item, { before, after }));
    }
  });

  it("joins most cuts of a plain catalog, and locates the rest's list", () => {
    const text = around("", { before: 30, after: 30 });
    expect(expectSameWherever(text)).toBeGreaterThan(15);
    const plan = planSplit(text, { minChars: 0, at: 0.5 });
    const head = plan && parseHead(plan.head, isSound);
    const rest = plan && parseRest(plan.rest, isSound);
    const joined = plan && head && rest && joinParts(head.data, rest, plan.token);
    expect(joined?.path).toEqual(["moduleErrors", "modules", "0", "codes"]);
    expect(joined && joined.headItems + (rest?.length ?? 0)).toBe(60);
  });

  it("refuses a placeholder that is not alone as the last item of a list", () => {
    expect(joinParts({ list: ["a", "T"] }, ["b"], "T")).toEqual({
      data: { list: ["a", "b"] },
      path: ["list"],
      headItems: 1,
    });
    expect(joinParts({ list: ["T", "a"] }, ["b"], "T")).toBeUndefined();
    expect(joinParts({ list: ["a", "T"], text: "with T in it" }, ["b"], "T")).toBeUndefined();
    expect(joinParts({ list: ["a", "T"], T: 1 }, ["b"], "T")).toBeUndefined();
    expect(joinParts({ list: ["a", "T"], more: ["T"] }, ["b"], "T")).toBeUndefined();
    expect(joinParts({ text: "T" }, ["b"], "T")).toBeUndefined();
  });

  it.each(DIALECT_CATALOGS)("gives the whole parse's data for random edits of %s, or refuses", (catalog) => {
    const original = readFileSync(join(ROOT, catalog), "utf8").replace(/^\uFEFF/, "");
    let joined = expectSameWherever(original);
    const seeds = Number(process.env.SPLIT_SEEDS ?? (original.length > 20_000 ? 2 : 6));
    for (let seed = 1; seed <= seeds; seed++) {
      const next = random(seed);
      let text = original;
      for (let edit = 0; edit < 4; edit++) {
        text = randomEdit(text, next);
        joined += expectSameWherever(text);
      }
    }
    // The files have lists enough to cut: the test compares joined data, not only refusals.
    expect(joined).toBeGreaterThan(0);
  });
});

/** A catalog of 40 modules of 100 codes, past the size that is parsed on two threads, with `extra` after code 7 of the modules named. */
function largeCatalog(extra: ReadonlyMap<number, string>): string {
  let text = "format: 1\nid: large\nsuccess: 0\ncommon:\n";
  text += "  - { code: 4000, name: InvalidParameter, type: Invalid parameter, description: d, fault: client }\n";
  text += "moduleErrors:\n  modules:\n";
  for (let module = 0; module < 40; module++) {
    text += `    - name: mod${module}\n      title: Module ${module}\n      codes:\n`;
    for (let code = 1; code <= 100; code++) {
      text += `        - code: ${100_000 + code}\n          name: Code${module}x${code}\n`;
      text += `          description: The description of code ${code} of module ${module}, long enough to count.\n`;
      if (code === 7 && extra.has(module)) text += extra.get(module);
    }
  }
  return text;
}

describe("the built code, with its second thread", () => {
  it("parses a large catalog on two threads to the data one thread gives, with the same positions", () => {
    const file = writeCatalog(tempDir(), largeCatalog(new Map()));
    expect(readFileSync(file, "utf8").length).toBeGreaterThan(MIN_SPLIT_CHARS);
    const load = pathToFileURL(join(ROOT, "dist/load.js")).href;
    const script = `
      import { isDeepStrictEqual } from "node:util";
      import { parseCatalogFile, readCatalogFile } from ${JSON.stringify(load)};
      const read = readCatalogFile(${JSON.stringify(file)});
      const two = parseCatalogFile(read, { threads: true });
      const one = parseCatalogFile(read);
      const pointers = ["", "/format", "/common/0", "/moduleErrors/modules", "/moduleErrors/modules/3/codes/5/name",
        "/moduleErrors/modules/30", "/moduleErrors/modules/30/codes/99/description", "/moduleErrors/modules/39/title"];
      console.log(JSON.stringify({
        split: two.editBase === undefined && one.editBase !== undefined,
        same: isDeepStrictEqual(two.data, one.data),
        positions: pointers.filter((pointer) => !isDeepStrictEqual(two.locate(pointer), one.locate(pointer))),
      }));`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ split: true, same: true, positions: [] });
  });

  it("reports problems on either side of the cut at their lines", () => {
    const extra = new Map([
      [3, "          bogus: 1\n"],
      [35, "          bogus: 2\n"],
    ]);
    const text = largeCatalog(extra);
    const file = writeCatalog(tempDir(), text);
    const result = spawnSync(process.execPath, [BIN, "validate", "--schema", file], { encoding: "utf8" });
    const lines = text.split("\n");
    const lineOf = (value: string) => lines.indexOf(`          bogus: ${value}`) + 1;
    expect(result.status).toBe(1);
    expect(result.stderr + result.stdout).toContain(`catalog.yaml:${lineOf("1")}:11: unknown property "bogus"`);
    expect(result.stderr + result.stdout).toContain(`catalog.yaml:${lineOf("2")}:11: unknown property "bogus"`);
  });

  it("parses a catalog the parts would read otherwise on one thread, and reports what that parse finds", () => {
    // An alias after the cut to an anchor before it: the rest alone cannot resolve it.
    const text = largeCatalog(new Map())
      .replace(
        "description: The description of code 7 of module 2,",
        "description: &shared The description of code 7 of module 2,",
      )
      .replace(/description: The description of code 7 of module 30,.*/, "description: *shared");
    const file = writeCatalog(tempDir(), text);
    const aliased = spawnSync(process.execPath, [BIN, "validate", "--schema", file], { encoding: "utf8" });
    expect(aliased.stderr + aliased.stdout).not.toMatch(/alias/);
    expect(aliased.status).toBe(0);
    writeCatalog(join(file, ".."), text.replace("id: large", "id: large\nbroken: [\n"));
    const broken = spawnSync(process.execPath, [BIN, "validate", "--schema", file], { encoding: "utf8" });
    expect(broken.status).toBe(1);
    expect(broken.stderr + broken.stdout).toMatch(/catalog\.yaml:\d+:\d+: /);
  });
});

/**
 * `generate --watch` keeps what it made of unchanged modules (their files, docs and page sections):
 * after every kind of edit, what it wrote is exactly what a fresh run writes.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { render, validate } from "../generator/index.js";
import { Regenerator } from "../generator/regenerate.js";
import { listFiles, MANIFEST_FILE } from "../generator/write.js";
import { cleanup, tempDir } from "./helpers.js";

afterAll(cleanup);

/** What both layouts' catalogs begin with. */
const HEAD = `format: 1
id: pieces
title: Pieces API
success: 0
common:
  - { code: 4000, name: InvalidParameter, type: Invalid parameter, description: A parameter is wrong., fault: client }
`;

const catalog = (settings: string) => `${HEAD}moduleErrors:
  modules: []
include: ["modules/*.yaml"]
output:
  docs: { audience: ${settings}, splitAbove: 1 }
`;

const moduleFile = (name: string, codes: readonly [number, string][]) =>
  `modules:\n  - name: ${name}\n    codes:\n${codes.map(([code, text]) => `      - { code: ${code}, name: Code${code}, description: ${text} }\n`).join("")}`;

/** The output folder's files but the manifest (whose hashes differ run to run). */
function outputOf(out: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(out)
      .filter((file) => file !== MANIFEST_FILE)
      .map((file) => [file, readFileSync(join(out, file), "utf8")]),
  );
}

function freshOutput(schema: string): Record<string, string> {
  const files = render(validate(schema));
  files.delete(MANIFEST_FILE);
  return Object.fromEntries(files);
}

describe("the pieces --watch keeps", () => {
  it("leave every file as a fresh run writes it, edit after edit", () => {
    const dir = tempDir();
    const schema = join(dir, "catalog.yaml");
    const out = join(dir, "generated");
    mkdirSync(join(dir, "modules"));
    writeFileSync(schema, catalog("users"));
    writeFileSync(join(dir, "modules/billing.yaml"), moduleFile("billing", [[100001, "card declined"]]));
    writeFileSync(join(dir, "modules/orders.yaml"), moduleFile("orders", [[200001, "order closed"]]));
    const regenerator = new Regenerator(schema, out);
    const edits: { name: string; edit: () => void; emitted: number }[] = [
      { name: "the first run", edit: () => {}, emitted: 2 },
      {
        name: "a description",
        edit: () => writeFileSync(join(dir, "modules/billing.yaml"), moduleFile("billing", [[100001, "card refused"]])),
        emitted: 1,
      },
      {
        name: "a code added (every anchor is read again)",
        edit: () =>
          writeFileSync(
            join(dir, "modules/orders.yaml"),
            moduleFile("orders", [
              [200001, "order closed"],
              [200002, "order paid"],
            ]),
          ),
        emitted: 2,
      },
      { name: "a catalog setting", edit: () => writeFileSync(schema, catalog("developers")), emitted: 2 },
      { name: "nothing", edit: () => {}, emitted: 0 },
    ];
    for (const { name, edit, emitted } of edits) {
      edit();
      const result = regenerator.run();
      expect(result.modulesEmitted, name).toBe(emitted);
      expect(outputOf(out), name).toEqual(freshOutput(schema));
    }
    expect(readFileSync(join(out, "error-codes.html"), "utf8")).toContain("card refused");
    expect(readFileSync(join(out, "error-codes/billing.md"), "utf8")).toContain("card refused");
  });
});

describe("--watch on a catalog in one file", () => {
  const oneFile = (billing: string, orders: string) => `${HEAD}moduleErrors:
  modules:
    - name: billing
      codes:
        - code: 100001
          name: CardDeclined
          description: ${billing}
    - name: orders
      codes:
        - code: 200001
          name: OrderClosed
          description: ${orders}
`;

  it("reads an edit of one module code by its item, and writes what a fresh run writes", () => {
    const dir = tempDir();
    const schema = join(dir, "catalog.yaml");
    const out = join(dir, "generated");
    const regenerator = new Regenerator(schema, out);
    writeFileSync(schema, oneFile("card declined", "order closed"));
    expect(regenerator.run().modulesEmitted).toBe(2);
    for (const text of ["card refused", "card refused, call your bank", "the card was refused"]) {
      writeFileSync(schema, oneFile(text, "order closed"));
      const result = regenerator.run();
      expect(result.modulesEmitted, text).toBe(1);
      expect(outputOf(out), text).toEqual(freshOutput(schema));
    }
  });

  it("reports a problem an edit brings at the place a fresh read reports it", () => {
    const dir = tempDir();
    const schema = join(dir, "catalog.yaml");
    const regenerator = new Regenerator(schema, join(dir, "generated"));
    writeFileSync(schema, oneFile("card declined", "order closed"));
    regenerator.run();
    // A name that is not an identifier: the schema refuses it, inside the one item reparsed.
    writeFileSync(schema, oneFile("card declined", "order closed").replace("name: OrderClosed", "name: order closed!"));
    const fresh = (() => {
      try {
        validate(schema);
      } catch (error) {
        return String(error);
      }
      return "no problem";
    })();
    expect(fresh).toMatch(/catalog\.yaml:17:\d+/);
    expect(() => regenerator.run()).toThrow(fresh.replace(/^\w*Error: /, "").split("\n")[0]);
  });
});

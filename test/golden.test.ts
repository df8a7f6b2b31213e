import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { render, validate } from "../generator/index.js";
import { listFiles } from "../generator/write.js";
import { ROOT, read } from "./helpers.js";

// Each folder under test/fixtures/golden holds a catalog and the output it must produce, whole.
// After an intended change to the output: UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts
const GOLDEN = join(ROOT, "test/fixtures/golden");
const update = process.env.UPDATE_GOLDEN === "1";
const cases = readdirSync(GOLDEN).sort();

describe.each(cases)("golden %s", (name) => {
  const expectedDir = join(GOLDEN, name, "expected");
  const files = render(validate(join(GOLDEN, name, "catalog.yaml")));

  if (update) {
    rmSync(expectedDir, { recursive: true, force: true });
    for (const [file, text] of files) {
      mkdirSync(dirname(join(expectedDir, file)), { recursive: true });
      writeFileSync(join(expectedDir, file), text);
    }
  }

  it("produces exactly the committed files", () => {
    expect(existsSync(expectedDir)).toBe(true);
    expect(listFiles(expectedDir)).toEqual([...files.keys()].sort());
  });

  it.each([...files.keys()])("%s matches", (file) => {
    expect(files.get(file)).toBe(read(join(expectedDir, file)));
  });
});

afterAll(() => {
  if (update) console.info("golden files updated; review them with git diff");
});

it("has golden cases", () => {
  expect(cases.length).toBeGreaterThanOrEqual(3);
});

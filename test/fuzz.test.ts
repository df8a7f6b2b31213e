/**
 * Property-based tests: hostile catalogs through every emitter, and hostile responses through the
 * generated runtime. Seeds are fixed, so every run checks the same cases; `tsx test/fuzz/nightly.ts`
 * runs the same properties with other seeds and counts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as api from "../generated/index.js";
import { render, validate } from "../generator/generate.js";
import { KNOWN_BUGS } from "./fuzz/catalog.js";
import { loadOutput } from "./fuzz/load.js";
import { anchors, headerCommentIntact, rawHtml } from "./fuzz/markdown.js";
import { responseProperties } from "./fuzz/responses.js";
import { runCatalogFuzz } from "./fuzz/run.js";
import { typecheckOutputs } from "./fuzz/typecheck.js";
import { cleanup, tempDir } from "./helpers.js";

const SEED = 20261128;
/** Catalogs per run: each is generated, type-checked (in batches), run and its docs checked. */
const CATALOGS = 1000;
/** Runs shared out among the response properties by their `share`. */
const RESPONSES = 20_000;

const counts = { catalogs: 0, typechecked: 0, roundTrip: 0, tableRows: 0, responses: 0, messages: 0 };

afterAll(() => {
  cleanup();
  console.info(
    `fuzz: ${counts.catalogs} catalogs (${counts.typechecked} type-checked, ${counts.roundTrip} round-trip calls, ` +
      `${counts.tableRows} table rows), ${counts.responses} hostile responses, ${counts.messages} hostile messages`,
  );
});

describe("hostile catalogs", () => {
  it(`${CATALOGS} catalogs: the output type-checks, returns the catalog's strings, keeps text in literals and comments, and keeps table columns`, async () => {
    const stats = await runCatalogFuzz({ seed: SEED, runs: CATALOGS, workDir: tempDir("errcat-fuzz-") });
    expect(stats.catalogs).toBeGreaterThanOrEqual(CATALOGS);
    expect(stats.typechecked).toBe(stats.catalogs);
    counts.catalogs = stats.catalogs;
    counts.typechecked = stats.typechecked;
    counts.roundTrip = stats.responses;
    counts.tableRows = stats.tableRows;
  }, 300_000);
});

describe("hostile responses against generated/", () => {
  for (const { name, share, property } of responseProperties(api)) {
    it(name, () => {
      const numRuns = Math.round(RESPONSES * share);
      fc.assert(property, { seed: SEED, numRuns, includeErrorInReport: true });
      if (name.startsWith("errorFromResponse")) counts.responses += numRuns;
      else counts.messages += numRuns;
    });
  }
});

/** Validates and renders a catalog written as YAML at `file` in a fresh folder, the output beside it. */
function generate(yaml: string, file = "catalog.yaml"): Map<string, string> {
  const root = tempDir("errcat-known-");
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, yaml);
  return render(validate(path));
}

/** A regression case's setup: whatever it makes, awaited. */
async function setUp<T>(make: () => T | Promise<T>): Promise<T> {
  return await make();
}

/** The generated runtime of a catalog, loaded from its output. */
async function runtimeOf(yaml: string): Promise<typeof api> {
  return (await loadOutput(generate(yaml), () => {})).get("all.ts") as unknown as typeof api;
}

const COMMON = `common:
  - { code: 4400, name: QuotaExceeded, type: Quota exceeded, description: Too many requests., fault: client }
`;
const MINIMAL = `format: 1\nsuccess: 0\n${COMMON}`;

// Bugs the properties found, each kept as a regression test on a minimal catalog. The one still open
// is an `it.fails` test: when a fix makes it pass, drop its `.fails`, its entry in `KNOWN_BUGS`
// (test/fuzz/catalog.ts) and the exemption responses.ts names there.
describe("bugs found by the fuzz tests", () => {
  it("api-error.ts names the catalog's title, not [object Object]", async () => {
    const files = await setUp(() => generate(MINIMAL));
    expect(files.get("api-error.ts")).not.toContain("[object Object]");
  });

  it("a lone surrogate in a pattern survives into response.ts", async () => {
    // Written as UTF-8 (as errcat writes it, and as esbuild reads it) the surrogate becomes U+FFFD.
    const runtime = await setUp(() =>
      runtimeOf(`${MINIMAL}moduleErrors:
  patterns:
    - name: a
      regex: "^(?<code>-?\\\\d+)\\ud800(?<text>[\\\\s\\\\S]*)$"
      examples:
        - { message: "0\\ud800", code: 0, text: "" }
`),
    );
    expect(runtime.parseModuleMessage("0\ud800")).toEqual({ code: 0, text: "", pattern: "a" });
  });

  it("integer codes with moduleErrors.in: code give UnknownApiError for unknown codes", async () => {
    const runtime = await setUp(() =>
      runtimeOf(`${MINIMAL}moduleErrors:
  in: code
  modules:
    - name: account
      codes:
        - { code: 100004, name: IncorrectProjectId, description: incorrect projectId }
`),
    );
    expect(runtime.errorFromResponse({ code: 123 })?.name).toBe("UnknownApiError");
  });

  it.skipIf(process.platform === "win32")("a catalog path holding --!> keeps the docs' header comment", async () => {
    const files = await setUp(() => generate(MINIMAL, "a--!><b>x</b>/catalog.yaml"));
    expect(headerCommentIntact(files.get("error-codes.md") ?? "")).toBe(true);
  });

  it("a backtick in a deprecation reason leaves the replacement code in its code span", async () => {
    const files = await setUp(() =>
      generate(`format: 1
success: OK
common:
  - { code: A, description: a, fault: client, deprecated: { reason: "\`", replacedBy: "</script>" } }
  - { code: "</script>", name: B, description: b, fault: client }
`),
    );
    expect(rawHtml(files.get("error-codes.md") ?? "")).toEqual([]);
  });

  it("success: { absent: error } names the body, with no empty code span", async () => {
    const files = await setUp(() => [
      generate(`format: 1\nsuccess: { absent: error }\n${COMMON}`),
      generate(`format: 1\nsuccess: { absent: "\`*/" }\nenvelope: { code: "<A" }\n${COMMON}`),
    ]);
    const [plain, hostile] = files.map((output) => output.get("error-codes.md") ?? "");
    expect(plain).not.toContain("when `` has no");
    expect(rawHtml(hostile ?? "")).toEqual([]);
  });

  describe("type checks", () => {
    let errors: string[][] = [];
    beforeAll(async () => {
      const outputs = await setUp(() => [
        // A string-code catalog whose module codes, parsed from messages, are integers.
        generate(`format: 1
success: OK
common:
  - { code: InternalError, description: failed, fault: server }
moduleErrors:
  modules:
    - name: account
      codes:
        - { code: 1, name: Old, description: old, deprecated: { reason: gone, replacedBy: 2 } }
        - { code: 2, name: New, description: new }
`),
        generate("format: 1\nsuccess: 0\ncommon: []\n"),
        generate(`${MINIMAL}moduleErrors:
  in: code
  modules:
    - name: account
      codes:
        - { code: 100004, name: IncorrectProjectId, description: incorrect projectId }
`),
      ]);
      if (outputs) errors = await typecheckOutputs(tempDir("errcat-known-tsc-"), outputs);
    }, 120_000);

    it("an integer module code's replacedBy type-checks in a string-code catalog", () => {
      if (errors.length === 0) return;
      expect(errors[0]).toEqual([]);
    });

    it("a catalog without common codes type-checks (errors.ts imports nothing unused)", () => {
      if (errors.length === 0) return;
      expect(errors[1]).toEqual([]);
    });

    it("integer codes with moduleErrors.in: code type-check", () => {
      if (errors.length === 0) return;
      expect(errors[2]).toEqual([]);
    });
  });

  it("docs anchors are unique: module `code` code 0 beside common code 0", async () => {
    const files = await setUp(() =>
      generate(`format: 1
success: 1
common:
  - { code: 0, name: Zero, type: Zero, description: zero, fault: client }
moduleErrors:
  modules:
    - name: code
      codes:
        - { code: 0, name: Zero, description: zero }
`),
    );
    const ids = anchors(files.get("error-codes.md") ?? "");
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it("docs anchors are unique: string codes `/00` and U+2F00", async () => {
    const files = await setUp(() =>
      generate(`format: 1
success: OK
common:
  - { code: "/00", name: Slash, description: a, fault: client }
  - { code: "\u2F00", name: Kangxi, description: b, fault: client }
`),
    );
    const ids = anchors(files.get("error-codes.md") ?? "");
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it.fails("leading whitespace past the 4,096-character window is dropped like any other", () => {
    expect(KNOWN_BUGS.whitespaceAcrossScanLimit).toBe(true);
    expect(api.parseModuleMessage(`(1)${" ".repeat(5000)}x`)).toEqual({ code: 1, text: "x", pattern: "parenthesized" });
  });

  it("a module code in the code field may not be the success code", async () => {
    const catalog = (code: string) => `format: 1
success: OK
common:
  - { code: InternalError, description: failed, fault: server }
moduleErrors:
  in: code
  modules:
    - name: account
      codes:
        - { code: ${code}, name: Fine, description: reads as success }
`;
    // The same catalog with another module code is valid: only the success code is at issue.
    await setUp(() => generate(catalog("Other")));
    expect(() => generate(catalog("OK"))).toThrow(/success/);
  });
});

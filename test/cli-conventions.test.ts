/** The command line's conventions: help per command, only a command's own options, JSON outputs. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../generator/cli/spec.js";
import { cleanup, cli, minimalCatalog, tempDir, writeCatalog } from "./helpers.js";

afterAll(cleanup);

describe("help", () => {
  it.each(COMMANDS.filter((command) => command.name !== "help").map((command) => command.name))(
    "errcat help %s and errcat %s --help print the same page, naming every option",
    (name) => {
      const viaHelp = cli(["help", name]);
      const viaFlag = cli([name, "--help"]);
      expect(viaHelp.code).toBe(0);
      expect(viaFlag.stdout).toBe(viaHelp.stdout);
      expect(viaHelp.stdout).toMatch(new RegExp(`^errcat ${name}: `));
      const spec = COMMANDS.find((command) => command.name === name);
      for (const option of Object.keys(spec?.options ?? {})) expect(viaHelp.stdout).toContain(`--${option}`);
    },
  );

  it("refuses help for a command that does not exist", () => {
    expect(cli(["help", "frobnicate"]).code).toBe(2);
  });
});

describe("options", () => {
  it.each([
    { args: ["validate", "--watch"], want: "errcat: validate does not take --watch (generate does)" },
    { args: ["explain", "4400", "--out", "x"], want: "explain does not take --out (init and generate and export do)" },
    { args: ["generate", "--wach"], want: "unknown option --wach for generate; did you mean --watch?" },
    { args: ["diff", "--agains", "main"], want: "unknown option --agains for diff; did you mean --against?" },
    { args: ["generate", "--format", "json"], want: "--format json goes with --check" },
    { args: ["explain", "4400", "--format", "github"], want: "--format must be text or json, not github" },
    { args: ["generat"], want: "unknown command generat; did you mean generate?" },
    { args: ["generate", "--schema"], want: "--schema needs a value (FILE)" },
  ])("errcat $args is a usage error", ({ args, want }) => {
    const result = cli(args);
    expect(result.stderr).toContain(want);
    expect(result.stderr).toMatch(/Run errcat (help \w+|--help) for usage\./);
    expect(result.code).toBe(2);
  });
});

describe("explain", () => {
  it.each([
    { args: ["-30001"], want: /^-30001 BucketNameTaken: module storageBox/ },
    { args: ["QuotaExceeded"], want: /^4400 QuotaExceeded: common code, class QuotaExceededError/ },
    { args: ["QuotaExceededError"], want: /^4400 QuotaExceeded: common code/ },
    { args: ["BucketNameTaken", "--module", "storageBox"], want: /^-30001 BucketNameTaken: module storageBox/ },
  ])("explain $args", ({ args, want }) => {
    const result = cli(["explain", ...args]);
    expect(result.stdout).toMatch(want);
    expect(result.code).toBe(0);
  });

  it("answers in JSON: the matches, how a message parsed, and notes", () => {
    const byName = JSON.parse(cli(["explain", "IncorrectProjectId", "--format", "json"]).stdout);
    expect(byName).toEqual({
      ok: true,
      input: "IncorrectProjectId",
      parsed: null,
      matches: [
        {
          kind: "module",
          code: 100004,
          name: "IncorrectProjectId",
          module: "account",
          member: "AccountModuleErrorCode.IncorrectProjectId",
          description: "incorrect projectId",
        },
      ],
      notes: [],
    });
    const unknown = cli(["explain", "(7) what", "--format", "json"]);
    expect(JSON.parse(unknown.stdout)).toMatchObject({
      ok: false,
      parsed: { pattern: "parenthesized", code: 7, text: "what" },
      matches: [],
      notes: ["no module lists code 7"],
    });
    expect(unknown.code).toBe(1);
  });
});

describe("--format json", () => {
  it("validate: counts and warnings, or every problem", () => {
    const dir = tempDir();
    const ok = JSON.parse(
      cli(["validate", writeCatalog(dir, minimalCatalog("id: test-api\n")), "--format", "json"]).stdout,
    );
    expect(ok).toMatchObject({
      ok: true,
      counts: { common: 2, modules: 1, moduleCodes: 1, files: 1 },
      problems: [],
      warnings: [],
    });
    const broken = writeCatalog(dir, minimalCatalog().replace("fault: server", "fault: nobody"), "broken.yaml");
    const result = cli(["validate", broken, "--format", "json"]);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      problems: [
        {
          severity: "error",
          file: broken,
          line: 6,
          col: 102,
          pointer: "/common/1/fault",
          message: 'must be one of: "client", "server"',
        },
      ],
      warnings: [],
    });
    expect(result.code).toBe(1);
  });

  it("generate --check: the drift, each file with its kind and diff", () => {
    const dir = tempDir();
    const schema = writeCatalog(dir, minimalCatalog("id: test-api\n"));
    const out = join(dir, "out");
    expect(cli(["generate", "--schema", schema, "--out", out]).code).toBe(0);
    writeFileSync(join(out, "common.ts"), "// edited\n");
    const result = cli(["generate", "--check", "--schema", schema, "--out", out, "--format", "json"]);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: false, schema, out, problems: [], warnings: [] });
    expect(report.drift).toEqual([{ file: "common.ts", kind: "changed", diff: expect.stringContaining("-// edited") }]);
    expect(result.code).toBe(1);
  });
});

describe("generate --check in words", () => {
  it('says "1 file", and escapes , and : in the paths of its GitHub annotations', () => {
    const dir = tempDir();
    const schema = writeCatalog(dir, minimalCatalog("id: test-api\n"));
    const out = join(dir, "a,b:c");
    mkdirSync(out);
    expect(cli(["generate", "--schema", schema, "--out", out]).code).toBe(0);
    writeFileSync(join(out, "common.ts"), "// edited\n");
    const text = cli(["generate", "--check", "--schema", schema, "--out", out]);
    expect(text.stderr).toMatch(/is out of date with .* \(1 file\); run:/);
    const github = cli(["generate", "--check", "--schema", schema, "--out", out, "--format", "github"]);
    expect(github.stdout).toMatch(/^::error file=\S*a%2Cb%3Ac\/common\.ts,line=1,col=1::common\.ts is changed; run /m);
  });
});

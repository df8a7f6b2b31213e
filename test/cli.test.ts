import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, cleanup, cli, minimalCatalog, ROOT, tempDir, writeCatalog } from "./helpers.js";

afterAll(cleanup);

describe("errcat explain", () => {
  it.each([
    {
      name: "a common code",
      args: ["4400"],
      code: 0,
      want: /4400 QuotaExceeded: common code, class QuotaExceededError[\s\S]*fault: client, retryable: yes/,
    },
    { name: "a module code", args: ["100004"], code: 0, want: /100004 IncorrectProjectId: module account/ },
    {
      name: "a negative code after --",
      args: ["--", "-30001"],
      code: 0,
      want: /-30001 BucketNameTaken: module storageBox/,
    },
    {
      name: "a message with its module",
      args: ["(100004) incorrect projectId", "--module", "account"],
      code: 0,
      want: /parsed by pattern parenthesized: module code 100004, text "incorrect projectId"\n100004 IncorrectProjectId/,
    },
    { name: "a message whose code no module lists", args: ["(7) what"], code: 1, want: /no module lists code 7/ },
    { name: "an unknown code", args: ["4999"], code: 1, want: /4999 is not in the catalog/ },
    { name: "text that is neither", args: ["hello there"], code: 1, want: /is neither a code, a name nor a message/ },
    { name: "an unknown module", args: ["1", "--module", "nope"], code: 2, want: /no module nope/ },
    { name: "no input", args: [], code: 2, want: /errcat explain CODE\|NAME\|MESSAGE .*\(given: nothing\)/ },
  ])("$name", ({ args, code, want }) => {
    const result = cli(["explain", ...args]);
    expect(result.stdout + result.stderr).toMatch(want);
    expect(result.code).toBe(code);
  });

  it("explains string codes in another locale", () => {
    const result = cli([
      "explain",
      "AuthFailure.SignatureExpire",
      "--schema",
      "examples/dotted/catalog.yaml",
      "--locale",
      "zh",
    ]);
    expect(result.stdout).toMatch(/签名已过期/);
    expect(result.code).toBe(0);
  });
});

describe("errcat export", () => {
  it("writes the validated catalog as JSON with defaults filled in", () => {
    const result = cli(["export", "--format", "json"]);
    expect(result.code).toBe(0);
    const exported = JSON.parse(result.stdout) as {
      common: { code: number; retryable: boolean }[];
      modules: unknown[];
    };
    expect(exported.common).toHaveLength(16);
    expect(exported.common.find((entry) => entry.code === 4000)?.retryable).toBe(false);
    expect(exported.modules).toHaveLength(2);
  });

  it("needs --format json", () => {
    expect(cli(["export"]).code).toBe(2);
  });
});

describe("the command line", () => {
  it.each([
    { args: [], code: 2, want: /a command is required/ },
    { args: ["frobnicate"], code: 2, want: /unknown command frobnicate/ },
    { args: ["generate", "--bogus"], code: 2, want: /unknown option --bogus for generate/ },
    { args: ["generate", "--check", "--watch"], code: 2, want: /do not go together/ },
    { args: ["validate", "--format", "xml"], code: 2, want: /--format must be text or github or json, not xml/ },
    { args: ["--help"], code: 0, want: /Usage:[\s\S]*errcat diff/ },
    {
      args: ["validate", "no/such/file.yaml"],
      code: 1,
      want: /no\/such\/file\.yaml:1:1: cannot read the catalog: no such file \(ENOENT\)/,
    },
  ])("errcat $args exits $code", ({ args, code, want }) => {
    const result = cli(args);
    expect(result.stdout + result.stderr).toMatch(want);
    expect(result.code).toBe(code);
  });

  it("prints the package version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(cli(["--version"]).stdout.trim()).toBe(version);
  });

  it("annotates catalog problems for GitHub", () => {
    const file = writeCatalog(tempDir(), minimalCatalog().replace("fault: server", "fault: nobody"));
    const result = cli(["validate", file, "--format", "github"]);
    expect(result.stderr).toMatch(new RegExp(`^::error file=${file},line=6,col=\\d+::must be one of`, "m"));
    expect(result.code).toBe(1);
  });
});

describe("errcat diff", () => {
  const catalogs = () => {
    const dir = tempDir();
    const before = writeCatalog(dir, minimalCatalog(), "before.yaml");
    return { dir, before };
  };

  it("exits 1 on a breaking change and names the rule and the bump", () => {
    const { dir, before } = catalogs();
    const after = writeCatalog(dir, minimalCatalog().replace("retryable: true", "retryable: false"), "after.yaml");
    const result = cli(["diff", before, after]);
    expect(result.stdout).toMatch(/after\.yaml:\d+:\d+: BREAKING RETRYABLE_CHANGED common code 4400/);
    expect(result.stdout).toMatch(/a major version bump/);
    expect(result.code).toBe(1);
  });

  it("exits 0 on a safe change, with JSON on request", () => {
    const { dir, before } = catalogs();
    const after = writeCatalog(dir, minimalCatalog().replace("Too many requests.", "Slow down."), "after.yaml");
    const result = cli(["diff", before, after, "--format", "json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({ bump: "patch", breaking: 0 });
    expect(result.code).toBe(0);
  });

  it("exits 2 for an invalid catalog, a missing ref or a wrong call", () => {
    const { dir, before } = catalogs();
    const broken = writeCatalog(dir, "format: 2\n", "broken.yaml");
    expect(cli(["diff", before, broken]).code).toBe(2);
    expect(cli(["diff", "--against", "no-such-ref-anywhere"]).code).toBe(2);
    expect(cli(["diff", before]).code).toBe(2);
  });
});

describe("the CI workflow", () => {
  it("parses and runs the same commands as .ci/run", () => {
    const workflow = parse(readFileSync(join(ROOT, ".github/workflows/ci.yml"), "utf8")) as {
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    const runs = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((step) => (step.run ? [step.run] : [])),
    );
    const ciCommands = readFileSync(join(ROOT, ".ci/run"), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("npm "));
    expect(ciCommands).toEqual(["npm ci --no-audit --no-fund", "npm test"]);
    for (const command of ciCommands) expect(runs).toContain(command);
  });
});

describe("errcat generate --watch", () => {
  /** Resolves with everything printed once `pattern` shows up; rejects when the process ends first. */
  function waitFor(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
    return new Promise((resolve, reject) => {
      let seen = "";
      const onData = (chunk: Buffer) => {
        seen += chunk.toString();
        if (pattern.test(seen)) {
          child.stdout.off("data", onData);
          child.stderr.off("data", onData);
          resolve(seen);
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.once("exit", () => reject(new Error(`exited before ${pattern}: ${seen}`)));
    });
  }

  it("regenerates on save, survives a catalog error, and stops on Ctrl-C", async () => {
    const dir = tempDir();
    const schema = writeCatalog(dir, minimalCatalog());
    const out = join(dir, "generated");
    const child = spawn(process.execPath, [BIN, "generate", "--watch", "--schema", schema, "--out", out]);
    await waitFor(child, /watching 1 catalog file/);
    expect(readFileSync(join(out, "common.ts"), "utf8")).toContain("Too many requests.");

    writeFileSync(schema, minimalCatalog().replace("Too many requests.", "Slow down please."));
    await waitFor(child, /changed: .*common\.ts/);
    expect(readFileSync(join(out, "common.ts"), "utf8")).toContain("Slow down please.");

    writeFileSync(schema, minimalCatalog().replace("fault: server", "fault: nobody"));
    await waitFor(child, /must be one of[\s\S]*waiting for the next save/);

    writeFileSync(schema, minimalCatalog().replace("Too many requests.", "Back to normal."));
    await waitFor(child, /changed: .*common\.ts/);
    expect(readFileSync(join(out, "common.ts"), "utf8")).toContain("Back to normal.");

    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 30_000);
});

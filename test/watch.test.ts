import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { BIN, cleanup, minimalCatalog, tempDir } from "./helpers.js";

afterAll(cleanup);

const moduleFile = (id: string, code: number, description: string) => `modules:
  - name: ${id}
    codes:
      - { code: ${code}, name: Broken${code}, description: ${description} }
`;

/** A watching errcat whose output is read line by line; every wait is on a line it prints. */
class Watching {
  readonly child: ChildProcessWithoutNullStreams;
  private seen = "";
  private waiters: { pattern: RegExp; resolve: (text: string) => void }[] = [];

  constructor(schema: string, out: string) {
    this.child = spawn(process.execPath, [BIN, "generate", "--watch", "--schema", schema, "--out", out]);
    const onData = (chunk: Buffer) => {
      this.seen += chunk.toString();
      for (const waiter of [...this.waiters]) {
        const match = waiter.pattern.exec(this.seen);
        if (!match) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        this.seen = this.seen.slice(match.index + match[0].length);
        waiter.resolve(match[0]);
      }
    };
    this.child.stdout.on("data", onData);
    this.child.stderr.on("data", onData);
  }

  /** Resolves with the first text matching `pattern` printed since the last match. */
  next(pattern: RegExp): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ pattern, resolve });
      this.child.once("exit", () => reject(new Error(`exited before ${pattern}: ${this.seen}`)));
      this.child.stdout.emit("data", Buffer.alloc(0));
    });
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGINT");
    return exited;
  }
}

const running: Watching[] = [];
afterEach(async () => {
  for (const watching of running.splice(0)) if (watching.child.exitCode === null) await watching.stop();
});

/** A catalog whose modules live in three included files, two folders deep for one of them. */
function project() {
  const dir = tempDir();
  mkdirSync(join(dir, "modules/deep"), { recursive: true });
  const schema = join(dir, "errors.yaml");
  writeFileSync(schema, minimalCatalog('include: ["modules/**/*.yaml"]\n'));
  writeFileSync(join(dir, "modules/billing.yaml"), moduleFile("billing", 200001, "the card was declined"));
  writeFileSync(join(dir, "modules/refunds.yaml"), moduleFile("refunds", 300001, "too late to refund"));
  writeFileSync(join(dir, "modules/deep/orders.yaml"), moduleFile("orders", 400001, "no such order"));
  const out = join(dir, "generated");
  const watching = new Watching(schema, out);
  running.push(watching);
  return { dir, schema, out, watching };
}

describe("generate --watch with modules in included files", () => {
  it("emits again only the module whose file changed, and the files that list every module", async () => {
    const { dir, out, watching } = project();
    await watching.next(/watching 4 catalog file/);
    writeFileSync(join(dir, "modules/refunds.yaml"), moduleFile("refunds", 300001, "refunds closed"));
    const line = await watching.next(/changed: .*\n/);
    expect(line).toMatch(/1 of 4 modules emitted/);
    expect(line).toMatch(/modules\/refunds\.ts/);
    expect(line).not.toMatch(/modules\/(billing|orders)\.ts/);
    expect(readFileSync(join(out, "modules/refunds.ts"), "utf8")).toContain("refunds closed");
    expect(readFileSync(join(out, "error-codes.md"), "utf8")).toContain("refunds closed");
  });

  it("sees a file in a folder created after it started", async () => {
    const { dir, out, watching } = project();
    await watching.next(/watching/);
    mkdirSync(join(dir, "modules/new/deeper"), { recursive: true });
    writeFileSync(join(dir, "modules/new/deeper/gifts.yaml"), moduleFile("gifts", 500001, "gift card expired"));
    await watching.next(/changed: .*modules\/gifts\.ts.*\n/);
    expect(readFileSync(join(out, "modules/gifts.ts"), "utf8")).toContain("gift card expired");
    expect(readFileSync(join(out, "all.ts"), "utf8")).toContain("./modules/gifts.js");
  });

  it("removes the output of a module whose file was deleted", async () => {
    const { dir, out, watching } = project();
    await watching.next(/watching/);
    rmSync(join(dir, "modules/deep/orders.yaml"));
    await watching.next(/changed: .*modules\/orders\.ts \(removed\).*\n/);
    expect(existsSync(join(out, "modules/orders.ts"))).toBe(false);
  });
});

describe("generate --watch with every module in the catalog", () => {
  it("emits again only the module whose codes changed, the file parsed again as a whole", async () => {
    const dir = tempDir();
    const schema = join(dir, "errors.yaml");
    const catalog = (description: string) =>
      `${minimalCatalog()}    - name: billing\n      codes:\n        - { code: 200001, name: Declined, description: ${description} }\n`;
    writeFileSync(schema, catalog("declined"));
    const out = join(dir, "generated");
    const watching = new Watching(schema, out);
    running.push(watching);
    await watching.next(/watching 1 catalog file/);
    writeFileSync(schema, catalog("declined twice"));
    const line = await watching.next(/changed: .*\n/);
    expect(line).toMatch(/1 of 2 modules emitted/);
    expect(line).toMatch(/modules\/billing\.ts/);
    expect(line).not.toMatch(/modules\/account\.ts/);
    expect(readFileSync(join(out, "modules/billing.ts"), "utf8")).toContain("declined twice");
  });

  it("emits every module again when a catalog setting changes", async () => {
    const dir = tempDir();
    const schema = join(dir, "errors.yaml");
    writeFileSync(schema, minimalCatalog());
    const out = join(dir, "generated");
    const watching = new Watching(schema, out);
    running.push(watching);
    await watching.next(/watching/);
    writeFileSync(schema, minimalCatalog("output:\n  enumStyle: enum\n"));
    const line = await watching.next(/changed: .*\n/);
    expect(line).toMatch(/1 of 1 modules emitted/);
    expect(readFileSync(join(out, "modules/account.ts"), "utf8")).toContain("export enum AccountModuleErrorCode");
  });
});

describe("generate --watch keeps watching after any error", () => {
  it.each([
    {
      name: "a broken included file",
      breakIt: ({ dir }: { dir: string }) => writeFileSync(join(dir, "modules/billing.yaml"), "modules: [\n"),
      want: /billing\.yaml:\d+:\d+: [\s\S]*waiting for the next save/,
      mend: ({ dir }: { dir: string }) =>
        writeFileSync(join(dir, "modules/billing.yaml"), moduleFile("billing", 200001, "mended")),
    },
    {
      name: "a deleted manifest",
      breakIt: ({ dir, out }: { dir: string; out: string }) => {
        rmSync(join(out, ".errcat-manifest.json"));
        writeFileSync(join(dir, "modules/billing.yaml"), moduleFile("billing", 200001, "after the manifest"));
      },
      want: /errcat: refusing to write to .*holds no \.errcat-manifest\.json[\s\S]*waiting for the next save/,
      mend: ({ dir, out }: { dir: string; out: string }) => {
        rmSync(out, { recursive: true });
        writeFileSync(join(dir, "modules/billing.yaml"), moduleFile("billing", 200001, "mended"));
      },
    },
    {
      name: "an output file that cannot be replaced",
      breakIt: ({ dir, out }: { dir: string; out: string }) => {
        // A folder where a module's file goes: renaming the new file onto it fails, whoever runs the test.
        rmSync(join(out, "modules/billing.ts"));
        mkdirSync(join(out, "modules/billing.ts/occupied"), { recursive: true });
        writeFileSync(join(dir, "modules/billing.yaml"), moduleFile("billing", 200001, "blocked"));
      },
      want: /errcat: .*(EISDIR|ENOTEMPTY|EEXIST|directory)[\s\S]*waiting for the next save/,
      mend: ({ dir, out }: { dir: string; out: string }) => {
        rmSync(join(out, "modules/billing.ts"), { recursive: true });
        writeFileSync(join(dir, "modules/billing.yaml"), moduleFile("billing", 200001, "mended"));
      },
    },
  ])("$name is reported, and the next save regenerates", async ({ breakIt, want, mend }) => {
    const { dir, out, watching } = project();
    await watching.next(/watching/);
    breakIt({ dir, out });
    await watching.next(want);
    mend({ dir, out });
    await watching.next(/changed: .*modules\/billing\.ts.*\n/);
    expect(readFileSync(join(out, "modules/billing.ts"), "utf8")).toContain("mended");
    expect(await watching.stop()).toBe(0);
  });
});

import * as fs from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate, MANIFEST_FILE } from "../generator/index.js";
import { type FileOps, listFiles } from "../generator/write.js";
import { cleanup, cli, minimalCatalog, tempDir, writeCatalog } from "./helpers.js";

afterAll(cleanup);

/** Every file under `dir` with its bytes, to compare a folder before and after. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file, fs.readFileSync(join(dir, file), "latin1")]));
}

const withModule = (name: string) =>
  `    - name: ${name}\n      codes:\n        - { code: 1, name: One, description: one }\n`;

/** A project whose output came from one catalog, and a second catalog that changes it. */
function project() {
  const dir = tempDir();
  const schema = join(dir, "schema", "catalog.yaml");
  fs.mkdirSync(dirname(schema));
  const out = join(dir, "generated");
  fs.writeFileSync(schema, `${minimalCatalog()}${withModule("oldModule")}`);
  generate({ schema, out });
  const next = minimalCatalog().replace("Too many requests.", "Slow down.") + withModule("newModule");
  return { dir, schema, out, next };
}

describe("all-or-nothing writes", () => {
  const operations = ["writeFileSync", "renameSync", "mkdirSync", "unlinkSync"] as const;

  it.each(operations)("a failure at any call of %s leaves the previous output byte-identical", (operation) => {
    let failures = 0;
    for (let failAt = 1; ; failAt++) {
      const { schema, out, next } = project();
      const before = snapshot(out);
      fs.writeFileSync(schema, next);
      let calls = 0;
      const real = { ...fs } as unknown as Record<string, (...args: unknown[]) => unknown>;
      const failing: FileOps = {
        ...fs,
        [operation]: (...args: unknown[]) => {
          calls++;
          if (calls === failAt) throw new Error(`injected ${operation} failure #${failAt}`);
          return real[operation]?.(...args);
        },
      } as FileOps;
      let threw = false;
      try {
        generate({ schema, out, fs: failing });
      } catch (error) {
        threw = true;
        expect((error as Error).message).toContain("injected");
      }
      if (!threw) {
        // The run got past every call of this operation: it changed the output as a whole.
        expect(snapshot(out)).not.toEqual(before);
        break;
      }
      failures++;
      expect(snapshot(out)).toEqual(before);
    }
    if (operation !== "unlinkSync") expect(failures).toBeGreaterThan(0);
  });

  it("stages on a second thread from the CLI: a file it cannot write leaves the previous output as it was", () => {
    const { schema, out, next } = project();
    fs.writeFileSync(schema, next);
    // A file where the modules' folder must be: no module can be staged, so the run must fail
    // and remove what the thread staged already.
    fs.rmSync(join(out, "modules"), { recursive: true });
    fs.writeFileSync(join(out, "modules"), "in the way");
    const before = snapshot(out);
    const result = cli(["generate", "--schema", schema, "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write modules\/.*; the output folder is left as it was/);
    expect(snapshot(out)).toEqual(before);
  });

  it("stages on a second thread from the CLI: the output is what the library writes", () => {
    const { schema, out, next } = project();
    fs.writeFileSync(schema, next);
    const viaLibrary = join(dirname(out), "library");
    generate({ schema, out: viaLibrary });
    expect(cli(["generate", "--schema", schema, "--out", out]).code).toBe(0);
    const strip = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([file]) => file !== MANIFEST_FILE));
    expect(strip(snapshot(out))).toEqual(strip(snapshot(viaLibrary)));
    expect(cli(["generate", "--schema", schema, "--out", out, "--check"]).stdout).toMatch(/manifest's hashes match/);
  });

  it("writes nothing for an invalid catalog", () => {
    const { schema, out } = project();
    const before = snapshot(out);
    fs.writeFileSync(schema, minimalCatalog().replace("fault: server", "fault: nobody"));
    expect(cli(["generate", "--schema", schema, "--out", out]).code).toBe(1);
    expect(snapshot(out)).toEqual(before);
  });

  it("removes its own orphans and leaves a user's file alone", () => {
    const { schema, out, next } = project();
    fs.writeFileSync(join(out, "NOTES.md"), "mine");
    fs.writeFileSync(schema, next);
    const result = generate({ schema, out });
    expect(result.mode === "write" && result.removed).toEqual(["modules/old-module.ts"]);
    expect(fs.existsSync(join(out, "modules/old-module.ts"))).toBe(false);
    expect(fs.readFileSync(join(out, "NOTES.md"), "utf8")).toBe("mine");
    expect(JSON.parse(fs.readFileSync(join(out, MANIFEST_FILE), "utf8")).files).toContain("modules/new-module.ts");
  });

  it("leaves unchanged files untouched", () => {
    const { schema, out } = project();
    const result = generate({ schema, out });
    expect(result.mode === "write" && result.written).toEqual([]);
  });

  it("never deletes what a tampered manifest names outside the folder", () => {
    const { dir, schema, out } = project();
    fs.writeFileSync(join(dir, "precious.txt"), "keep");
    fs.writeFileSync(join(out, MANIFEST_FILE), JSON.stringify({ files: ["../precious.txt", "/etc/hostname"] }));
    generate({ schema, out });
    expect(fs.readFileSync(join(dir, "precious.txt"), "utf8")).toBe("keep");
  });
});

describe("output folder safety", () => {
  it.each([
    { name: "the filesystem root", out: () => "/", want: /filesystem root/ },
    { name: "the home folder", out: () => homedir(), want: /home folder/ },
    { name: "the catalog's own folder", out: (schemaDir: string) => schemaDir, want: /holds the catalog/ },
    { name: "a parent of the catalog", out: (schemaDir: string) => dirname(schemaDir), want: /holds the catalog/ },
    {
      name: "a non-empty folder errcat did not write",
      out: () => {
        const dir = tempDir();
        fs.writeFileSync(join(dir, "index.ts"), "// hand-written");
        return dir;
      },
      want: /not empty and holds no \.errcat-manifest\.json/,
    },
  ])("refuses $name with exit code 2 and touches nothing", ({ out, want }) => {
    const dir = tempDir();
    const schemaDir = join(dir, "schema");
    fs.mkdirSync(schemaDir);
    const schema = writeCatalog(schemaDir, minimalCatalog());
    const target = out(schemaDir);
    const before = target === "/" || target === homedir() ? undefined : snapshot(target);
    const result = cli(["generate", "--schema", schema, "--out", target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(want);
    if (before) expect(snapshot(target)).toEqual(before);
  });

  it("writes into an empty folder", () => {
    const dir = tempDir();
    const schema = writeCatalog(dir, minimalCatalog());
    const out = join(dir, "out");
    fs.mkdirSync(out);
    expect(cli(["generate", "--schema", schema, "--out", out]).code).toBe(0);
    expect(fs.existsSync(join(out, "index.ts"))).toBe(true);
  });
});

describe("generate --check", () => {
  function synced() {
    const { schema, out, next } = project();
    const run = () => cli(["generate", "--check", "--schema", schema, "--out", out]);
    return { schema, out, next, run };
  }

  it("exits 0 on a tree in sync", () => {
    const { run } = synced();
    const result = run();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/is up to date/);
  });

  it.each([
    {
      kind: "changed",
      change: (out: string) => fs.appendFileSync(join(out, "common.ts"), "// edited\n"),
      want: /common\.ts: changed\n[\s\S]*-\/\/ edited/,
    },
    {
      kind: "missing",
      change: (out: string) => fs.unlinkSync(join(out, "guards.ts")),
      want: /guards\.ts: missing\n[\s\S]*\+export function isApiError/,
    },
    {
      kind: "orphan",
      // A file an earlier run wrote (its manifest lists it) that the catalog no longer produces.
      change: (out: string) => {
        fs.writeFileSync(join(out, "stray.ts"), "export const stray = 1;\n");
        const manifest = JSON.parse(fs.readFileSync(join(out, MANIFEST_FILE), "utf8")) as { files: string[] };
        fs.writeFileSync(
          join(out, MANIFEST_FILE),
          JSON.stringify({ ...manifest, files: [...manifest.files, "stray.ts"] }),
        );
      },
      want: /stray\.ts: orphan\n[\s\S]*-export const stray = 1;/,
    },
  ])("reports a $kind file with a diff and the command, exit 1, writing nothing", ({ change, want }) => {
    const { out, run } = synced();
    change(out);
    const before = snapshot(out);
    const result = run();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(want);
    expect(result.stderr).toMatch(/out of date[\s\S]*run: errcat generate --schema/);
    expect(snapshot(out)).toEqual(before);
  });

  it("reports a catalog edited without regenerating", () => {
    const { schema, next, run } = synced();
    fs.writeFileSync(schema, next);
    const result = run();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/common\.ts: changed/);
    expect(result.stdout).toMatch(/modules\/new-module\.ts: missing/);
  });

  it("names a file errcat did not write as not errcat's, and says to move it out, not to regenerate", () => {
    const { schema, out } = synced();
    fs.writeFileSync(join(out, "NOTES.md"), "x\n");
    expect(cli(["generate", "--schema", schema, "--out", out]).code).toBe(0);
    expect(fs.readFileSync(join(out, "NOTES.md"), "utf8")).toBe("x\n");
    const result = cli(["generate", "--check", "--schema", schema, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `NOTES.md is not errcat's: errcat did not write it and keeps it, so move it out of ${out}`,
    );
    expect(result.stderr).toMatch(/holds 1 file errcat did not write; move them out of/);
    expect(result.stdout + result.stderr).not.toMatch(/run: errcat generate|orphan/);
  });

  it("annotates the pull request with --format github", () => {
    const { schema, out } = synced();
    fs.unlinkSync(join(out, "guards.ts"));
    const result = cli(["generate", "--check", "--format", "github", "--schema", schema, "--out", out]);
    expect(result.code).toBe(1);
    // Annotated on the file's first line, its path escaped as every annotation's is.
    expect(result.stdout).toContain(
      `::error file=${out}/guards.ts,line=1,col=1::guards.ts is missing; run errcat generate`,
    );
  });
});

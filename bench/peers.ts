import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { expectOk, median, peak, type Sample } from "./proc.js";

/**
 * Other generators run on the same codes, each installed from npm into a folder of its own under
 * `.bench/peers` (kept between runs): `buf generate` with protoc-gen-es (one protobuf enum per
 * module, the descriptions as comments) and openapi-typescript (one enum schema per module), which
 * declares a peer of typescript 5 and so gets its own typescript.
 */
export interface Peer {
  readonly name: string;
  /** What its output holds, for the table. */
  readonly holds: string;
  /** Writes the input for a catalog into `dir`; returns the command and its arguments, run in `dir`. */
  prepare(dir: string, modules: readonly PeerModule[]): { command: string; args: string[]; out: string };
}

export interface PeerModule {
  readonly id: string;
  readonly codes: readonly { readonly code: number; readonly name: string; readonly description: string }[];
}

const PEERS_DIR = join(import.meta.dirname, "../.bench/peers");

/** Installs the packages into `.bench/peers/<folder>` unless they are there already. */
function install(folder: string, packages: readonly string[], probe: string): string {
  const dir = join(PEERS_DIR, folder);
  if (existsSync(join(dir, "node_modules", probe))) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ private: true })}\n`);
  const result = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--silent", ...packages], {
    cwd: dir,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`npm install ${packages.join(" ")} failed in ${dir}`);
  return dir;
}

/** The modules of a catalog's YAML with their codes' names and (default locale) descriptions. */
export function peerModules(yaml: string): PeerModule[] {
  const doc = parse(yaml) as { moduleErrors: { modules: { name: string; codes: PeerModule["codes"] }[] } };
  return doc.moduleErrors.modules.map((module) => ({ id: module.name, codes: module.codes }));
}

const pascal = (id: string) =>
  id
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
const upperSnake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();

/**
 * One proto2 file per module, as errcat writes one file per module (protoc-gen-es slows down
 * steeply with the values of one file: 30,000 in one file take it about a minute). proto2, since
 * its enums need no zero value; enum values share the package's scope, so they carry a prefix.
 */
function protoFiles(modules: readonly PeerModule[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const module of modules) {
    const enumName = `${pascal(module.id)}ErrorCode`;
    const prefix = upperSnake(enumName);
    const lines = ['syntax = "proto2";', "", "package bench.errors;", ""];
    lines.push(`// The module error codes of ${module.id}.`, `enum ${enumName} {`);
    for (const entry of module.codes) {
      lines.push(
        `  // ${entry.description.replace(/\s+/g, " ")}`,
        `  ${prefix}_${upperSnake(entry.name)} = ${entry.code};`,
      );
    }
    lines.push("}", "");
    files.set(`${module.id.replace(/[^A-Za-z0-9]/g, "_").toLowerCase()}.proto`, lines.join("\n"));
  }
  return files;
}

function openApiDocument(modules: readonly PeerModule[]): string {
  const schemas = Object.fromEntries(
    modules.map((module) => [
      `${pascal(module.id)}ErrorCode`,
      {
        type: "integer",
        description: `The module error codes of ${module.id}.`,
        enum: module.codes.map((entry) => entry.code),
        "x-enum-varnames": module.codes.map((entry) => entry.name),
        "x-enum-descriptions": module.codes.map((entry) => entry.description),
      },
    ]),
  );
  return JSON.stringify({
    openapi: "3.1.0",
    info: { title: "bench", version: "1" },
    paths: {},
    components: { schemas },
  });
}

export const PEERS: readonly Peer[] = [
  {
    name: "`buf generate` + protoc-gen-es",
    holds: "a file per module: its enum (descriptions as JSDoc) and its embedded file descriptor",
    prepare(dir, modules) {
      const installed = install(
        "protobuf-es",
        ["@bufbuild/buf@1", "@bufbuild/protoc-gen-es@2", "@bufbuild/protobuf@2"],
        "@bufbuild/protoc-gen-es",
      );
      mkdirSync(join(dir, "proto"), { recursive: true });
      for (const [file, text] of protoFiles(modules)) writeFileSync(join(dir, "proto", file), text);
      writeFileSync(join(dir, "buf.yaml"), "version: v2\nmodules:\n  - path: proto\n");
      const plugin = join(installed, "node_modules/.bin/protoc-gen-es");
      writeFileSync(
        join(dir, "buf.gen.yaml"),
        `version: v2\nplugins:\n  - local: ${JSON.stringify(plugin)}\n    out: gen\n    opt: target=ts\n`,
      );
      // npm 11 does not run @bufbuild/buf's install script: call the platform package's binary.
      const buf = join(installed, `node_modules/@bufbuild/buf-${process.platform}-${process.arch}/bin/buf`);
      return { command: buf, args: ["generate"], out: join(dir, "gen") };
    },
  },
  {
    name: "openapi-typescript",
    holds: "one TypeScript enum per module (`--enum`, names from `x-enum-varnames`) and the schema types",
    prepare(dir, modules) {
      const installed = install("openapi-typescript", ["openapi-typescript@7", "typescript@5"], "openapi-typescript");
      writeFileSync(join(dir, "openapi.json"), openApiDocument(modules));
      const cli = join(installed, "node_modules/openapi-typescript/bin/cli.js");
      return {
        command: process.execPath,
        args: [cli, "openapi.json", "--enum", "-o", "gen/errors.ts"],
        out: join(dir, "gen"),
      };
    },
  },
];

/** Files and bytes under a folder. */
export function outputSize(dir: string): { files: number; bytes: number } {
  if (!existsSync(dir)) return { files: 0, bytes: 0 };
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .map((file) => join(dir, file))
    .filter((file) => statSync(file).isFile());
  return { files: files.length, bytes: files.reduce((sum, file) => sum + statSync(file).size, 0) };
}

export function clearOutput(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface PeerResult {
  readonly name: string;
  readonly holds: string;
  readonly ms: number;
  readonly rssMB: number | undefined;
  readonly files: number;
  readonly bytes: number;
}

export interface PeersResult {
  readonly runs: number;
  readonly peers: readonly PeerResult[];
  /** errcat generate on the same codes, timed in the same interleaved runs. */
  readonly errcat: PeerResult;
}

/**
 * Each peer and `errcat generate` on the same catalog, `runs` times interleaved: medians of wall
 * time, the worst peak RSS, and the output of the last run. `time` runs a command in a folder and
 * returns its sample; `errcat` runs errcat into a folder.
 */
export function measurePeers(options: {
  readonly dir: string;
  readonly yaml: string;
  readonly runs: number;
  readonly time: (command: string, args: readonly string[], cwd: string) => Sample;
  readonly errcat: (out: string) => Sample;
}): PeersResult {
  const modules = peerModules(options.yaml);
  const prepared = PEERS.map((peer) => {
    const dir = join(options.dir, `peer-${PEERS.indexOf(peer)}`);
    mkdirSync(dir, { recursive: true });
    return { peer, dir, ...peer.prepare(dir, modules) };
  });
  const samples: Sample[][] = [...prepared.map(() => []), []];
  const errcatOut = join(options.dir, "peer-errcat");
  for (let run = 1; run <= options.runs; run++) {
    for (const [index, { command, args, dir, out }] of prepared.entries()) {
      clearOutput(out);
      samples[index]?.push(expectOk(options.time(command, args, dir), command));
    }
    clearOutput(errcatOut);
    samples[prepared.length]?.push(expectOk(options.errcat(errcatOut), "errcat generate"));
  }
  const result = (name: string, holds: string, runs: readonly Sample[], out: string): PeerResult => ({
    name,
    holds,
    ms: median(runs.map((sample) => sample.ms)),
    rssMB: peak(runs.map((sample) => sample.rssMB)),
    ...outputSize(out),
  });
  return {
    runs: options.runs,
    peers: prepared.map(({ peer, out }, index) => result(peer.name, peer.holds, samples[index] ?? [], out)),
    errcat: result(
      "`errcat generate`",
      `a file per module (enum, lean table, metadata, guard), the module texts per locale, the shared runtime, the docs (a file per module past \`output.docs.splitAbove\`), the reference page and the manifest`,
      samples[prepared.length] ?? [],
      errcatOut,
    ),
  };
}

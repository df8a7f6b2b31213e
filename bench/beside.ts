import { readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { moduleNames } from "../generator/names.js";
import type { SyntheticCatalog } from "./catalog.js";
import { measurePeers } from "./peers.js";
import { expectOk, runCommand, runNode } from "./proc.js";
import type { Column } from "./report.js";
import { measureWatch } from "./watch.js";

/** Every file under `dir` with its size, as the floor's plan of what to write. */
export function outputPlan(dir: string): [string, number][] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((file): [string, number] => [file, statSync(join(dir, file)).size])
    .filter(([file]) => statSync(join(dir, file)).isFile());
}

/** `--watch` latency in two layouts beside their floors, and the peer generators on the same codes. */
export async function watchAndPeers(
  helpers: { preload: string; floor: string; bin: string; root: string; log: (message: string) => void },
  dir: string,
  catalog: string,
  synthetic: SyntheticCatalog,
  runs: number,
  work: string,
): Promise<Pick<Column, "watch" | "peers">> {
  const yamlModule = createRequire(join(helpers.root, "package.json")).resolve("yaml");
  const floor = (inputs: readonly string[], outDir: string, cwd: string) => {
    const plan = join(cwd, "plan.json");
    writeFileSync(plan, JSON.stringify(outputPlan(outDir)));
    const floorOut = join(cwd, "floor-out");
    rmSync(floorOut, { recursive: true, force: true });
    return expectOk(runNode(helpers.preload, [helpers.floor, yamlModule, plan, floorOut, ...inputs], cwd), "floor").ms;
  };
  const index = Math.floor(synthetic.modules.length / 2);
  const module = synthetic.modules[index];
  if (!module) throw new Error("the synthetic catalog has too few modules");
  helpers.log(`${basename(dir)}: --watch, ${runs} runs`);
  const watch = await measureWatch({
    bin: helpers.bin,
    floor,
    dir,
    yaml: synthetic.yaml,
    runs,
    edited: { index, code: module.codes[0] ?? 0, output: `modules/${moduleNames(module.id).fileStem}.ts` },
  });
  helpers.log(`${basename(dir)}: peers, ${runs} runs`);
  const peers = measurePeers({
    dir,
    yaml: synthetic.yaml,
    runs,
    time: (command, args, cwd) => runCommand(command, args, cwd, work),
    errcat: (out) => runNode(helpers.preload, [helpers.bin, "generate", "--schema", catalog, "--out", out], dir),
  });
  return { watch, peers };
}

import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";

/** The CLI tests run `dist/bin.js`, so the build (`npm run build`) must be current before any test starts. */
export default function setup(): void {
  const root = resolve(import.meta.dirname, "../..");
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  execFileSync(process.execPath, [join(root, "dist/postbuild.js")], { cwd: root, stdio: "inherit" });
}

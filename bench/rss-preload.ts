import { writeSync } from "node:fs";

// Loaded with `node --import` into every node process the bench times (errcat and the floor alike),
// so peak memory is read the same way on every OS: the process reports it on fd 3 as it exits.
if (process.env.BENCH_RSS_FD === "3") {
  process.on("exit", () => {
    writeSync(3, `${process.resourceUsage().maxRSS}\n`);
  });
}

// Preloaded with `node --import` into a measured command: when the process exits it writes its
// peak resident set size in bytes to the file BENCH_PEAK_RSS_FILE names. Worker threads share the
// process, so their memory is included; child processes are not.
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const out = process.env.BENCH_PEAK_RSS_FILE;
if (out && isMainThread) {
  // Forgotten at once, so that workers and child processes this one starts never overwrite the file.
  delete process.env.BENCH_PEAK_RSS_FILE;
  process.on("exit", () => writeFileSync(out, String(process.resourceUsage().maxRSS * 1024)));
}

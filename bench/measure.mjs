// Runs one measured command as a child Node process, so that its wall time includes start-up
// and its peak RSS is its own, not the benchmark's.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { benchDir } from "./corpus.mjs";

const preload = new URL("./peak-rss.mjs", import.meta.url).href;
const STDERR_KEEP = 64 * 1024;

/**
 * @typedef {object} Measured
 * @property {number} seconds wall time from spawn to exit
 * @property {number | undefined} peakRss bytes; undefined when the process died before writing it
 * @property {number | null} code exit code
 * @property {string | null} signal
 * @property {string} stdout what it printed, when `stdout` was asked for
 * @property {string} stderr the end of what it wrote to stderr
 */

/**
 * Runs `node ARGS` in `cwd`. With `rss`, the child is started with the peak-RSS preload
 * (leave it off to time bare start-up). Stdout goes to /dev/null unless `stdout` is set.
 * @returns {Promise<Measured>}
 */
export async function runNode(args, { cwd, rss = true, stdout = false } = {}) {
  mkdirSync(benchDir, { recursive: true });
  const tmp = mkdtempSync(join(benchDir, "rss-"));
  const rssFile = join(tmp, "peak");
  const env = rss ? { ...process.env, BENCH_PEAK_RSS_FILE: rssFile } : process.env;
  const argv = rss ? ["--import", preload, ...args] : args;
  try {
    const started = performance.now();
    const child = spawn(process.execPath, argv, { cwd, env, stdio: ["ignore", stdout ? "pipe" : "ignore", "pipe"] });
    let out = "";
    let err = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk) => (out += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (err = (err + chunk).slice(-STDERR_KEEP)));
    const [code, signal] = await new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (c, s) => resolve([c, s]));
    });
    const seconds = (performance.now() - started) / 1000;
    let peakRss;
    try {
      peakRss = Number(readFileSync(rssFile, "utf8"));
    } catch {
      peakRss = undefined;
    }
    return { seconds, peakRss, code, signal, stdout: out, stderr: err };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The median of some numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Whether a command exited 2 because it does not know one of `flags` (a CLI older than the bench). */
export function rejectedFlag(result, flags) {
  return result.code === 2 && flags.some((flag) => result.stderr.includes(flag));
}

/**
 * Several runs of one command as one: the median wall time, with the fastest and slowest,
 * and the highest peak RSS. A run that failed stands for them all.
 * @param {Measured[]} results
 * @returns {Measured & { fastest?: number, slowest?: number, runs?: number }}
 */
export function combine(results) {
  const failed = results.find((r) => r.signal || r.code > 1);
  if (failed || results.length === 1) return failed ?? results[0];
  const seconds = results.map((r) => r.seconds);
  const peaks = results.map((r) => r.peakRss).filter((p) => p !== undefined);
  return {
    ...results[0],
    seconds: median(seconds),
    fastest: Math.min(...seconds),
    slowest: Math.max(...seconds),
    runs: results.length,
    peakRss: peaks.length ? Math.max(...peaks) : undefined,
  };
}

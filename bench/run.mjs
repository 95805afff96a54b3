#!/usr/bin/env node
// Benchmark: adlint side by side with a naive indexOf baseline and textlint + textlint-rule-prh
// given the same 2,000 terms. Every measured command is a child process, so its wall time includes
// Node's start-up and its peak RSS is its own. Prints a Markdown table (MB/s, files/s, peak RSS,
// ratio to textlint + prh) on stdout, progress on stderr.
//
// Rows: adlint with an empty cache (cold) and again with the cache it wrote (warm), in 1 thread
// (--concurrency off) and 2 (--concurrency 2: a worker thread and the main one), and 1 thread on the first tenth of the
// files (below the table, the two 1-thread rows give what a thread's run costs whatever its files, and what each
// 1,000 files cost); the same cold and warm runs on a corpus of
// realistic density (most files clean); the naive baseline; textlint + prh and textlint with a
// no-op rule (its Markdown parsing alone) on the first files of the corpus; and adlint given the
// 2,000 terms as one pack, on the files of a corpus without banned terms (density 0) that hold
// none of them (linked as many times as the corpus has files), so that no file has a candidate,
// in one thread and in 2. Each adlint row but the 40,000 files is the median of several
// runs (--runs), for this machine's speed varies from one minute to the next.
// A CLI without --cache
// or --concurrency shows those rows as "n/a (flag missing)". Below the table: the single-file CLI
// time (cold start, in turns with `node -e ""`) and the in-process time of lintText on a 20 KB document.
//
// Corpora and terms come from ../shared/bench/gen-corpus.mjs, generated once into the system's
// temporary folder (adlint-bench/). Lints with the built-in packs only (bench/bench.config.yaml);
// needs a build (npm run build).
//
//   npm run bench                        # 10,000 files (about 53 MB), and the same at density 0.2
//   npm run bench -- --quick             # 1,000 files, fewer repetitions: a fast look
//   npm run bench -- --n 2000            # another corpus size
//   npm run bench -- --density 0.2       # only the corpus of this density
//   npm run bench -- --skip-textlint     # leave textlint out (its rows take about a minute)
//   npm run bench -- --textlint-files N  # textlint on the first N files (default 1,000; --quick 200)
//   npm run bench -- --runs 5            # run each adlint row this many times (default 3, --quick 1)
//   npm run bench -- --scale             # also 4 times the files (40,000): peak RSS follows the
//                                        # largest file, not the number of files; and the heap a
//                                        # run keeps, read after a full collection, on both corpora
//   npm run bench -- --generator PATH    # the corpus generator, if not at ../shared/bench/
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { benchDir, corpusDir, markdownFiles, termsDir, totalBytes } from "./corpus.mjs";
import { combine, median, rejectedFlag, runNode } from "./measure.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values: opt } = parseArgs({
  options: {
    n: { type: "string" },
    density: { type: "string" },
    quick: { type: "boolean", default: false },
    "skip-textlint": { type: "boolean", default: false },
    "textlint-files": { type: "string" },
    runs: { type: "string" },
    scale: { type: "boolean", default: false },
    generator: { type: "string", default: resolve(root, "..", "shared", "bench", "gen-corpus.mjs") },
  },
});

const n = Number(opt.n ?? (opt.quick ? 1000 : 10000));
const textlintFiles = Number(opt["textlint-files"] ?? (opt.quick ? 200 : 1000));
const runs = Number(opt.runs ?? (opt.quick ? 1 : 3));
const startupRuns = opt.quick ? 5 : 15;
const documentRuns = opt.quick ? 10 : 20;
const TERM_COUNT = 2000;
const REALISTIC_DENSITY = "0.2";
const DOCUMENT_BYTES = 20 * 1024;
const SINGLE_FILE_BYTES = 5 * 1024;
/** With --scale, how many files apart the heap a run keeps is read. */
const LIVE_HEAP_EVERY = 1000;

const cli = join(root, "lib", "cli", "main.cjs");
const config = join(root, "bench", "bench.config.yaml");
const naive = join(root, "bench", "naive.mjs");
const liveHeapScript = join(root, "bench", "live-heap.mjs");

for (const [value, what] of [
  [n, "--n"],
  [textlintFiles, "--textlint-files"],
  [runs, "--runs"],
]) {
  if (!Number.isInteger(value) || value < 1) fail(`${what} takes a positive whole number`);
}
if (!existsSync(opt.generator)) fail(`the corpus generator is not at ${opt.generator} (use --generator PATH)`);
if (!existsSync(cli)) fail("lib/cli/main.cjs is missing: run `npm run build` first");

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

const progress = (line) => process.stderr.write(`${line}\n`);
const benchStarted = performance.now();

/** A corpus and what the table says of it. */
function corpus(count, density) {
  const dir = corpusDir(opt.generator, count, density);
  const files = markdownFiles(dir);
  const manifest = JSON.parse(readFileSync(`${dir}.manifest.json`, "utf8"));
  return { dir, files, bytes: totalBytes(files), density: manifest.density, banned: manifest.banned };
}

const main = corpus(n, opt.density);
const realistic = opt.density ? undefined : corpus(n, REALISTIC_DENSITY);
const terms = termsDir(opt.generator, TERM_COUNT);

/** @type {{label: string, files?: number, bytes?: number, seconds?: number, peakRss?: number, note?: string}[]} */
const rows = [];

function record(row) {
  rows.push(row);
  if (row.note) progress(`  ${row.label}: ${row.note}`);
  else
    progress(
      `  ${row.label}: ${row.seconds.toFixed(2)} s, ${mbps(row).toFixed(2)} MB/s, peak RSS ${rss(row.peakRss)} MB`,
    );
  return row;
}

/** A row for a finished command: its numbers, or why there are none. */
function outcome(label, files, result, flags = []) {
  if (rejectedFlag(result, flags)) return record({ label, note: "n/a (flag missing)" });
  // Exit 1 means findings, for adlint and textlint alike; 2 and signals are failures.
  if (result.signal || result.code > 1) {
    progress(result.stderr.trimEnd());
    return record({ label, note: `failed (${result.signal ?? `exit ${result.code}`})` });
  }
  const spread = result.runs ? { fastest: result.fastest, slowest: result.slowest, runs: result.runs } : {};
  return record({ label, files: files.length, bytes: totalBytes(files), seconds: result.seconds, peakRss: result.peakRss, ...spread });
}

const adlint = (where, args) => runNode([cli, "--config", config, "-f", "unix", ...args, "."], { cwd: where.dir });

/** `count` runs of `run`, one after the other. */
async function repeat(count, run) {
  const results = [];
  for (let i = 0; i < count; i++) results.push(await run());
  return results;
}

/** Cold (an empty cache) then, when `warm`, the same command again with the cache it wrote; `count` times. */
async function adlintCacheRows(where, suffix, { warm = true, count = runs } = {}) {
  const colds = [];
  const warms = [];
  progress(`adlint, cold${warm ? " and warm" : ""}${suffix}, ${count} run(s) ...`);
  for (let i = 0; i < count; i++) {
    const tmp = mkdtempSync(join(benchDir, "cache-"));
    const cacheArgs = ["--cache", "--cache-location", join(tmp, "adlint-cache")];
    try {
      const cold = await adlint(where, cacheArgs);
      if (rejectedFlag(cold, ["--cache"])) {
        // An older CLI: the cold run is simply a run without a cache.
        const row = outcome(`adlint, cold (no cache)${suffix}`, where.files, combine(await repeat(count, () => adlint(where, []))));
        if (warm) record({ label: `adlint, warm cache${suffix}`, note: "n/a (flag missing)" });
        return row;
      }
      colds.push(cold);
      if (warm) warms.push(await adlint(where, cacheArgs));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const row = outcome(`adlint, cold (empty cache)${suffix}`, where.files, combine(colds));
  if (warm) outcome(`adlint, warm cache${suffix}`, where.files, combine(warms));
  return row;
}

/**
 * 1 thread and 2 on the whole corpus, then 1 thread on its first tenth: the
 * two 1-thread rows part what a thread's run costs whatever its files
 * (start-up, and V8 compiling the code as it gets hot) from what each file costs.
 */
async function adlintThreadRows(where, suffix) {
  let whole;
  for (const [label, value] of [
    ["1 thread (--concurrency off)", "off"],
    ["2 threads (--concurrency 2)", "2"],
  ]) {
    progress(`adlint, ${label}${suffix}, ${runs} run(s) ...`);
    const results = await repeat(runs, () => adlint(where, ["--concurrency", value]));
    const row = outcome(`adlint, ${label}${suffix}`, where.files, combine(results), ["--concurrency"]);
    if (value === "off") whole = row;
  }
  const tenth = where.files.slice(0, Math.ceil(where.files.length / 10));
  const label = `adlint, 1 thread, the first ${tenth.length.toLocaleString("en")} files${suffix}`;
  progress(`${label}, ${runs} run(s) ...`);
  const args = [cli, "--config", config, "-f", "unix", "--concurrency", "off", ...tenth.map((f) => f.rel)];
  const part = outcome(label, tenth, combine(await repeat(runs, () => runNode(args, { cwd: where.dir }))), ["--concurrency"]);
  return { whole, part };
}

/** What a thread's run costs whatever its files, and each further 1,000 files: the line through a run over all files and one over the first of them. */
function perThread({ whole, part }) {
  if (whole.note || part.note || whole.files <= part.files) return undefined;
  const perFile = (whole.seconds - part.seconds) / (whole.files - part.files);
  return { before: part.seconds - part.files * perFile, perThousand: perFile * 1000 };
}

async function naiveRow(where) {
  progress(`naive indexOf, ${TERM_COUNT} terms ...`);
  const result = await runNode([naive, join(terms, "terms.json"), where.dir], { stdout: true });
  const row = outcome(`naive indexOf, ${TERM_COUNT} terms`, where.files, result);
  if (!row.note) progress(`  ${JSON.parse(result.stdout).hits} hits`);
}

/**
 * adlint on files in which no rule can find anything, so none is parsed: the files of the
 * corpus without banned terms that hold none of the 2,000 terms either (the generator's filler
 * holds a few), linted with the terms as one pack. They are linked into a folder of their own, each
 * several times over, until there are as many links as the corpus has files.
 */
async function noCandidateRow() {
  const clean = corpus(n, 0);
  const tmp = mkdtempSync(join(benchDir, "no-candidate-"));
  try {
    const pack = (JSON.parse(readFileSync(join(terms, "terms.json"), "utf8")).terms ?? []).map((t) => JSON.stringify(t.term));
    writeFileSync(
      join(tmp, "terms.yaml"),
      `pack: bench-terms\nversion: 1.0.0\nrules:\n  - id: term\n    kind: term\n    level: error\n    law: 广告法第九条第三项\n` +
        `    message:\n      zh: 「{match}」\n    terms: [${pack.join(", ")}]\n`,
    );
    const termsConfig = join(tmp, "adlint.config.yaml");
    writeFileSync(termsConfig, "packs: [./terms.yaml]\n");
    progress(`adlint, ${TERM_COUNT} terms, finding the files without one ...`);
    const found = await runNode([cli, "--config", termsConfig, "-f", "json", "."], { cwd: clean.dir, rss: false, stdout: true });
    if (found.code > 1) return record({ label: "adlint, files with no candidate", note: `failed (exit ${found.code})` });
    const flagged = new Set(JSON.parse(found.stdout).filter((r) => r.messages.length).map((r) => r.filePath));
    const unflagged = clean.files.filter((file) => !flagged.has(file.path));
    if (unflagged.length === 0) return record({ label: "adlint, files with no candidate", note: "n/a (every file holds a term)" });
    // Linked again into further folders until there are as many as in the corpus, so start-up is not most of the time.
    const dir = join(tmp, "copy");
    const files = [];
    for (let round = 0; files.length < clean.files.length; round++)
      for (const file of unflagged) {
        const linked = join(dir, String(round), file.rel);
        mkdirSync(dirname(linked), { recursive: true });
        linkSync(file.path, linked);
        files.push({ ...file, path: linked });
      }
    progress(`adlint, ${unflagged.length.toLocaleString("en")} of ${clean.files.length.toLocaleString("en")} files hold no term; ${files.length.toLocaleString("en")} links to them ...`);
    const label = `adlint, files with no candidate (${TERM_COUNT} terms)`;
    const lint = (...args) => () => runNode([cli, "--config", termsConfig, ...args, "-f", "unix", "."], { cwd: dir });
    outcome(label, files, combine(await repeat(runs, lint())));
    progress(`${label}, 2 threads, ${runs} run(s) ...`);
    return outcome(`${label}, 2 threads`, files, combine(await repeat(runs, lint("--concurrency", "2"))), ["--concurrency"]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** textlint + prh on the first files of the corpus, and textlint with a rule that does nothing. */
async function textlintRows(where) {
  let bin;
  try {
    bin = createRequire(join(root, "package.json")).resolve("textlint/bin/textlint.js");
    createRequire(join(root, "package.json")).resolve("textlint-rule-prh");
  } catch {
    record({ label: "textlint + prh", note: "n/a (not installed: run npm install)" });
    return undefined;
  }
  const subset = where.files.slice(0, textlintFiles);
  const tmp = mkdtempSync(join(benchDir, "textlint-"));
  try {
    const prhConfig = join(tmp, "prh.json");
    writeFileSync(prhConfig, JSON.stringify({ rules: { prh: { rulePaths: [join(terms, "prh.yml")] } } }));
    // textlint stops at once when no rule is on, so its parsing alone is measured with a no-op rule.
    const rulesDir = join(tmp, "rules");
    mkdirSync(rulesDir);
    writeFileSync(join(rulesDir, "noop.js"), "module.exports = function () { return {}; };\n");
    const noopConfig = join(tmp, "noop.json");
    writeFileSync(noopConfig, JSON.stringify({ rules: { noop: true } }));

    const paths = subset.map((f) => f.path);
    const label = `textlint + prh, ${TERM_COUNT} terms`;
    progress(`${label} on ${subset.length} files ...`);
    const prhArgs = [bin, "--config", prhConfig, "--format", "unix", ...paths];
    const prh = outcome(label, subset, await runNode(prhArgs, { cwd: root }));
    progress(`textlint, no-op rule on ${subset.length} files ...`);
    const noopArgs = [bin, "--config", noopConfig, "--rulesdir", rulesDir, "--format", "unix", ...paths];
    outcome("textlint, no-op rule (parsing only)", subset, await runNode(noopArgs, { cwd: root }));
    return prh.note ? undefined : prh;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Wall times of `node ARGS` for each of `commands`, over `runs` rounds that
 * run them in turns, after one unmeasured round (which warms the disk cache):
 * this machine's speed drifts from one minute to the next, and so falls on
 * all of them alike. Median, fastest and slowest, in ms.
 */
async function startups(commands, cwd, runs) {
  const times = commands.map(() => []);
  const last = [];
  for (let i = 0; i <= runs; i++)
    for (const [k, args] of commands.entries()) {
      last[k] = await runNode(args, { cwd, rss: false });
      if (i > 0) times[k].push(last[k].seconds * 1000);
    }
  return times.map((t, k) => ({ ms: median(t), fastest: Math.min(...t), slowest: Math.max(...t), result: last[k] }));
}

/** A Markdown document of just under DOCUMENT_BYTES: corpus files cut at a blank line, front matter only at the top. */
function document(files) {
  let text = "";
  for (const file of files) {
    const source = readFileSync(file.path, "utf8");
    for (const block of (text ? source.replace(/^---\n[\s\S]*?\n---\n/, "") : source).split("\n\n")) {
      const next = text ? `${text}\n\n${block}` : block;
      if (Buffer.byteLength(next) > DOCUMENT_BYTES) return text;
      text = next;
    }
  }
  return text;
}

async function inProcess(where) {
  const { lintText, openProject } = await import(pathToFileURL(join(root, "lib", "index.js")).href);
  const project = openProject({ cwd: where.dir, config });
  const text = document(where.files);
  const filePath = join(where.dir, "bench-document.md");
  let result;
  for (let i = 0; i < 5; i++) result = lintText(text, { project, filePath });
  const times = [];
  for (let i = 0; i < documentRuns; i++) {
    const started = performance.now();
    lintText(text, { project, filePath });
    times.push(performance.now() - started);
  }
  return { bytes: Buffer.byteLength(text), ms: median(times), findings: result.messages.length };
}

/** The heap a run in one thread keeps, read after a full collection every LIVE_HEAP_EVERY files; undefined when it could not be read. */
async function liveHeap(where) {
  progress(`live heap, ${where.files.length.toLocaleString("en")} files, one thread ...`);
  const result = await runNode(["--expose-gc", liveHeapScript, config, where.dir, String(LIVE_HEAP_EVERY)], { rss: false, stdout: true });
  if (result.code !== 0) {
    progress(`  live heap: failed (${result.signal ?? `exit ${result.code}`}) ${result.stderr.trimEnd()}`);
    return undefined;
  }
  return JSON.parse(result.stdout);
}

// ---------------------------------------------------------------- runs

const mainCold = await adlintCacheRows(main, "");
const threadCost = perThread(await adlintThreadRows(main, ""));
if (realistic) await adlintCacheRows(realistic, `, density ${REALISTIC_DENSITY}`);
let scaleCold;
let scaled;
if (opt.scale) {
  scaled = corpus(n * 4, opt.density);
  scaleCold = await adlintCacheRows(scaled, `, ${(n * 4).toLocaleString("en")} files`, { warm: false, count: 1 });
}
const liveHeaps = opt.scale ? [await liveHeap(main), await liveHeap(scaled)] : [];
await noCandidateRow();
await naiveRow(main);
const textlint = opt["skip-textlint"] ? undefined : await textlintRows(main);

const single = main.files.reduce((best, f) =>
  Math.abs(f.bytes - SINGLE_FILE_BYTES) < Math.abs(best.bytes - SINGLE_FILE_BYTES) ? f : best,
);
progress(`single-file CLI, ${startupRuns} runs ...`);
const [singleRun, nodeRun] = await startups([[cli, "--config", config, "-f", "unix", single.rel], ["-e", ""]], main.dir, startupRuns);
progress(`lintText on a ${DOCUMENT_BYTES / 1024} KB document, ${documentRuns} runs ...`);
const doc = await inProcess(main);

// ---------------------------------------------------------------- report

function mb(bytes) {
  return bytes / 1e6;
}

/** Peak RSS in MB of 2^20 bytes, as `ps` and `top` count; a dash when the process never wrote it. */
function rss(bytes) {
  return bytes === undefined ? "–" : (bytes / 2 ** 20).toFixed(0);
}

function mbps(row) {
  return mb(row.bytes) / row.seconds;
}

/** Three significant figures or so, without a trail of decimals on big numbers. */
function num(value) {
  if (value >= 100) return Math.round(value).toLocaleString("en");
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function cells(row) {
  const dash = "–";
  if (row.note) return [row.label, dash, dash, row.note, dash, dash, dash, dash];
  const ratio = textlint ? `${num(mbps(row) / mbps(textlint))}x` : dash;
  return [
    row.label,
    row.files.toLocaleString("en"),
    mb(row.bytes).toFixed(1),
    row.runs ? `${row.seconds.toFixed(2)} (${row.fastest.toFixed(2)}–${row.slowest.toFixed(2)})` : row.seconds.toFixed(2),
    num(mbps(row)),
    num(row.files / row.seconds),
    rss(row.peakRss),
    ratio,
  ];
}

function table(header, body) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...body.map(line)].join("\n");
}

const describe = (c) =>
  `${c.files.length.toLocaleString("en")} files, ${mb(c.bytes).toFixed(1)} MB, density ${c.density} ` +
  `(${c.banned.toLocaleString("en")} banned terms inserted)`;

const out = [];
out.push(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, ${process.platform}-${process.arch}`);
out.push("");
out.push(`- corpus: ${describe(main)}`);
if (realistic) out.push(`- realistic corpus: ${describe(realistic)}`);
if (scaled) out.push(`- scale corpus: ${describe(scaled)}`);
if (textlint) out.push(`- textlint rows: the first ${textlint.files.toLocaleString("en")} files of the corpus, sorted by path`);
out.push("");
out.push(
  table(
    ["tool / config", "files", "MB", "seconds", "MB/s", "files/s", "peak RSS MB", "vs textlint+prh"],
    rows.map(cells),
  ),
);
out.push("");
if (runs > 1) out.push(`- seconds: the median of ${runs} runs, fastest and slowest in brackets; MB/s and files/s from the median; peak RSS the highest`);
const singleOk = singleRun.result.code === 0 || singleRun.result.code === 1;
out.push(
  `- single file, CLI cold start (\`adlint ${single.rel}\`, ${(single.bytes / 1024).toFixed(1)} KB): ` +
    (singleOk ? `median ${singleRun.ms.toFixed(0)} ms of ${startupRuns} (${singleRun.fastest.toFixed(0)}–${singleRun.slowest.toFixed(0)})` : `failed (exit ${singleRun.result.code})`) +
    `; \`node -e ""\` in turns with it: ${nodeRun.ms.toFixed(0)} ms (${nodeRun.fastest.toFixed(0)}–${nodeRun.slowest.toFixed(0)})`,
);
out.push(
  `- one ${(doc.bytes / 1024).toFixed(1)} KB document, lintText in process (project opened once): ` +
    `median ${doc.ms.toFixed(1)} ms of ${documentRuns}, ${doc.findings} findings`,
);
if (threadCost)
  out.push(
    `- one thread, from its two rows: ${threadCost.before.toFixed(2)} s that do not grow with the files (start-up, and V8 compiling the code as it gets hot), ` +
      `and ${threadCost.perThousand.toFixed(2)} s for each 1,000 files; a second thread pays the first part again, on the same cores`,
  );
if (scaleCold && !mainCold.note && !scaleCold.note) {
  const largest = (c) => Math.max(...c.files.map((f) => f.bytes)) / 1024;
  out.push(
    `- peak RSS against file count (cold runs): ${mainCold.files.toLocaleString("en")} files ` +
      `${rss(mainCold.peakRss)} MB, ${scaleCold.files.toLocaleString("en")} files ` +
      `${rss(scaleCold.peakRss)} MB; largest file ${largest(main).toFixed(1)} KB and ` +
      `${largest(scaled).toFixed(1)} KB`,
  );
}
if (liveHeaps.length > 0 && liveHeaps.every(Boolean)) {
  const heap = (h) => `${h.files.toLocaleString("en")} files at most ${mb(h.largest).toFixed(1)} MB (first ${mb(h.first).toFixed(1)}, last ${mb(h.last).toFixed(1)})`;
  out.push(`- live heap after a full collection every ${LIVE_HEAP_EVERY.toLocaleString("en")} files (one thread, through the API): ${liveHeaps.map(heap).join("; ")}`);
}
console.log(out.join("\n"));
progress(`bench finished in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);

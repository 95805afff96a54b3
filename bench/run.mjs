#!/usr/bin/env node
// Benchmark: generates the synthetic corpus with ../shared/bench/gen-corpus.mjs
// (once; it is kept in the system's temporary folder) and lints it in this process with the
// built-in packs, printing MB/s, files/s and peak RSS.
//
//   npm run bench                # 10,000 Markdown files (about 53 MB)
//   npm run bench -- --n 1000    # a smaller corpus
//   npm run bench -- --density 0.2   # realistic density: most files clean
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values: opt } = parseArgs({
  options: {
    n: { type: "string", default: "10000" },
    density: { type: "string" },
    generator: { type: "string", default: resolve(root, "..", "shared", "bench", "gen-corpus.mjs") },
  },
});

if (!existsSync(opt.generator)) {
  console.error(`bench: the corpus generator is not at ${opt.generator} (use --generator PATH)`);
  process.exit(2);
}
const name = `corpus-${opt.n}${opt.density ? `-d${opt.density}` : ""}`;
const corpus = join(tmpdir(), "adlint-bench", name);
if (!existsSync(corpus)) {
  const args = [opt.generator, "--mode", "md", "--out", corpus, "--n", opt.n];
  if (opt.density) args.push("--density", opt.density);
  console.log(`generating ${name} ...`);
  execFileSync(process.execPath, args, { stdio: "inherit" });
}

let bytes = 0;
let files = 0;
for (const entry of readdirSync(corpus, { recursive: true })) {
  const path = join(corpus, String(entry));
  const stat = statSync(path);
  if (stat.isFile() && path.endsWith(".md")) {
    bytes += stat.size;
    files++;
  }
}

const { lint } = await import(join(root, "lib", "index.js"));
const started = performance.now();
const results = await lint([corpus], { cwd: corpus, config: join(root, "bench", "bench.config.yaml") });
const seconds = (performance.now() - started) / 1000;
const diagnostics = results.reduce((n, r) => n + r.messages.length, 0);
const mb = bytes / 1e6;
const rssMb = process.resourceUsage().maxRSS / 1024;

console.log(`corpus:      ${name}: ${files} files, ${mb.toFixed(1)} MB`);
console.log(`findings:    ${diagnostics} in ${results.filter((r) => r.messages.length).length} files`);
console.log(`time:        ${seconds.toFixed(2)} s`);
console.log(`throughput:  ${(mb / seconds).toFixed(2)} MB/s, ${Math.round(files / seconds)} files/s`);
console.log(`peak RSS:    ${rssMb.toFixed(0)} MB`);

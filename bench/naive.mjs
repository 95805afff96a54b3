// The naive baseline the benchmark compares with: read each file, then one indexOf scan per term.
// No folding, no context, no positions: the least work a keyword checker can do.
//
//   node bench/naive.mjs TERMS.json DIR     prints {"files", "bytes", "hits"} as JSON
import { readFileSync } from "node:fs";
import { markdownFiles } from "./corpus.mjs";

const [termsFile, dir] = process.argv.slice(2);
const terms = JSON.parse(readFileSync(termsFile, "utf8")).terms.map((t) => t.term);

let files = 0;
let bytes = 0;
let hits = 0;
for (const { path } of markdownFiles(dir)) {
  const buffer = readFileSync(path);
  files++;
  bytes += buffer.length;
  const text = buffer.toString("utf8");
  for (const term of terms)
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) hits++;
}
process.stdout.write(`${JSON.stringify({ files, bytes, hits })}\n`);

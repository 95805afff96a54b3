// What a run holds on to as it goes: lints a folder in one thread through the
// public API, and after every EVERY files collects all garbage and reads the
// heap that is left. Peak RSS says more about when V8 chose to collect than
// about what a run keeps; this says what it keeps.
//
//   node --expose-gc bench/live-heap.mjs CONFIG DIR EVERY
//     prints {"files", "samples", "first", "largest", "last"} as JSON, heap sizes in bytes
import { lintEach, openProject } from "../lib/index.js";

const [config, dir, every] = process.argv.slice(2);
const step = Number(every);
if (typeof globalThis.gc !== "function" || !config || !dir || !(step > 0)) {
  process.stderr.write("usage: node --expose-gc bench/live-heap.mjs CONFIG DIR EVERY\n");
  process.exit(2);
}

const live = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};

const project = openProject({ config, cwd: dir });
const samples = [];
let files = 0;
await lintEach(project, ["."], { cwd: dir, concurrency: "off" }, () => {
  if (++files % step === 0) samples.push(live());
});
samples.push(live());
process.stdout.write(`${JSON.stringify({ files, samples: samples.length, first: samples[0], largest: Math.max(...samples), last: samples.at(-1) })}\n`);

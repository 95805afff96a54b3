// Run by `npm run build`, after tsc: bundles the command into lib/cli/main.js
// and the worker thread into lib/parallel/worker.js (over tsc's output of
// them), so starting adlint, or a worker, reads one file instead of resolving
// some hundreds of modules, a quarter of a second on its own. The code both
// run is one chunk; the language server is a chunk of its own, read only by
// `adlint lsp`; the TypeScript parser stays outside, loaded when a script is
// first linted. Chunks sit in lib/cli/, two folders down like the entries, so
// paths relative to the code (rules/, lib/rules/, package.json,
// lib/parallel/worker.js) stay the same.
import { build } from "esbuild";
import { NODE_BUNDLE_BANNER } from "../node-bundle-banner.mjs";
import { readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const out = `${root}lib/cli`;
for (const file of readdirSync(out)) if (/^chunk-|^server-/.test(file)) rmSync(`${out}/${file}`);

await build({
  absWorkingDir: root,
  entryPoints: { "cli/main": "src/cli/main.ts", "parallel/worker": "src/parallel/worker.ts" },
  outdir: "lib",
  chunkNames: "cli/[name]-[hash]",
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
  external: ["@typescript-eslint/typescript-estree"],
  banner: { js: NODE_BUNDLE_BANNER },
});

// Run by `npm run build`, after tsc. It bundles, over tsc's output:
// - the command into lib/cli/adlint.cjs, as CommonJS, which lib/cli/main.js
//   (src/cli/launch.ts) starts through V8's code cache. Starting adlint then
//   reads two files instead of resolving some hundreds of modules, a quarter
//   of a second on its own, and mostly skips compiling them. The language
//   server is in the bundle; the TypeScript parser stays outside, loaded when a
//   script is first linted.
// - the worker thread into lib/parallel/worker.js, an ES module, for workers
//   start from a file.
// Both sit two folders down, as tsc's output does, so paths relative to the
// code (rules/, lib/rules/, package.json, lib/parallel/worker.js) stay the same.
import { build } from "esbuild";
import { NODE_BUNDLE_BANNER } from "../node-bundle-banner.mjs";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
// Chunks of the bundles of earlier versions.
for (const file of readdirSync(`${root}lib/cli`)) if (/^chunk-|^server-/.test(file)) rmSync(`${root}lib/cli/${file}`);

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
  external: ["@typescript-eslint/typescript-estree"],
};

await build({
  ...common,
  entryPoints: ["src/cli/main.ts"],
  outfile: "lib/cli/adlint.cjs",
  format: "cjs",
  // CommonJS has no import.meta: the code's own location comes from __filename.
  // Strict, as the modules it was made of: a directive counts only before any statement.
  define: { "import.meta.url": "__adlintModuleUrl" },
  banner: { js: '"use strict";\nvar __adlintModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
// The launcher wraps the bundle in a function, where the entry's #! line would not parse.
const command = readFileSync(`${root}lib/cli/adlint.cjs`, "utf8").replace(/^#!.*\n/, "");
writeFileSync(`${root}lib/cli/adlint.cjs`, command);
await build({
  ...common,
  entryPoints: ["src/cli/launch.ts"],
  outfile: "lib/cli/main.js",
  format: "esm",
  define: { ADLINT_BUNDLE_HASH: JSON.stringify(createHash("sha256").update(command).digest("hex").slice(0, 16)) },
});

await build({
  ...common,
  entryPoints: ["src/parallel/worker.ts"],
  outfile: "lib/parallel/worker.js",
  format: "esm",
  banner: { js: NODE_BUNDLE_BANNER },
});

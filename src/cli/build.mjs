// Run by `npm run build`, after tsc. It bundles, over tsc's output, the
// command and the worker thread: each into a CommonJS bundle (lib/cli/adlint.cjs,
// lib/parallel/worker.cjs) and a launcher that starts it through V8's code
// cache (lib/cli/main.cjs, lib/parallel/start-worker.cjs; see src/compile-cache.ts).
// Starting adlint, or a worker, then reads two files instead of resolving some
// hundreds of modules, a quarter of a second on its own, and mostly skips
// compiling them. The launchers are CommonJS too: Node starts an ES module
// through its module loader, some 20 ms of a single file's run. The language
// server is in the command's bundle; the TypeScript parser stays outside,
// loaded when a script is first linted.
// Everything sits two folders down, as tsc's output does, so paths relative to
// the code (rules/, lib/rules/, package.json, lib/parallel/start-worker.cjs) stay the same.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
// Chunks of the bundles of earlier versions.
for (const file of readdirSync(`${root}lib/cli`)) if (/^chunk-|^server-/.test(file)) rmSync(`${root}lib/cli/${file}`);

/**
 * Packages a bundle sets up when first used, not when it starts: an import of
 * one gets an object whose every export loads the package when first read.
 * parse5, with the entity tables it builds, takes 7 ms to set up, and only
 * HTML needs it.
 */
const LAZY = ["parse5"];

const lazily = {
  name: "lazily",
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${LAZY.join("|")})$`) }, (args) =>
      // The stand-in's own require is of the package itself.
      args.namespace === "lazily" ? undefined : { path: args.path, namespace: "lazily" },
    );
    build.onLoad({ filter: /.*/, namespace: "lazily" }, async ({ path }) => {
      const names = Object.keys(await import(path));
      const exports = names.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`);
      return { contents: [`let real;`, `const load = () => (real ??= require(${JSON.stringify(path)}));`, ...exports].join("\n"), resolveDir: root, loader: "js" };
    });
  },
};

const common = {
  absWorkingDir: root,
  plugins: [lazily],
  bundle: true,
  platform: "node",
  target: "node20",
  // ASCII, so that the launcher reads a bundle as Latin-1, without decoding
  // UTF-8 and outside V8's heap: 5-8 ms less (see `toAscii` for what is left).
  charset: "ascii",
  legalComments: "none",
  logLevel: "warning",
  external: ["@typescript-eslint/typescript-estree"],
};

// CommonJS has no import.meta: the code's own location comes from __filename.
// Strict, as the modules it was made of: a directive counts only before any statement.
const commonJs = {
  format: "cjs",
  define: { "import.meta.url": "__adlintModuleUrl" },
  banner: { js: '"use strict";\nvar __adlintModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
};

/**
 * `code` with the characters beyond ASCII that esbuild leaves (in regular
 * expression literals and comments) escaped, as UTF-16 code units: an escape
 * means there what the character does. A character escaped with a backslash
 * (`\（`, which a regular expression without the u flag allows) is the
 * character itself, so that backslash goes.
 */
function toAscii(code) {
  const ascii = code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, unit) => {
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
  if (!/^[\x00-\x7f]*$/.test(ascii)) throw new Error("a bundle is not ASCII");
  return ascii;
}

/** Bundles `entry` as CommonJS into `bundle`, and `launcher` into `start`, which runs it. */
async function bundleWithLauncher(entry, bundle, launcher, start) {
  await build({ ...common, ...commonJs, entryPoints: [entry], outfile: bundle });
  // The launcher wraps the bundle in a function, where an entry's #! line would not parse.
  const text = toAscii(readFileSync(`${root}${bundle}`, "utf8").replace(/^#!.*\n/, ""));
  writeFileSync(`${root}${bundle}`, text);
  await build({
    ...common,
    ...commonJs,
    entryPoints: [launcher],
    outfile: start,
    define: { ...commonJs.define, ADLINT_BUNDLE_HASH: JSON.stringify(createHash("sha256").update(text).digest("hex").slice(0, 16)) },
  });
}

await bundleWithLauncher("src/cli/main.ts", "lib/cli/adlint.cjs", "src/cli/launch.ts", "lib/cli/main.cjs");
await bundleWithLauncher("src/parallel/worker.ts", "lib/parallel/worker.cjs", "src/parallel/launch.ts", "lib/parallel/start-worker.cjs");

// Bundles the action into one file, dist/action/index.js, with everything it
// needs but rules/ (read beside it at run time). The output depends only on the
// sources and the locked packages: no timestamps, no legal comments, paths
// relative to the repository. `node src/action/build.mjs [OUTFILE]`.
import { build } from "esbuild";
import { NODE_BUNDLE_BANNER } from "../node-bundle-banner.mjs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const outfile = process.argv[2] ?? "dist/action/index.js";

// The script adapter loads the TypeScript parser lazily through createRequire,
// which a bundler cannot follow: turn it into a require the bundle resolves.
const bundleParser = {
  name: "bundle-lazy-parser",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]sources[\\/]script\.ts$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const lazy = 'createRequire(import.meta.url)("@typescript-eslint/typescript-estree")';
      if (!text.includes(lazy)) throw new Error(`${args.path}: the lazy parser load changed; update src/action/build.mjs`);
      return { contents: text.replace(lazy, 'require("@typescript-eslint/typescript-estree")'), loader: "ts" };
    });
  },
};

await build({
  absWorkingDir: root,
  entryPoints: ["src/action/index.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  minify: true,
  charset: "utf8",
  logLevel: "warning",
  plugins: [bundleParser],
  banner: { js: NODE_BUNDLE_BANNER },
});

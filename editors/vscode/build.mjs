// Bundles the extension and adlint's language server into files the .vsix
// carries: dist/extension.js, and server/ laid out as the adlint package is
// (lib/cli/main.js with rules/ two folders up), so built-in packs are found.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const main = join(root, "lib", "cli", "main.js");
if (!existsSync(main)) throw new Error(`build adlint first (npm run build in ${root}): ${main} is missing`);

await build({
  entryPoints: [join(here, "src", "extension.js")],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18",
  external: ["vscode"],
  outfile: join(here, "dist", "extension.js"),
  logLevel: "warning",
});

const server = join(here, "server");
rmSync(server, { recursive: true, force: true });
await build({
  entryPoints: [main],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: join(server, "lib", "cli", "main.js"),
  // Bundled CommonJS dependencies still call require() for Node's own modules and read __filename.
  // Not src/node-bundle-banner.mjs: lib/cli/main.js is already a bundle that starts with that one,
  // and its imports land beside these, so the names must differ.
  banner: {
    js: [
      "import { createRequire as __adlintRequire } from 'node:module';",
      "import { fileURLToPath as __adlintPath } from 'node:url';",
      "const require = __adlintRequire(import.meta.url);",
      "const __filename = __adlintPath(import.meta.url);",
      "const __dirname = __adlintPath(new URL('.', import.meta.url));",
    ].join(" "),
  },
  logLevel: "warning",
});
cpSync(join(root, "rules"), join(server, "rules"), { recursive: true });
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
mkdirSync(server, { recursive: true });
writeFileSync(join(server, "package.json"), `${JSON.stringify({ name: "adlint", version: pkg.version, type: "module", private: true }, null, 2)}\n`);

// Bundles the extension, and lays out adlint's language server, into files
// the .vsix carries: dist/extension.js, and server/ laid out as the adlint
// package is (lib/cli/main.cjs with rules/ two folders up), so built-in packs
// are found.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const main = join(root, "lib", "cli", "adlint.cjs");
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
// The command is one bundle (adlint.cjs) and the launcher that starts it (main.cjs).
mkdirSync(join(server, "lib", "cli"), { recursive: true });
for (const file of ["main.cjs", "adlint.cjs"]) cpSync(join(root, "lib", "cli", file), join(server, "lib", "cli", file));
cpSync(join(root, "rules"), join(server, "rules"), { recursive: true });
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
writeFileSync(join(server, "package.json"), `${JSON.stringify({ name: "adlint", version: pkg.version, type: "module", private: true }, null, 2)}\n`);

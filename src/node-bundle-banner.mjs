// What an ES-module bundle for Node puts first, so that the CommonJS packages
// bundled into it can still call require() and read __filename and __dirname.
// It names globals through globalThis: code bundled after it may declare a
// top-level name such as URL of its own.
export const NODE_BUNDLE_BANNER = [
  'import { createRequire as __adlintCreateRequire } from "node:module";',
  'import { fileURLToPath as __adlintFileURLToPath } from "node:url";',
  "const require = __adlintCreateRequire(import.meta.url);",
  "const __filename = __adlintFileURLToPath(import.meta.url);",
  'const __dirname = __adlintFileURLToPath(new globalThis.URL(".", import.meta.url));',
].join("\n");

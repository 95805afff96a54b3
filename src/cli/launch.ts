#!/usr/bin/env node
// Starts the command, bundled as CommonJS in adlint.cjs beside this file,
// through V8's code cache. A run keeps the code V8 compiled for it on disk,
// and the next run reads it back instead of compiling the bundle again, about
// 70 ms of a single file's run. Node 22 can do this for any module
// (module.enableCompileCache); on Node 20 only a script compiled through
// node:vm can. This file imports nothing of adlint's own, so that it is
// read in no time.
//
// The cache is a file per bundle, Node version and architecture, in a folder
// of the user's own (ADLINT_COMPILE_CACHE names another; `off` turns it
// off). V8 refuses data made by another V8, with other flags or for a source
// of another length; the file's name covers the rest. A cache that cannot be
// read or written only costs the time it would have saved.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/** A hash of the bundle's text, put in when it was built. */
declare const ADLINT_BUNDLE_HASH: string;

const bundle = fileURLToPath(new URL("adlint.cjs", import.meta.url));

/** The folder for compiled code: ADLINT_COMPILE_CACHE, else one of this user's own in the temporary folder. */
function cacheFolder(): string | undefined {
  const chosen = process.env["ADLINT_COMPILE_CACHE"];
  if (chosen === "off") return undefined;
  // Windows has no user ids, and a temporary folder per user.
  const uid = process.getuid?.();
  const folder = chosen || join(tmpdir(), uid === undefined ? "adlint-compile-cache" : `adlint-compile-cache-${uid}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (chosen || uid === undefined) return folder;
    // Code read from a folder someone else could write to would run as this user.
    const info = statSync(folder);
    return info.uid === uid && (info.mode & 0o022) === 0 ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** The cache for this bundle as built (its hash), as it stands (its time: npm gives every file of a package the same), and this Node. */
function cacheFile(): string | undefined {
  const folder = cacheFolder();
  if (!folder) return undefined;
  const { mtimeMs } = statSync(bundle);
  return join(folder, `${ADLINT_BUNDLE_HASH}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}.bin`);
}

const source = readFileSync(bundle, "utf8");
const file = cacheFile();
let cached: Buffer | undefined;
try {
  if (file) cached = readFileSync(file);
} catch {
  // None yet.
}

// How Node itself wraps a CommonJS module.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  ...(cached ? { cachedData: cached } : {}),
});
if (file && (!cached || script.cachedDataRejected)) {
  // Taken at exit, the data holds what the run compiled, not only the top of the bundle.
  process.once("exit", () => {
    try {
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, file);
    } catch {
      // A cache that cannot be written is left out.
    }
  });
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));

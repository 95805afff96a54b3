// Runs a CommonJS bundle through V8's code cache. A run keeps the code V8
// compiled for it on disk, and the next run reads it back instead of compiling
// the bundle again. Node 22 can do this for any module
// (module.enableCompileCache); on Node 20 only a script compiled through
// node:vm can. This module imports nothing of adlint's own: the launchers
// that use it must be read in no time.
//
// The cache is a file per bundle, Node version and architecture, in a folder
// of the user's own (ADLINT_COMPILE_CACHE names another; `off` turns it
// off). V8 refuses data made by another V8, with other flags or for a source
// of another length; the file's name covers the rest. The folder keeps the
// files of the last few builds of each bundle. A cache that cannot be read or
// written only costs the time it would have saved.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

/** The folder for compiled code (and packs, see packs/kept.ts): ADLINT_COMPILE_CACHE, else one of this user's own in the temporary folder. */
export function cacheFolder(): string | undefined {
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

/** How many caches of one bundle a folder keeps: of as many builds, Node versions or installs run in turn. */
const KEPT = 8;

/**
 * The cache for a bundle as built (`hash`, of its text), as it stands (its
 * time: npm gives every file of a package the same one), and this Node.
 */
function cacheFile(bundle: string, hash: string): string | undefined {
  const folder = cacheFolder();
  if (!folder) return undefined;
  const { mtimeMs } = statSync(bundle);
  return join(folder, `${basename(bundle)}-${hash}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}.bin`);
}

/** Writes `data` to `file` whole: under another name, then renamed, as other processes may read it. */
export function writeWhole(file: string, data: string | Uint8Array): void {
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

/** Removes the files of `folder` that `mine` picks, but for the `count` written last. */
export function keepNewest(folder: string, count: number, mine: (name: string) => boolean = () => true): void {
  const files = readdirSync(folder)
    .filter(mine)
    .map((name) => ({ name, mtimeMs: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { name } of files.slice(count)) rmSync(join(folder, name), { force: true });
}

/** Writes the cache `file` of `bundle`, and removes the oldest caches of that bundle beyond the few kept. */
function keepCache(bundle: string, file: string, data: Buffer): void {
  writeWhole(file, data);
  keepNewest(dirname(file), KEPT, (name) => name.startsWith(`${basename(bundle)}-`) && name.endsWith(".bin"));
}

/**
 * Runs the CommonJS bundle `bundle`, whose text hashes to `hash`, from the
 * code cache when there is one that V8 takes. Otherwise the cache is written
 * when the process exits, so that it holds what the run compiled and not only
 * the top of the bundle; or, with `keepNow`, as soon as the bundle's top level
 * has run (a worker thread may be stopped without exiting). With `keep` false,
 * the run writes none: it would hold too little of the bundle.
 */
export function runBundle(bundle: string, hash: string, { keepNow = false, keep: keepable = true } = {}): void {
  // The build escapes every character beyond ASCII: Latin-1 reads the bundle as it is, without decoding it.
  const source = readFileSync(bundle, "latin1");
  const file = cacheFile(bundle, hash);
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
  const keep = () => {
    try {
      keepCache(bundle, file!, script.createCachedData());
    } catch {
      // A cache that cannot be written is left out.
    }
  };
  const stale = keepable && file !== undefined && (!cached || script.cachedDataRejected === true);
  if (stale && !keepNow) process.once("exit", keep);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (stale && keepNow) keep();
}

// Packs read from a path, kept ready to use between runs as the build keeps
// the built-in ones (see snapshot.ts): the first run that reads a pack saves
// what it read, and the runs after it, and each worker thread, take that
// instead of parsing and checking its YAML again (140 ms for 2,000 terms). A
// kept pack is read only by the build of adlint that made it, and only for
// the same YAML. Packs are kept with the compiled code (see compile-cache.ts),
// one file for each path, the most recently kept few of them;
// ADLINT_COMPILE_CACHE=off turns both off. A pack that cannot be kept or read
// back only costs the time it would have saved.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { cacheFolder, keepNewest } from "../compile-cache.js";
import { fnv1a } from "../core/hash.js";
import type { Pack } from "./pack.js";
import { readSnapshot, writeSnapshot } from "./snapshot.js";

/** How many packs are kept: paths of packs in use come and go (a test's temporary folders). */
const KEPT = 64;

/** Where the pack at `file` is kept, if anywhere. */
function keptFile(file: string): string | undefined {
  const folder = cacheFolder();
  return folder && join(folder, "packs", `${fnv1a(resolve(file)).toString(16).padStart(8, "0")}.json`);
}

/** The pack kept for `file` when `build` read it from exactly `text`. */
export function readKeptPack(file: string, text: string, build: string): Pack | undefined {
  try {
    const kept = keptFile(file);
    return kept ? readSnapshot(kept, text, file, build) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `pack`, which `build` read from `file` as `text`, for the runs after this one; the oldest kept packs beyond the few kept go. */
export function keepPack(file: string, text: string, pack: Pack, build: string): void {
  try {
    const kept = keptFile(file);
    if (!kept) return;
    const folder = dirname(kept);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeSnapshot(kept, pack, text, { build });
    keepNewest(folder, KEPT);
  } catch {
    // Read from its YAML next time.
  }
}

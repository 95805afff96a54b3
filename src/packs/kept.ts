// Packs read from a path, kept ready to use between runs as the build keeps
// the built-in ones (see snapshot.ts): the first run that reads a pack saves
// what it read, and the runs after it, and each worker thread, take that
// instead of parsing and checking its YAML again (110 ms for 2,000 terms). A
// kept pack is read only by the adlint that made it, and only for the same
// YAML. Packs are kept with the compiled code (see compile-cache.ts), one
// file for each path; ADLINT_COMPILE_CACHE=off turns both off. A pack that
// cannot be kept or read back only costs the time it would have saved.
import { mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheFolder } from "../compile-cache.js";
import { adlintVersion } from "../core/version.js";
import type { Pack } from "./pack.js";
import { readSnapshot, writeSnapshot } from "./snapshot.js";

let thisBuild: string | undefined;

/** This adlint as built: its version, and when its code was written (npm gives every file of a package the same time). */
function build(): string {
  return (thisBuild ??= `${adlintVersion()}-${Math.trunc(statSync(fileURLToPath(import.meta.url)).mtimeMs)}`);
}

/** FNV-1a of `text`'s code units, as hex: a short name for a path. */
function nameOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** Where the pack at `file` is kept, if anywhere. */
function keptFile(file: string): string | undefined {
  const folder = cacheFolder();
  return folder && join(folder, "packs", `${nameOf(resolve(file))}.json`);
}

/** The pack kept for `file` when this adlint read it from exactly `text`. */
export function readKeptPack(file: string, text: string): Pack | undefined {
  try {
    const kept = keptFile(file);
    return kept ? readSnapshot(kept, text, file, build()) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `pack`, read from `file` as `text`, for the runs after this one. */
export function keepPack(file: string, text: string, pack: Pack): void {
  try {
    const kept = keptFile(file);
    if (!kept) return;
    mkdirSync(join(kept, ".."), { recursive: true, mode: 0o700 });
    writeSnapshot(kept, pack, text, { build: build() });
  } catch {
    // Read from its YAML next time.
  }
}

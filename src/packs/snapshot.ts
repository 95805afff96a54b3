// Built-in packs as the build leaves them: already parsed, validated and
// checked for runaway expressions, saved as JSON under lib/rules/ with the
// YAML they came from. Loading one skips the YAML parser and the checks, the
// larger part of starting the command; a snapshot whose YAML has changed
// since is ignored, and the YAML is read as usual. It also brings what the
// pack's expressions fold to and need to match, which compiling it would work out.
import { readFileSync } from "node:fs";
import { writeWhole } from "../compile-cache.js";
import { rememberLiterals, type PatternLiterals } from "../engine/literals.js";
import { rememberFoldedSources } from "../text/fold.js";
import type { Pack } from "./pack.js";

interface Snapshot {
  /**
   * The YAML text the pack was read from. Comparing it costs less than a hash
   * would: node:crypto alone takes 7 ms to start, a run without --cache none.
   */
  source: string;
  pack: Pack;
  /** What each of its expressions needs to match, as the build read it: reading them is most of compiling a pack. */
  literals?: Array<[string, PatternLiterals]>;
  /** What each of its pattern sources folds to, as the build folded them; a source alone folds to itself, as most do. */
  folded?: Array<[string, string] | [string]>;
  /** The adlint that made it, when other code may read it (see kept.ts). */
  build?: string;
}

/** What a snapshot brings beside the pack, all of it optional. */
export interface SnapshotExtras {
  literals?: Array<[string, PatternLiterals]>;
  folded?: Array<[string, string]>;
  build?: string;
}

// Maps are the only values in a pack that JSON does not keep.
const replacer = (_key: string, value: unknown) => (value instanceof Map ? { $map: [...value] } : value);

/** Turns the `$map` objects of parsed JSON back into maps, in place: a walk costs less than a reviver called for every value. */
function revive(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  if ("$map" in object) return new Map((object["$map"] as unknown[]).map(revive) as Array<[unknown, unknown]>);
  for (const key in object) object[key] = revive(object[key]);
  return object;
}

/** Saves `pack`, read from `text`, in `file`: written whole under another name, then renamed, as other processes may read it. */
export function writeSnapshot(file: string, pack: Pack, text: string, { literals = [], folded = [], build }: SnapshotExtras = {}): void {
  const snapshot: Snapshot = { source: text, pack, literals, folded: folded.map(([source, to]) => (to === source ? [source] : [source, to])), ...(build ? { build } : {}) };
  writeWhole(file, JSON.stringify(snapshot, replacer));
}

/** The pack saved in `file` if `build` made it from exactly `text`, with its paths set to `packFile`. */
export function readSnapshot(file: string, text: string, packFile: string, build?: string): Pack | undefined {
  let snapshot: Snapshot;
  try {
    snapshot = revive(JSON.parse(readFileSync(file, "utf8"))) as Snapshot;
  } catch {
    return undefined;
  }
  if (snapshot.source !== text || snapshot.build !== build) return undefined;
  rememberLiterals(snapshot.literals ?? []);
  rememberFoldedSources((snapshot.folded ?? []).map(([source, to]) => [source, to ?? source]));
  const pack = snapshot.pack;
  pack.file = packFile;
  for (const rule of pack.rules) rule.file = packFile;
  return pack;
}

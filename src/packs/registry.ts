// Finds packs by name (the built-in ones shipped in rules/) or by path, and loads them.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AdlintError } from "../core/errors.js";
import { adlintVersion } from "../core/version.js";
import { parsePack, packReadError } from "./load.js";
import type { Pack } from "./pack.js";
import { keepPack, readKeptPack } from "./kept.js";
import { readSnapshot } from "./snapshot.js";

/** rules/ at the package root, beside lib/ and src/. */
export const BUILTIN_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "rules");
/** Where the build saves the built-in packs ready to use. */
export const SNAPSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "lib", "rules");

export function builtinPackNames(): string[] {
  if (!existsSync(BUILTIN_DIR)) return [];
  return readdirSync(BUILTIN_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => basename(f, ".yaml"))
    .sort();
}

export function builtinPackFile(name: string): string | undefined {
  const file = join(BUILTIN_DIR, `${name}.yaml`);
  return existsSync(file) ? file : undefined;
}

let build: string | null | undefined;

/**
 * This build of adlint, for the packs it keeps: its version, and when the
 * build saved the built-in packs (npm gives every file of a package the same
 * time), the same for the command and its worker threads. Null without a build.
 */
function thisBuild(): string | null {
  if (build === undefined)
    try {
      build = `${adlintVersion()}-${Math.trunc(statSync(SNAPSHOT_DIR).mtimeMs)}`;
    } catch {
      build = null;
    }
  return build;
}

/** The pack at `file`: from the build's `snapshot` of it, a pack kept by an earlier run, or its YAML. */
export function loadPackFile(file: string, snapshot?: string): Pack {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw packReadError(file, e);
  }
  if (snapshot) return readSnapshot(snapshot, text, file) ?? parsePack(file, text);
  const build = thisBuild();
  const kept = build === null ? undefined : readKeptPack(file, text, build);
  if (kept) return kept;
  const pack = parsePack(file, text);
  if (build !== null) keepPack(file, text, pack, build);
  return pack;
}

/** Loads a pack named in config or on the command line: a built-in name or a path. */
export function loadPack(entry: string, isPath: boolean): Pack {
  if (isPath) return loadPackFile(entry);
  const file = builtinPackFile(entry);
  if (!file)
    throw new AdlintError(`no built-in rule pack named "${entry}" (built-in: ${builtinPackNames().join(", ") || "none"})`);
  return loadPackFile(file, join(SNAPSHOT_DIR, `${entry}.json`));
}

/** Two packs may not define the same rule id. */
export function checkDistinct(packs: Pack[]): void {
  const seen = new Map<string, Pack>();
  for (const pack of packs) {
    const other = seen.get(pack.name);
    if (other && other.file !== pack.file)
      throw new AdlintError(`two rule packs are both named "${pack.name}": ${other.file} and ${pack.file}`, {
        file: pack.file,
        line: 1,
        column: 1,
      });
    seen.set(pack.name, pack);
  }
}

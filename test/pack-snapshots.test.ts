// The built-in packs saved by the build load exactly as their YAML does, and
// a snapshot whose YAML has changed since is never used. What a snapshot says
// its expressions need, and what they fold to, is what working it out gives.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLiterals } from "../src/engine/literals.js";
import { parsePack } from "../src/packs/load.js";
import { foldPatternSourceAnew } from "../src/text/fold.js";
import { BUILTIN_DIR, builtinPackNames, loadPack, SNAPSHOT_DIR } from "../src/packs/registry.js";
import { readSnapshot, writeSnapshot } from "../src/packs/snapshot.js";

describe("built-in pack snapshots", () => {
  it.each(builtinPackNames())("%s loads from its snapshot as from its YAML", (name) => {
    const file = join(BUILTIN_DIR, `${name}.yaml`);
    const text = readFileSync(file, "utf8");
    const fromSnapshot = readSnapshot(join(SNAPSHOT_DIR, `${name}.json`), text, file);
    expect(fromSnapshot, "npm run build writes lib/rules/").toBeDefined();
    expect(fromSnapshot).toEqual(parsePack(file, text));
    expect(loadPack(name, false)).toEqual(parsePack(file, text));
  });

  it.each(builtinPackNames())("%s brings what its expressions need, as reading them gives it", (name) => {
    const saved = JSON.parse(readFileSync(join(SNAPSHOT_DIR, `${name}.json`), "utf8")) as { literals: Array<[string, unknown]> };
    expect(saved.literals.length).toBeGreaterThan(0);
    for (const [source, literals] of saved.literals) expect(readLiterals(source), source).toEqual(literals);
  });

  it.each(builtinPackNames())("%s brings what its pattern sources fold to, as folding them gives it", (name) => {
    const saved = JSON.parse(readFileSync(join(SNAPSHOT_DIR, `${name}.json`), "utf8")) as { folded: Array<[string, string?]> };
    expect(saved.folded.length).toBeGreaterThan(0);
    for (const [source, folded] of saved.folded) expect(foldPatternSourceAnew(source), source).toBe(folded ?? source);
  });

  it("is not used once the YAML changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "adlint-snapshot-"));
    const file = join(BUILTIN_DIR, "pricing.yaml");
    const text = readFileSync(file, "utf8");
    const saved = join(dir, "pricing.json");
    writeSnapshot(saved, parsePack(file, text), text);
    expect(readSnapshot(saved, text, file)).toBeDefined();
    expect(readSnapshot(saved, `${text}\n# edited\n`, file)).toBeUndefined();
    writeFileSync(saved, "{ not json");
    expect(readSnapshot(saved, text, file)).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });
});

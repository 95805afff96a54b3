// Run by `npm run build`: saves each built-in pack as a snapshot beside the
// compiled code (lib/rules/NAME.json), so the command starts without parsing
// YAML or reading its expressions. A pack that does not load fails the build
// with its error.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { knownLiterals } from "../engine/literals.js";
import { knownFoldedSources } from "../text/fold.js";
import { RuleSet } from "../engine/rule-set.js";
import { parsePack } from "./load.js";
import { BUILTIN_DIR, builtinPackNames, SNAPSHOT_DIR } from "./registry.js";
import { writeSnapshot } from "./snapshot.js";

mkdirSync(SNAPSHOT_DIR, { recursive: true });
for (const name of builtinPackNames()) {
  const file = join(BUILTIN_DIR, `${name}.yaml`);
  const text = readFileSync(file, "utf8");
  // Reading the pack folds its patterns, and compiling it with every rule on reads all its expressions.
  const before = new Set([...knownLiterals(), ...knownFoldedSources()].map(([source]) => source));
  const pack = parsePack(file, text);
  new RuleSet([pack], new Map(pack.rules.map((rule) => [rule.id, "error"])));
  const literals = knownLiterals().filter(([source]) => !before.has(source));
  const folded = knownFoldedSources().filter(([source]) => !before.has(source));
  writeSnapshot(join(SNAPSHOT_DIR, `${name}.json`), pack, text, { literals, folded });
}

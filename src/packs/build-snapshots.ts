// Run by `npm run build`: saves each built-in pack as a snapshot beside the
// compiled code (lib/rules/NAME.json), so the command starts without parsing
// YAML. A pack that does not load fails the build with its error.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePack } from "./load.js";
import { BUILTIN_DIR, builtinPackNames, SNAPSHOT_DIR } from "./registry.js";
import { writeSnapshot } from "./snapshot.js";

mkdirSync(SNAPSHOT_DIR, { recursive: true });
for (const name of builtinPackNames()) {
  const file = join(BUILTIN_DIR, `${name}.yaml`);
  const text = readFileSync(file, "utf8");
  writeSnapshot(join(SNAPSHOT_DIR, `${name}.json`), parsePack(file, text), text);
}

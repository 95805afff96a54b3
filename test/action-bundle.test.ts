// dist/action/index.js is committed, because GitHub runs an action from its
// repository as it is. Rebuilding it from the sources must give the same bytes:
// otherwise the bundle is stale and `npm run build:action` is due.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { cleanUp, ROOT, tempDir } from "./fixtures/action/repo.js";

afterAll(cleanUp);

it("the committed action bundle is what the sources build", () => {
  const out = join(tempDir("adlint-bundle-"), "index.js");
  execFileSync(process.execPath, [join(ROOT, "src/action/build.mjs"), out], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const built = readFileSync(out);
  const committed = readFileSync(join(ROOT, "dist/action/index.js"));
  expect(built.equals(committed), "dist/action/index.js is stale: run npm run build:action").toBe(true);
});

it("action.yml runs the bundle on node24", () => {
  const yml = readFileSync(join(ROOT, "action.yml"), "utf8");
  expect(yml).toMatch(/^runs:\n {2}using: node24\n {2}main: dist\/action\/index\.js$/m);
  for (const input of ["paths", "config", "fail-level", "filter-mode", "trusted-config", "sarif-file", "baseline"]) expect(yml).toContain(`\n  ${input}:\n`);
  for (const output of ["errors", "warnings", "sarif-file"]) expect(yml).toMatch(new RegExp(`^outputs:[\\s\\S]*\\n  ${output}:\\n`, "m"));
});

// docs/rules.md is generated from the built-in packs; it must be current, and
// every rule must have its own anchor for editors and reports to link to.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtinPackNames, loadPack } from "../src/packs/registry.js";
import { ruleAnchor, rulesReference } from "../src/report/rules-doc.js";

const DOC = fileURLToPath(new URL("../docs/rules.md", import.meta.url));
const packs = builtinPackNames().map((name) => loadPack(name, false));

describe("docs/rules.md", () => {
  it("is what `adlint rules docs` writes from the built-in packs (run it when a pack changes)", () => {
    expect(readFileSync(DOC, "utf8")).toBe(rulesReference(packs));
  });

  it("gives every rule one anchor, and quotes its articles", () => {
    const doc = rulesReference(packs);
    for (const pack of packs)
      for (const rule of pack.rules) {
        expect(doc.split(`<a id="${ruleAnchor(rule.id)}"></a>`).length).toBe(2);
        for (const article of rule.articles) expect(doc).toContain(`**${article.ref}**`);
      }
  });
});

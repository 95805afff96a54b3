// The packs shipped in rules/ prove themselves: every rule's examples pass,
// every rule has enough of them to show where it fires and where not, and
// every rule quotes the law it rests on.
//
// NOTE: this test fails while rules/ holds no pack. That is deliberate: a
// release without built-in packs must not pass.
import { describe, expect, it } from "vitest";
import { runExamples } from "../src/engine/examples.js";
import { builtinPackNames, loadPack } from "../src/packs/registry.js";

describe("built-in packs", () => {
  it("exist, pass their own examples, and give every rule at least 3 invalid and 3 valid examples", () => {
    const names = builtinPackNames();
    expect(names, "rules/ holds no built-in pack").not.toEqual([]);
    const packs = names.map((name) => loadPack(name, false));
    const report = runExamples(packs);
    expect(report.failures).toEqual([]);
    const thin = packs.flatMap((pack) =>
      pack.rules
        .filter((rule) => rule.examples.invalid.length < 3 || rule.examples.valid.length < 3)
        .map((rule) => `${rule.id}: ${rule.examples.invalid.length} invalid, ${rule.examples.valid.length} valid`),
    );
    expect(thin).toEqual([]);
    expect(report.rules).toBeGreaterThan(0);
  });

  it("quote, for every rule, the text of an article it rests on, and name every pack that covers an eval category", () => {
    const packs = builtinPackNames().map((name) => loadPack(name, false));
    const bare = packs.flatMap((pack) => pack.rules.filter((rule) => rule.articles.length === 0).map((rule) => rule.id));
    expect(bare).toEqual([]);
    for (const pack of packs) for (const rule of pack.rules) for (const a of rule.articles) expect(a.text.length).toBeGreaterThan(10);
    expect(packs.map((p) => p.name).sort()).toEqual(["ad-law", "platform", "pricing", "privacy"]);
  });
});

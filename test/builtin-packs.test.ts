// The packs shipped in rules/ prove themselves: every rule's examples pass,
// every rule has enough of them to show where it fires and where not, and
// every rule quotes the law it rests on.
//
// NOTE: this test fails while rules/ holds no pack. That is deliberate: a
// release without built-in packs must not pass.
import { describe, expect, it } from "vitest";
import { runExamples } from "../src/engine/examples.js";
import { patternLiterals } from "../src/engine/literals.js";
import { RuleSet } from "../src/engine/rule-set.js";
import { builtinPackNames, loadPack } from "../src/packs/registry.js";
import { foldText } from "../src/text/fold.js";

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

  it("need, for every match of every expression, one of the literals the filter looks for", () => {
    // Copy without an expression's literals is never run through it, so a reading that missed one would hide findings.
    const packs = builtinPackNames().map((name) => loadPack(name, false));
    const rules = new RuleSet(packs, new Map(packs.flatMap((p) => p.rules.map((r) => [r.id, "error"] as const))));
    const texts = packs.flatMap((p) => p.rules.flatMap((r) => [...r.examples.invalid, ...r.examples.valid].map((e) => foldText(e.text))));
    const expressions = rules.rules.flatMap((rule) => [
      ...rule.patterns.map((re) => ({ re, literals: patternLiterals(re.source).literals })),
      ...rule.allow,
      ...rule.evidence,
      ...rule.when,
      ...rule.require,
    ]);
    let matches = 0;
    const missed: string[] = [];
    for (const { re, literals } of expressions)
      for (const text of texts) {
        re.lastIndex = 0;
        if (!re.test(text)) continue;
        matches++;
        if (literals && !literals.some((l) => text.includes(l))) missed.push(`/${re.source}/ in ${text}`);
      }
    expect(missed).toEqual([]);
    expect(matches).toBeGreaterThan(500);
  });
});

// The scan for candidates runs a pattern only where the text holds one of its
// literals and the rest of what it needs, as the same automaton scan finds
// them: it must find all that running every pattern found by a literal would.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/config.js";
import { findCandidates, mayHold } from "../src/engine/match.js";
import { RuleSet } from "../src/engine/rule-set.js";
import { parsePack } from "../src/packs/load.js";
import { openProject } from "../src/project.js";
import { foldText } from "../src/text/fold.js";

const rules = openProject({ config: defaultConfig(process.cwd()) }).linter.rules;

/** The same rules, each pattern run wherever one of its literals is, whatever else it needs. */
const ungated: RuleSet = Object.assign(Object.create(Object.getPrototypeOf(rules) as object) as RuleSet, rules, {
  keys: rules.keys.map((key) => ({ ...key, patterns: key.patterns.map((ref) => ({ ...ref, needSets: [] })) })),
});

const everyRule = () => true;

/** What the patterns need, in pieces: every literal the scan looks for, cut in two too, with digits, copy and punctuation between. */
const literals = rules.keys.map((key) => key.text);
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...literals) },
  { weight: 1, arbitrary: fc.constantFrom(...literals).map((literal) => literal.slice(0, Math.ceil(literal.length / 2))) },
  { weight: 2, arbitrary: fc.constantFrom("7", "30", "100", "99.9", "%", "万", "天", "元", "人") },
  { weight: 2, arbitrary: fc.constantFrom("的", "面膜", "直播间", "今天", "，", "。", " ", "\n", "！", "：") },
);
const copy = fc.array(piece, { minLength: 1, maxLength: 14 }).map((pieces) => foldText(pieces.join("")));

describe("the scan for candidates", () => {
  it("finds what running each pattern wherever one of its literals is finds", () => {
    let found = 0;
    fc.assert(
      fc.property(copy, (text) => {
        const expected = findCandidates(text, ungated, everyRule);
        found += expected.length;
        expect(findCandidates(text, rules, everyRule)).toEqual(expected);
      }),
      { numRuns: 4000, seed: 20261130 },
    );
    expect(found).toBeGreaterThan(4000);
  });

  it.each([
    ["7天见效", ["ad-law/quantified-effect"]],
    ["7天后发货，面膜见", []],
  ])("finds a pattern's match only where all it needs is there: %s", (text, ids) => {
    const matched = findCandidates(foldText(text), rules, everyRule).map((c) => c.rule.id);
    expect(matched.filter((id) => id === "ad-law/quantified-effect")).toEqual(ids);
  });
});

describe("an expression's literals", () => {
  /** A pack whose allow and evidence expressions hold literals with characters a regular expression reads specially. */
  const special = new RuleSet([
    parsePack(
      "special.yaml",
      [
        "pack: special",
        "rules:",
        "  - id: special",
        "    kind: claim",
        "    level: error",
        "    law: 广告法第九条",
        "    message: 「{match}」",
        "    terms: [第一]",
        "    allow: ['no\\.1(款|号)', '\\(限时\\)第一', 'a\\+b第一', 'c/d第一', 'x\\|y第一', '\\\\第一']",
        "    evidence: ['iso-9001', '\\$\\{x\\}', '\\^第一']",
      ].join("\n"),
    ),
  ]);
  const expressions = [...special.rules[0]!.allow, ...special.rules[0]!.evidence];
  const texts = ["no.1款", "no11款", "(限时)第一", "限时第一", "a+b第一", "aab第一", "c/d第一", "x|y第一", "xy第一", "\\第一", "iso-9001", "iso9001", "${x}", "^第一", "第一"];

  it("are looked for at once as they are written, whatever characters they hold", () => {
    expect(expressions.every((e) => e.literals !== undefined)).toBe(true);
    for (const e of expressions)
      for (const text of texts) expect(mayHold(e, text), `${e.re.source} in ${text}`).toBe(e.literals!.some((literal) => text.includes(literal)));
    // Only the texts that hold a literal as it is written; a special character is not read as its meaning.
    expect(texts.filter((text) => expressions.some((e) => mayHold(e, text)))).toEqual(["no.1款", "(限时)第一", "a+b第一", "c/d第一", "x|y第一", "\\第一", "iso-9001", "${x}", "^第一"]);
  });
});

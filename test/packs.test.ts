// Pack validation: every mistake a compliance writer can make is refused with
// a message that says what is wrong, at the file, line and column it is on.
import { describe, expect, it } from "vitest";
import { AdlintError, AdlintErrors } from "../src/core/errors.js";
import { runExamples } from "../src/engine/examples.js";
import { Linter } from "../src/engine/linter.js";
import { RuleSet } from "../src/engine/rule-set.js";
import { parsePack } from "../src/packs/load.js";
import { loadPackFile } from "../src/packs/registry.js";
import { findRegexHazard } from "../src/packs/regex-safety.js";
import { FIXTURES } from "./helpers/lint.js";
import { refusal as refusalOf } from "./helpers/refusal.js";

/** A pack with one rule whose body is `body` (indented four spaces, one key per line). */
const oneRule = (body: string) => `pack: t\nrules:\n  - id: a\n${body.replace(/^/gm, "    ")}\n`;
const term = (extra = "") => oneRule(`kind: term\nlevel: error\nlaw: 第九条\nmessage: m\nterms: [最佳]${extra}`);

const refusal = (text: string, file = "p.yaml") => refusalOf(() => parsePack(file, text));

describe("malformed packs", () => {
  // [case, pack text, message, line, column]
  const table: Array<[string, string, string, number, number]> = [
    ["unknown top-level key, with a suggestion", "pack: t\nrule: []\n", 'pack: unknown key "rule" (did you mean "rules"?)', 2, 1],
    ["unknown rule key, with a suggestion", oneRule("kind: term\nlevel: error\nlaw: 第九条\nmessage: m\nterm: [最佳]"), 'rule t/a: unknown key "term" (did you mean "terms"?)', 8, 5],
    ["unknown rule key, nothing close", term("\nseverity: high"), 'rule t/a: unknown key "severity"', 9, 5],
    ["unknown example key", term("\nexamples:\n  invalid: [最佳]\n  vaild: [很好]"), 'rule t/a: examples: unknown key "vaild" (did you mean "valid"?)', 11, 7],
    ["unknown message locale", oneRule("kind: term\nlevel: error\nlaw: 第九条\nmessage: { zh: m, ja: x }\nterms: [最佳]"), 'rule t/a: message: unknown key "ja" (did you mean "zh"?)', 7, 23],
    ["bad level", oneRule("kind: term\nlevel: fatal\nlaw: 第九条\nmessage: m\nterms: [最佳]"), 'rule t/a: level must be one of off, warn, error, not "fatal"', 5, 12],
    ["bad kind", oneRule("kind: word\nlevel: error\nlaw: 第九条\nmessage: m\nterms: [最佳]"), 'rule t/a: kind must be one of term, pattern, claim, require, not "word"', 4, 11],
    ["bad scope", oneRule("kind: claim\nlevel: warn\nlaw: 第九条\nmessage: m\npatterns: ['\\d+%']\nevidence: [来源]\nwithin: paragraph"), 'rule t/a: within must be one of sentence, segment, document, not "paragraph"', 10, 13],
    ["missing law", oneRule("kind: term\nlevel: error\nmessage: m\nterms: [最佳]"), 'rule t/a needs "law"', 3, 5],
    ["law of the wrong type", oneRule("kind: term\nlevel: error\nlaw: 9\nmessage: m\nterms: [最佳]"), "rule t/a: law must be a non-empty string", 6, 10],
    ["message without zh", oneRule("kind: term\nlevel: error\nlaw: 第九条\nmessage: { en: m }\nterms: [最佳]"), 'rule t/a: message needs "zh"', 7, 14],
    ["terms of the wrong type", oneRule("kind: term\nlevel: error\nlaw: 第九条\nmessage: m\nterms: {最佳: 1}"), "rule t/a: terms must be a list", 8, 12],
    ["an empty term", oneRule("kind: term\nlevel: error\nlaw: 第九条\nmessage: m\nterms: [最佳, \"\"]"), "rule t/a: terms[1] must be a non-empty string", 8, 17],
    ["a fix that is not a string", term("\nfix: { 最佳: [很好] }"), "rule t/a: fix.最佳 must be a string", 9, 16],
    ["an example mapping without text", term("\nexamples:\n  invalid: [{ channel: sms }]"), 'rule t/a: an example written as a mapping needs "text"', 10, 17],
    ["duplicate rule id", `${term().trimEnd()}\n  - id: a\n    kind: term\n    level: warn\n    law: 第九条\n    message: m\n    terms: [最好]\n`, "rule t/a is defined twice (first at line 3)", 9, 5],
    ["bad rule id", "pack: t\nrules:\n  - id: Absolute_Term\n    kind: term\n", 'rule id "Absolute_Term" must be lower-case words joined by "-"', 3, 9],
    ["bad pack name", "pack: Ad Law\nrules: []\n", 'pack name "Ad Law" must be lower-case words joined by "-"', 1, 7],
    ["missing pack name", "rules: []\n", 'a rule pack needs "pack: <name>"', 1, 1],
    ["missing rules", "pack: t\n", 'a rule pack needs a "rules" list', 1, 1],
    ["rules that are not a list", "pack: t\nrules: {}\n", "rules must be a list", 2, 8],
    ["a pack that is a list", "- pack: t\n", "a rule pack must be a mapping", 1, 1],
    ["an empty file", "", "a rule pack must be a mapping", 1, 1],
    ["invalid regular expression", oneRule("kind: pattern\nlevel: error\nlaw: 第九条\nmessage: m\npatterns: ['最(佳']"), "rule t/a: patterns: invalid regular expression /最(佳/: Unterminated group", 8, 16],
    ["invalid allow expression on its own line", term("\nallow:\n  - 第一次\n  - '第一[步'"), "rule t/a: allow: invalid regular expression /第一[步/: Unterminated character class", 11, 9],
    ["exponential (a+)+", oneRule("kind: pattern\nlevel: error\nlaw: 第九条\nmessage: m\npatterns: ['(a+)+b']"), "rule t/a: patterns: unsafe regular expression /(a+)+b/: a repeated group contains another repetition, which can backtrack exponentially (at character 5)", 8, 16],
    ["exponential statistic pattern", oneRule("kind: claim\nlevel: warn\nlaw: 第九条\nmessage: m\npatterns: ['(?:\\d+\\s?)+%']\nevidence: [来源]"), "rule t/a: patterns: unsafe regular expression /(?:\\d+\\s?)+%/: a repeated group contains another repetition, which can backtrack exponentially (at character 11)", 8, 16],
    ["exponential evidence", oneRule("kind: claim\nlevel: warn\nlaw: 第九条\nmessage: m\npatterns: ['\\d+%']\nevidence:\n  - '据(.{1,20}统计)*'"), "rule t/a: evidence: unsafe regular expression /据(.{1,20}统计)*/: a repeated group contains another repetition, which can backtrack exponentially (at character 13)", 10, 9],
    ["YAML syntax error", "pack: t\nrules:\n  - id: a\n    kind: [term\n", "invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]", 5, 1],
    ["tab indentation", "pack: t\nrules:\n\t- id: a\n", "invalid YAML: Tabs are not allowed as indentation", 3, 1],
    ["duplicate key", oneRule("kind: term\nkind: pattern\nlevel: warn\nlaw: 第九条\nmessage: m\nterms: [最佳]"), "invalid YAML: Map keys must be unique", 5, 5],
    ["alias", oneRule("kind: term\nlevel: error\nlaw: &law 第九条\nmessage: m\nterms: [最佳]\ndescription: *law"), "YAML aliases are not allowed in adlint files", 9, 18],
    ["custom tag", oneRule("kind: term\nlevel: error\nlaw: !js 第九条\nmessage: m\nterms: [最佳]"), "YAML tag !js is not allowed in adlint files", 6, 14],
    ["claim without evidence", oneRule("kind: claim\nlevel: warn\nlaw: 第九条\nmessage: m\npatterns: ['\\d+%']"), 'rule t/a: kind claim needs "evidence"', 3, 5],
    ["claim without terms or patterns", oneRule("kind: claim\nlevel: warn\nlaw: 第九条\nmessage: m\nevidence: [来源]"), 'rule t/a: kind claim needs "terms" or "patterns"', 3, 5],
    ["term rule without terms", oneRule("kind: term\nlevel: warn\nlaw: 第九条\nmessage: m"), 'rule t/a: kind term needs "terms"', 3, 5],
    ["term rule with patterns", term("\npatterns: ['最.']"), 'rule t/a: "patterns" belongs to rules of kind pattern or claim, not term', 9, 5],
    ["term rule with evidence", term("\nevidence: [来源]"), 'rule t/a: "evidence" belongs to rules of kind claim, not term', 9, 5],
    ["require rule with terms", oneRule("kind: require\nlevel: warn\nlaw: 第九条\nmessage: m\nrequire: [退订]\nterms: [最佳]"), 'rule t/a: "terms" belongs to rules of kind term, pattern or claim, not require', 9, 5],
    ["pattern rule with require", oneRule("kind: pattern\nlevel: warn\nlaw: 第九条\nmessage: m\npatterns: ['最.']\nrequire: [退订]"), 'rule t/a: "require" belongs to rules of kind require, not pattern', 9, 5],
    ["allow naming an unknown context", `pack: t\ncontexts:\n  quote: ['引用']\nrules:\n  - id: a\n    kind: term\n    level: error\n    law: 第九条\n    message: m\n    terms: [最佳]\n    allow: ['@quotes']\n`, 'rule t/a: allow names an unknown context "@quotes" (known: @quote)', 11, 13],
    ["a context that is not a list of strings", "pack: t\ncontexts:\n  quote: {a: 1}\nrules: []\n", "contexts.quote must be a list", 3, 10],
    ["an unsafe context pattern", "pack: t\ncontexts:\n  quote: ['(a+)+']\nrules: []\n", "contexts.quote: unsafe regular expression /(a+)+/: a repeated group contains another repetition, which can backtrack exponentially (at character 5)", 3, 11],
    ["a context with a bad name", "pack: t\ncontexts:\n  Quote: ['引用']\nrules: []\n", 'context name "Quote" must be lower-case words joined by "-"', 3, 3],
  ];

  it("has no case twice", () => {
    expect(new Set(table.map((c) => c[1])).size).toBe(table.length);
  });

  it.each(table)("%s", (_name, text, message, line, column) => {
    const e = refusal(text);
    expect(e.message).toBe(message);
    expect(e.location).toEqual({ file: "p.yaml", line, column });
    expect(e.format()).toBe(`p.yaml:${line}:${column}: ${message}`);
  });

  it("lets rules share a named allow context", () => {
    const pack = parsePack(
      "p.yaml",
      "pack: t\ncontexts:\n  quote: ['(不得|禁止)使用.{0,10}']\nrules:\n  - id: a\n    kind: term\n    level: error\n    law: 第九条\n    message: m\n    terms: [最佳]\n    allow: ['@quote', '最佳赏味期']\n    examples:\n      invalid: [最佳面膜]\n      valid: [广告中禁止使用最佳等用语, 最佳赏味期三天]\n",
    );
    expect(pack.rules[0]!.allow.map((a) => [a.value, a.line])).toEqual([
      ["(不得|禁止)使用.{0,10}", 3],
      ["最佳赏味期", 11],
    ]);
    expect(runExamples([pack]).failures).toEqual([]);
  });

  it("reports every YAML syntax error in a file at once", () => {
    const e = refusal("pack: t\nrules:\n  - id: [a\n  - kind: {b\n");
    expect(e).toBeInstanceOf(AdlintErrors);
    const lines = e.format().split("\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l).toMatch(/^p\.yaml:\d+:\d+: invalid YAML: /);
  });

  it("names the pack file when loading from disk", () => {
    const file = `${FIXTURES}packs/broken.yaml`;
    expect(() => loadPackFile(file)).toThrow(AdlintError);
    try {
      loadPackFile(file);
    } catch (e) {
      expect((e as AdlintError).format()).toBe(`${file}:5:12: rule broken/absolute: level must be one of off, warn, error, not "fatal"`);
    }
  });

  it("reports a missing pack file without a stack", () => {
    const file = `${FIXTURES}packs/missing.yaml`;
    expect(() => loadPackFile(file)).toThrow(AdlintError);
    try {
      loadPackFile(file);
    } catch (e) {
      expect((e as AdlintError).format()).toBe(`${file}:1:1: cannot read rule pack (ENOENT)`);
    }
  });
});

describe("well-formed packs", () => {
  it("reads every field with its defaults", () => {
    const pack = parsePack("p.yaml", `pack: demo\nversion: 1.0\nrules:\n${term("\nfix: 很好\nchannels: sms").split("\n").slice(2).join("\n")}`);
    expect(pack).toMatchObject({ name: "demo", version: "1.0", file: "p.yaml" });
    const [rule] = pack.rules;
    expect(rule).toMatchObject({
      id: "demo/a",
      kind: "term",
      level: "error",
      law: "第九条",
      message: { zh: "m" },
      within: "sentence",
      channels: ["sms"],
      line: 4,
      examples: { invalid: [], valid: [] },
    });
    expect(rule!.terms).toEqual([{ value: "最佳", line: 9, column: 13 }]);
    expect([...rule!.fix]).toEqual([["*", "很好"]]);
  });

  it("fills in every {match} of a message, and leaves other braces as written", () => {
    const message = "「{match}」{constructor}{ match }{other}又见「{match}」";
    const pack = parsePack("p.yaml", oneRule(`kind: term\nlevel: error\nlaw: 第九条\nmessage:\n  zh: "${message}"\n  en: "{match}!"\nterms: [最佳, 第一]`));
    const lint = (locale: "zh" | "en") => new Linter(new RuleSet([pack]), { locale }).lintSource("这是最佳选择", { format: "text" });
    expect(lint("zh").map((d) => d.message)).toEqual(["「最佳」{constructor}{ match }{other}又见「最佳」（第九条）"]);
    expect(lint("en").map((d) => d.message)).toEqual(["最佳! (第九条)"]);
    // Filled in again from the same template, with another match.
    expect(new Linter(new RuleSet([pack])).lintSource("销量第一", { format: "text" })[0]!.message).toBe("「第一」{constructor}{ match }{other}又见「第一」（第九条）");
  });

  it("runs the test pack's own examples without a failure", () => {
    const pack = loadPackFile(`${FIXTURES}packs/basic.yaml`);
    const report = runExamples([pack]);
    expect(report.failures).toEqual([]);
    expect(report.rules).toBe(4);
    expect(report.examples).toBe(24);
  });

  it("reports examples that fail, and duplicates, with their lines", () => {
    const report = runExamples([loadPackFile(`${FIXTURES}packs/failing-examples.yaml`)]);
    expect(report.failures.map((f) => [f.line, f.problem, f.text])).toEqual([
      [10, "not-flagged", "这款最好"],
      [11, "duplicate", "最佳选择"],
      [11, "flagged", "最佳选择"],
    ]);
  });
});

describe("regex safety", () => {
  const unsafe: Array<[string, number]> = [
    ["(a+)+", 4],
    ["(a*)*b", 4],
    ["(a+)+?", 4],
    ["(?:\\d+\\s?)+%", 10],
    ["((a+))+", 6],
    ["(a+|b)+", 6],
    ["(?<n>a+)+", 8],
    ["(.*a){20}", 5],
    ["(?:a+){2,}", 6],
    ["(\\p{Script=Han}+)+", 17],
    ["(\\u0061+)+", 9],
    ["(\\d{1,3})+", 9],
    ["据(.{1,20}统计)*", 12],
    ["(a|a)+", 5],
    ["(a|aa)+", 6],
    ["(\\d|\\d\\d)+", 9],
    ["(k|K)+", 5],
    ["(a?a?)+", 6],
    ["(\\d+\\d+，)+", 9],
    ["(?:[0-9０-９]+\\s?)+[%％]\\s*有效", 16],
    ["(?:\\s*\\S+)+$", 10],
    ["(?=(a+)+)", 7],
    ["(a|b|ab)*c", 8],
  ];
  const safe = [
    "最佳",
    "\\d+(\\.\\d+)?%",
    "第一(步|次|天)",
    "(?:a|b)+",
    ".{0,20}",
    "据.{1,20}(统计|调查|报告)",
    "\\p{Script=Han}+",
    "(a+)?",
    "(a+){1}",
    "[(a+)]+",
    "\\(a+\\)+",
    "[^)]+(a)+",
    "(?<hit>\\d+(\\.\\d+)?%)",
    "(a{2})+",
    "([^，]+，)+",
    "(?:x(?:a+)?)+",
    "(ab*)+",
    "(\\d+，)+",
    "\\d+\\d+",
    "(a|aa)",
    "(爸爸|妈妈|爸妈){1,2}",
  ];

  it.each(unsafe)("refuses %s (quantifier at %i)", (pattern, index) => {
    expect(findRegexHazard(pattern)).toEqual({ index, reason: expect.stringContaining("backtrack") });
  });

  it.each(safe)("accepts %s", (pattern) => {
    expect(findRegexHazard(pattern)).toBeUndefined();
  });

  it("refuses an evil pattern before ever running it", () => {
    // Run against 40 a's and a mismatch, this pattern would take hours; the loader refuses it at once.
    const evil = "^(\\p{Script=Han}|a+)+$";
    const pack = oneRule(`kind: pattern\nlevel: error\nlaw: 第九条\nmessage: m\npatterns: ['${evil}']\nexamples:\n  invalid: ['${"a".repeat(40)}!']`);
    const started = performance.now();
    const e = refusal(pack);
    expect(performance.now() - started).toBeLessThan(500);
    expect(e.message).toContain("unsafe regular expression");
    expect(e.location).toMatchObject({ line: 8, column: 16 });
  });
});

// The evidence registry: a claim it backs is not reported, one whose evidence
// has lapsed is a warning that names the entry, and a malformed registry is
// refused with file, line and column. Patent numbers are checked for form and
// check character.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCharacter, readPatentNumber } from "../src/evidence/patent-number.js";
import { parseEvidence } from "../src/evidence/registry.js";
import { Linter } from "../src/engine/linter.js";
import { RuleSet } from "../src/engine/rule-set.js";
import { lintText } from "../src/lint.js";
import { parsePack } from "../src/packs/load.js";
import { openProject } from "../src/project.js";
import { FIXTURES } from "./helpers/lint.js";
import { tree } from "./helpers/tree.js";
import { refusal } from "./helpers/refusal.js";

describe("Chinese patent numbers", () => {
  it.each([
    ["201710601862.3", "invention"],
    ["ZL 2017 1 0601862.3", "invention"],
    ["zl201720601862.x", undefined],
    ["ZL201920601862.4", undefined],
    ["CN201710601862.3", "invention"],
  ])("%s", (text, type) => {
    const read = readPatentNumber(text);
    if (type) expect(read).toMatchObject({ type });
    else expect(read).toHaveProperty("problem");
  });

  it("computes the check character with weights 2..9, 2..5, mod 11, 10 as X", () => {
    expect(checkCharacter("201710601862")).toBe("3");
    // 8-digit numbers from before 2003 use the weights 2..9.
    expect(checkCharacter("97101765")).toBe(String([9, 7, 1, 0, 1, 7, 6, 5].reduce((s, d, i) => s + d * (i + 2), 0) % 11));
    const digits = Array.from({ length: 200 }, (_, i) => String(201710600000 + i * 7919));
    expect(digits.map(checkCharacter)).toContain("X");
  });

  it.each([
    ["ZL201710601862.4", "check"],
    ["ZL201740601862.3", "type"],
    ["ZL2017106018623", "form"],
    ["专利号见包装", "form"],
  ])("refuses %s (%s)", (text, problem) => {
    expect(readPatentNumber(text)).toEqual({ problem });
  });
});

const PACK = parsePack(
  "p.yaml",
  `pack: t
rules:
  - id: stat
    kind: claim
    level: error
    law: 广告法第十一条
    message: 数据「{match}」需注明出处
    patterns: ['\\d+(\\.\\d+)?%']
    evidence: [数据来源]
  - id: rank
    kind: claim
    level: error
    law: 广告法第九条
    message: 排名「{match}」需注明出处
    terms: [销量第一]
    evidence: [数据来源]
  - id: patent
    kind: pattern
    level: error
    law: 广告法第十二条
    message: 专利号「{match}」不是有效的专利号
    validate: cn-patent-number
    patterns: ['(?<=专利号[:：]?\\s?)zl\\s?[\\d\\s]{8,16}\\.\\s?[\\dx]']
`,
);

const REGISTRY = parseEvidence(
  "evidence.yaml",
  `evidence:
  - id: ev-satisfaction
    kind: statistic
    supports: [满意度98%]
    source: 2024年第三方用户调研
    validUntil: 2030-12-31
  - id: ev-sales
    kind: statistic
    supports: [销量第一]
    source: 2023年度平台销售统计
    validUntil: 2024-12-31
    rules: [t/rank]
`,
);

function lint(copy: string, today = "2026-01-01") {
  const linter = new Linter(new RuleSet([PACK]), { evidence: REGISTRY, today });
  return linter.lintSource(copy, { format: "text" }).map((d) => [d.ruleId, d.severity, d.message]);
}

describe("claims and the registry", () => {
  it("reports a claim the registry does not back", () => {
    expect(lint("复购率95%")).toEqual([["t/stat", 2, "数据「95%」需注明出处（广告法第十一条）"]]);
  });

  it("does not report a claim a valid entry backs, in the same sentence", () => {
    expect(lint("用户满意度98%，值得信赖")).toEqual([]);
    expect(lint("用户满意度 ９８％")).toEqual([]);
  });

  it("backs only the sentence the phrase is in", () => {
    expect(lint("用户满意度98%。复购率98%")).toEqual([["t/stat", 2, "数据「98%」需注明出处（广告法第十一条）"]]);
  });

  it("turns a claim with lapsed evidence into a warning that names the entry", () => {
    expect(lint("年度销量第一")).toEqual([
      ["t/rank", 1, "「销量第一」所依据的证据 ev-sales（2023年度平台销售统计）已于 2024-12-31 到期，请更新证据或修改文案（广告法第九条）"],
    ]);
    expect(lint("年度销量第一", "2024-12-31")).toEqual([]);
  });

  it("backs only the rules an entry names", () => {
    const other = parsePack(
      "q.yaml",
      "pack: q\nrules:\n  - id: rank\n    kind: claim\n    level: error\n    law: x\n    message: m\n    terms: [销量第一]\n    evidence: [数据来源]\n",
    );
    const linter = new Linter(new RuleSet([other]), { evidence: REGISTRY, today: "2020-01-01" });
    expect(linter.lintSource("年度销量第一", { format: "text" }).map((d) => d.ruleId)).toEqual(["q/rank"]);
  });
});

describe("rules that validate what they match", () => {
  it("reports a patent number whose check character is wrong, and not a valid one", () => {
    expect(lint("专利号：ZL201710601862.4").map((d) => d[0])).toEqual(["t/patent"]);
    expect(lint("专利号：ZL 2017 1 0601862.3")).toEqual([]);
    expect(lint("专利号：ＺＬ２０１７１０６０１８６２．３")).toEqual([]);
  });
});

describe("malformed registries", () => {
  const table: Array<[string, string, string, number, number]> = [
    ["not a mapping", "- id: a\n", "an evidence registry must be a mapping", 1, 1],
    ["no list", "entries: []\n", 'evidence registry: unknown key "entries"', 1, 1],
    ["missing source", "evidence:\n  - id: a\n    kind: statistic\n    supports: [x]\n", 'an evidence entry needs "source"', 2, 5],
    ["bad kind", "evidence:\n  - id: a\n    kind: rumour\n    supports: [x]\n    source: s\n", "evidence a: kind must be one of statistic, patent, test-report, award, endorsement-contract, other, not \"rumour\"", 3, 11],
    ["bad date", "evidence:\n  - id: a\n    kind: statistic\n    supports: [x]\n    source: s\n    validUntil: next year\n", 'evidence a: validUntil must be a date written YYYY-MM-DD, not "next year"', 6, 17],
    ["bad patent", "evidence:\n  - id: a\n    kind: patent\n    supports: [发明专利]\n    source: s\n    patent: ZL201710601862.4\n", 'evidence a: "ZL201710601862.4" is not a valid Chinese patent number (the check character does not match the digits)', 6, 13],
    ["duplicate id", "evidence:\n  - id: a\n    kind: other\n    supports: [x]\n    source: s\n  - id: a\n    kind: other\n    supports: [y]\n    source: s\n", "evidence a is listed twice (first at line 2)", 6, 9],
    ["unknown key", "evidence:\n  - id: a\n    kind: other\n    supports: [x]\n    source: s\n    expires: 2025-01-01\n", 'evidence entry: unknown key "expires"', 6, 5],
  ];
  it.each(table)("%s", (_name, text, message, line, column) => {
    const error = refusal(() => parseEvidence("evidence.yaml", text));
    expect(error.message).toBe(message);
    expect(error.location).toEqual({ file: "evidence.yaml", line, column });
  });
});

describe("the registry in a project", () => {
  // Config may only name packs inside its repository, so each tree carries the test pack.
  const pack = "./basic.yaml";
  const basic = readFileSync(`${FIXTURES}packs/basic.yaml`, "utf8");
  it("is read from evidence.yaml beside the config, or from the path the config names", () => {
    const registry = "evidence:\n  - id: ev-1\n    kind: statistic\n    supports: [提升36%]\n    source: 实验室报告\n";
    const beside = tree({ "adlint.config.yaml": `packs: [${pack}]\n`, "basic.yaml": basic, "evidence.yaml": registry });
    const named = tree({ "adlint.config.yaml": `packs: [${pack}]\nevidence: compliance/ev.yaml\n`, "basic.yaml": basic, "compliance/ev.yaml": registry });
    const none = tree({ "adlint.config.yaml": `packs: [${pack}]\n`, "basic.yaml": basic });
    const stat = (root: string) =>
      lintText("提升36%", { project: openProject({ cwd: root }), filePath: "a.txt" }).messages.filter((m) => m.ruleId === "t/stat").length;
    expect([stat(beside), stat(named), stat(none)]).toEqual([0, 0, 1]);
  });
});

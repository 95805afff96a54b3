// Livestream scripts: a speaker label (`主播：`, `【画外音】`…) at the start of
// a line says who speaks it and is not copy; a rule with `speakers` hears only
// what those speakers say on air.
import { describe, expect, it } from "vitest";
import { lintText } from "../src/lint.js";
import { runExamples } from "../src/engine/examples.js";
import { parsePack } from "../src/packs/load.js";
import { openProject } from "../src/project.js";
import { speakerLabel } from "../src/sources/speakers.js";
import { parseDocument } from "../src/sources/index.js";
import { describeDiagnostic, FIXTURES, type Found } from "./helpers/lint.js";

const project = openProject({ config: `${FIXTURES}sources.config.yaml` });

function lint(source: string, filePath: string): Found[] {
  // Paths are read from the test project's folder, where `live/**` is the livestream channel.
  return lintText(source, { filePath, project, cwd: FIXTURES }).messages.map((d) => describeDiagnostic(source, d));
}

const onAir = (line: number, column: number, text: string): Found => ({
  ruleId: "s/on-air-promise",
  line,
  column,
  endLine: line,
  endColumn: column + text.length,
  text,
});

describe("speaker labels", () => {
  const table: Array<[string, string | undefined, [string, number] | undefined]> = [
    ["主播：家人们好", undefined, ["主播", 3]],
    ["主播:家人们好", undefined, ["主播", 3]],
    ["助播： 对的", undefined, ["助播", 4]],
    ["嘉宾：我认为", undefined, ["嘉宾", 3]],
    ["场控：上链接", undefined, ["场控", 3]],
    ["主持人：欢迎", undefined, ["主持人", 4]],
    ["【画外音】本节目由某某赞助", undefined, ["画外音", 5]],
    ["[画外音] 投资有风险", undefined, ["画外音", 6]],
    ["画外音：投资有风险", undefined, ["画外音", 4]],
    ["主播小美：大家好", undefined, ["主播", 5]],
    ["嘉宾（李老师）：大家好", undefined, ["嘉宾", 8]],
    ["李老师：大家好", undefined, undefined],
    ["李老师：大家好", "livestream", ["李老师", 4]],
    ["Amy: hello", "livestream", ["Amy", 5]],
    ["原价：299元", "livestream", undefined],
    ["价格：到手价更低", "livestream", undefined],
    ["20:00 开播", "livestream", undefined],
    ["19点：开播", "livestream", ["19点", 4]],
    ["https://live.example.com", "livestream", undefined],
    ["今天给大家带来的是：面膜", "livestream", undefined],
    ["【冲泡小课堂】", "livestream", undefined],
    ["主播说：好", undefined, ["主播", 4]],
    ["主播间人数很多", "livestream", undefined],
  ];

  it.each(table)("%j (%s)", (line, channel, expected) => {
    const label = speakerLabel(line, channel);
    expect(label ? [label.speaker, label.textStart] : undefined).toEqual(expected);
  });
});

describe("plain-text scripts", () => {
  it("leaves the label out of the line and names the speaker", () => {
    const doc = parseDocument("主播：家人们好\r\n【画外音】投资有风险\r\n普通一行\n", "text", { path: "script.txt" });
    expect(doc.segments.map((s) => [s.speaker, s.text])).toEqual([
      ["主播", "家人们好"],
      ["画外音", "投资有风险"],
      ["画外音", "普通一行"],
    ]);
    expect(doc.segments[0]!.starts[0]).toBe(3);
  });

  it("a line without a label continues the turn; a blank line ends it", () => {
    const doc = parseDocument("主播：第一句\n第二句\n\n第三句\n", "text", { path: "script.txt" });
    expect(doc.segments.map((s) => s.speaker)).toEqual(["主播", "主播", undefined]);
  });

  it("a rule with speakers fires on 主播 lines only", () => {
    const source = "主播：这个稳赚不赔\n助播：稳赚不赔是假的\n【画外音】考试包过是违法宣传\n稳赚\n\n👍🏽主播：包过\n\t主播：\t稳赚";
    expect(lint(source, "stream.txt")).toEqual([onAir(1, 6, "稳赚"), onAir(7, 6, "稳赚")]);
  });

  it("other rules still read every line, label or not", () => {
    const source = "助播：这是最好的\r\n原价：299元，國家級工艺";
    expect(lint(source, "stream.txt")).toEqual([
      { ruleId: "s/absolute", line: 1, column: 6, endLine: 1, endColumn: 8, text: "最好" },
      { ruleId: "s/absolute", line: 2, column: 9, endLine: 2, endColumn: 12, text: "國家級" },
    ]);
  });

  it("reads any short label as a speaker only in a livestream script (channel from config)", () => {
    const source = "小美：你好\n主播：稳赚\n";
    const plain = parseDocument(source, "text", { path: "a.txt" });
    expect(plain.segments.map((s) => [s.speaker, s.text])).toEqual([[undefined, "小美：你好"], ["主播", "稳赚"]]);
    const live = parseDocument(source, "text", { path: "a.txt", channel: "livestream" });
    expect(live.segments.map((s) => [s.speaker, s.text])).toEqual([["小美", "你好"], ["主播", "稳赚"]]);
  });

  it("a label is not copy, in a livestream script", () => {
    const source = "第一主播：大家好\n";
    expect(lint(source, "live/night.txt")).toEqual([]);
    expect(lint(source, "night.txt")).toEqual([{ ruleId: "s/absolute", line: 1, column: 1, endLine: 1, endColumn: 3, text: "第一" }]);
  });
});

describe("Markdown scripts", () => {
  it("splits a paragraph at each labelled line", () => {
    const source = "---\nchannel: livestream\n---\n\n主播：开场\n继续说\n小美：接话\n【画外音】免责声明\n";
    expect(parseDocument(source, "markdown", { path: "script.md" }).segments.map((s) => [s.speaker, s.text])).toEqual([
      ["主播", "开场\n继续说\n"],
      ["小美", "接话\n"],
      ["画外音", "免责声明"],
    ]);
  });

  it("a rule with speakers fires on 主播 lines and list items only", () => {
    const source = "# 直播脚本\n\n> 主播：稳赚不赔\n\n嘉宾：稳赚\n主播：稳赚\n\n- 主播：考试包过\n- 助播：包过\n\n稳赚的秘诀\n";
    expect(lint(source, "script.md")).toEqual([onAir(3, 6, "稳赚"), onAir(6, 4, "稳赚"), onAir(8, 8, "包过")]);
  });
});

describe("the speakers key of a rule pack", () => {
  const pack = (speakers: string) => `pack: p
rules:
  - id: r
    kind: term
    level: warn
    law: 广告法
    message: m
    terms: [稳赚]
    speakers: ${speakers}
    examples:
      invalid: [主播：稳赚]
      valid: [助播：稳赚]
`;

  it("is a list of speakers", () => {
    expect(parsePack("p.yaml", pack("[主播, 嘉宾]")).rules[0]?.speakers).toEqual(["主播", "嘉宾"]);
  });

  it("must hold strings", () => {
    expect(() => parsePack("p.yaml", pack("[{ name: 主播 }]"))).toThrow(/speakers/);
  });

  it("rules without it have no speakers", () => {
    expect(parsePack("p.yaml", pack("[主播]").replace("    speakers: [主播]\n", "")).rules[0]?.speakers).toBeUndefined();
  });

  it("the test pack's examples hold", () => {
    expect(runExamples(project.packs).failures).toEqual([]);
  });
});

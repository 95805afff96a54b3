// Subtitles: each cue's text is one segment of copy, without its inline tags;
// numbers, timings and settings are not copy. Every finding carries the
// start time of its cue.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/config.js";
import { lintText } from "../src/lint.js";
import { openProject } from "../src/project.js";
import { formatOf } from "../src/sources/index.js";
import { parseSubtitles } from "../src/sources/subtitles.js";
import { finding, linterFor, type Found } from "./helpers/lint.js";

const project = openProject({ config: fileURLToPath(new URL("./fixtures/sources.config.yaml", import.meta.url)) });

const lint = linterFor("sources.config.yaml");

const absolute = (cueStart: string, line: number, column: number, endLine: number, endColumn: number, text: string): Found => ({
  ...finding("s/absolute")(line, column, endLine, endColumn, text),
  cueStart,
});

describe("SubRip (.srt)", () => {
  const table: Array<[string, string, Found[]]> = [
    [
      "cue text, not numbers or timings",
      "1\n00:00:01,000 --> 00:00:03,500\n这是最好的\n\n2\n00:00:04,000 --> 00:00:06,000\n第一名\n",
      [absolute("00:00:01,000", 3, 3, 3, 5, "最好"), absolute("00:00:04,000", 7, 1, 7, 3, "第一")],
    ],
    ["a cue number or timestamp is never copy", "1\n00:00:01,000 --> 00:00:02,000\n好\n\n12\n00:00:12,000 --> 00:00:13,000\n很好\n", []],
    [
      "CRLF, two text lines and emoji",
      "1\r\n00:00:01,000 --> 00:00:02,000\r\n家人们😀\r\n👍🏽国家级\r\n",
      [absolute("00:00:01,000", 4, 5, 4, 8, "国家级")],
    ],
    [
      "inline tags are left out, positions kept",
      "1\n00:00:01,000 --> 00:00:02,000\n<i>这是最好</i>的\n{\\an8}<font color=\"#ffcc00\">國家級</font>\n",
      [absolute("00:00:01,000", 3, 6, 3, 8, "最好"), absolute("00:00:01,000", 4, 29, 4, 32, "國家級")],
    ],
    ["a tag inside a term joins it", "1\n00:00:01,000 --> 00:00:02,000\n最<b>佳</b>\n", [absolute("00:00:01,000", 3, 1, 3, 6, "最<b>佳")]],
    // A cue's lines are shown together; a line break inside a cue only wraps the caption.
    [
      "a term wrapped over two lines of a cue reads as one",
      "1\n00:00:01,000 --> 00:00:02,000\n最\n佳\n",
      [absolute("00:00:01,000", 3, 1, 4, 2, "最\n佳")],
    ],
    ["tabs", "1\n00:00:01,000 --> 00:00:02,000\n选\t最佳\n", [absolute("00:00:01,000", 3, 3, 3, 5, "最佳")]],
    ["no trailing line break", "1\n00:00:01,000 --> 00:00:02,000\n最佳", [absolute("00:00:01,000", 3, 1, 3, 3, "最佳")]],
  ];

  it.each(table)("%s", (_name, source, expected) => {
    expect(lint(source, "stream.srt")).toEqual(expected);
  });

  it("makes one segment per cue, lines joined by their real line break", () => {
    const source = "1\r\n00:00:01,000 --> 00:00:02,000\r\n第一行\r\n第二行\r\n";
    const [segment] = parseSubtitles(source, "a.srt").segments;
    expect(segment?.text).toBe("第一行\n第二行");
    expect(source.slice(segment!.starts[3]!, segment!.ends[3]!)).toBe("\r\n");
    expect(segment?.cueStart).toBe("00:00:01,000");
  });
});

describe("WebVTT (.vtt)", () => {
  const header = "WEBVTT - 双十一预热\nKind: captions\n\n";

  const table: Array<[string, string, Found[]]> = [
    [
      "header, identifiers and cue settings are not copy",
      `${header}intro-最佳\n00:01.000 --> 00:03.000 align:start position:10%\n这是最佳选择\n`,
      [absolute("00:01.000", 6, 3, 6, 5, "最佳")],
    ],
    [
      "STYLE and REGION blocks are not copy",
      `${header}STYLE\n::cue(.最佳) { color: gold }\n\nREGION\nid:最好\n\n00:00:01.000 --> 00:00:02.000\n好\n`,
      [],
    ],
    [
      "class, voice and timestamp tags are left out",
      `${header}00:01.000 --> 00:03.000\n<c.gold>限时</c> <v 主播>今天<00:02.000>最好\n`,
      [absolute("00:01.000", 5, 35, 5, 37, "最好")],
    ],
    ["entities read as what they stand for", `${header}00:01.000 --> 00:02.000\n好&amp;最&nbsp;佳\n`, [absolute("00:01.000", 5, 7, 5, 15, "最&nbsp;佳")]],
  ];

  it.each(table)("%s", (_name, source, expected) => {
    expect(lint(source, "teaser.vtt")).toEqual(expected);
  });

  it("names the speaker from a voice tag", () => {
    const source = `${header}00:01.000 --> 00:02.000\n<v.loud 主播>稳赚\n\n00:03.000 --> 00:04.000\n<v 助播>稳赚\n`;
    expect(parseSubtitles(source, "a.vtt").segments.map((s) => [s.speaker, s.text])).toEqual([
      ["主播", "稳赚"],
      ["助播", "稳赚"],
    ]);
    expect(lint(source, "a.vtt")).toEqual([
      { ruleId: "s/on-air-promise", line: 5, column: 12, endLine: 5, endColumn: 14, text: "稳赚", cueStart: "00:01.000" },
    ]);
  });

  it("a NOTE directive covers every line of the next cue", () => {
    const source = `${header}NOTE adlint-disable-next-line s/absolute -- 引用用户原话\n\n00:01.000 --> 00:02.000\n最好\n第一名\n\n00:03.000 --> 00:04.000\n最佳\n`;
    expect(lint(source, "a.vtt")).toEqual([absolute("00:03.000", 11, 1, 11, 3, "最佳")]);
  });

  it("a NOTE directive covers a cue of one line", () => {
    const source = `${header}NOTE\nadlint-disable-next-line s/absolute -- 品牌原名\n\n00:01.000 --> 00:02.000\n最好\n\n00:03.000 --> 00:04.000\n最佳\n`;
    expect(lint(source, "a.vtt")).toEqual([absolute("00:03.000", 11, 1, 11, 3, "最佳")]);
  });

  it("reports a NOTE directive that suppresses nothing", () => {
    const source = `${header}NOTE adlint-disable-next-line s/absolute -- 没用\n\n00:01.000 --> 00:02.000\n很好\n`;
    expect(lint(source, "a.vtt").map((f) => [f.ruleId, f.line, f.column])).toEqual([["adlint/unused-directive", 4, 1]]);
  });

  it("NOTE regions disable and enable", () => {
    const source = `${header}NOTE adlint-disable s/absolute -- 旧素材\n\n00:01.000 --> 00:02.000\n最好\n\nNOTE adlint-enable s/absolute\n\n00:03.000 --> 00:04.000\n最佳\n`;
    expect(lint(source, "a.vtt")).toEqual([absolute("00:03.000", 12, 1, 12, 3, "最佳")]);
  });

  it("a file without the WEBVTT line does not parse", () => {
    const messages = lintText("00:01.000 --> 00:02.000\n最好\n", { filePath: "a.vtt", project }).messages;
    expect(messages).toMatchObject([{ ruleId: null, fatal: true, line: 1, column: 1 }]);
  });
});

describe("registration", () => {
  it("reads .srt and .vtt as subtitles", () => {
    expect([formatOf("a.srt"), formatOf("b.VTT")]).toEqual(["subtitles", "subtitles"]);
  });
});

describe("fixtures with the built-in pack", () => {
  const builtIn = openProject({ config: defaultConfig(fileURLToPath(new URL("../", import.meta.url))) });
  const read = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/livestream/${name}`, import.meta.url)), "utf8");

  it("finds what the stream said, with the cue it was said in", () => {
    const source = read("2024-11-11-stream.srt");
    const found = lintText(source, { filePath: "2024-11-11-stream.srt", project: builtIn }).messages.map((d) => [d.cueStart, source.slice(d.range[0], d.range[1])]);
    expect(found).toEqual(expect.arrayContaining([["00:00:07,000", "最好"], ["00:00:15,200", "包治百病"], ["00:00:20,100", "稳赚"]]));
    expect(found.some(([, text]) => /-->|^\d+$/.test(text!))).toBe(false);
  });

  it("honours the NOTE directive in the teaser", () => {
    const source = read("teaser.vtt");
    const found = lintText(source, { filePath: "teaser.vtt", project: builtIn }).messages.map((d) => [d.line, d.ruleId, source.slice(d.range[0], d.range[1])]);
    expect(found).toEqual([
      [14, "ad-law/absolute-term", "国家级"],
      [22, "ad-law/absolute-first", "第一品牌"],
    ]);
  });
});

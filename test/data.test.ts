// YAML and JSON content files: string values are copy, positioned through
// quotes, escapes, indentation and folding; keys, numbers, links, paths,
// colours and identifiers are not copy.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/config.js";
import { lintText } from "../src/lint.js";
import { openProject } from "../src/project.js";
import { isNotCopy, parseData } from "../src/sources/data.js";
import { formatOf, isContentOnlyByConfig } from "../src/sources/index.js";
import { finding, FIXTURES, linterFor, type Found } from "./helpers/lint.js";

const project = openProject({ config: `${FIXTURES}sources.config.yaml` });
const lint = linterFor("sources.config.yaml");

const absolute = finding("s/absolute");

describe("YAML string values", () => {
  const table: Array<[string, string, Found[]]> = [
    ["a plain value", "title: 这是最好的\n", [absolute(1, 10, 1, 12, "最好")]],
    ["a key is not copy", "最好: 一般\n国家级:\n  - 很好\n", []],
    ["numbers and booleans are not copy", "price: 299\nshow: true\nratio: 0.5\n", []],
    [
      "links, paths, e-mail, colours and identifiers are not copy",
      "url: https://shop.example.com/最好\nimg: /static/最佳海报.png\nfile: 最佳主图.jpg\nmail: best@example.com\ncolor: '#ff6600'\nsku: sku-123\nbtn: btn_primary\n",
      [],
    ],
    ["emoji before the match", "slogan: 😀👍🏽最佳之选\n", [absolute(1, 15, 1, 17, "最佳")]],
    ["tabs inside a quoted value", 'a: "\t选\t最佳"\n', [absolute(1, 8, 1, 10, "最佳")]],
    ["Traditional characters", "a: 這是國家級產品\n", [absolute(1, 6, 1, 9, "國家級")]],
    ["CRLF line endings", "a: 你好\r\nb: 这是最好的\r\n", [absolute(2, 6, 2, 8, "最好")]],
    ["a \\u escape maps to its escape sequence", 'a: "\\u6700佳"\n', [absolute(1, 5, 1, 12, "\\u6700佳")]],
    ["\\x and \\U escapes", 'a: "😀\\U0001F600最好"\n', [absolute(1, 17, 1, 19, "最好")]],
    ["an escaped quote and a \\t before the match", 'a: "\\"\\t最佳\\""\n', [absolute(1, 9, 1, 11, "最佳")]],
    ["a single-quoted value with a doubled quote", "a: 'it''s 最好'\n", [absolute(1, 11, 1, 13, "最好")]],
    ["a double-quoted value folded over two lines", 'a: "开头\n  然后最佳"\n', [absolute(2, 5, 2, 7, "最佳")]],
    ["an escaped line break", 'a: "开头\\\n    最佳"\n', [absolute(2, 5, 2, 7, "最佳")]],
    ["a plain value over two lines", "a: 开头\n  然后国家级\n", [absolute(2, 5, 2, 8, "国家级")]],
    ["a literal block", "a: |\n  第一行\n  国家级\r\n", [absolute(2, 3, 2, 5, "第一"), absolute(3, 3, 3, 6, "国家级")]],
    ["a literal block without a final line break", "a: |-\n  首行\n    最佳", [absolute(3, 5, 3, 7, "最佳")]],
    ["a folded block", "a: >\n  前面\n\n  后面最佳\n", [absolute(4, 5, 4, 7, "最佳")]],
    ["a folded block reads its lines as one", "a: >\n  最\n  好\n", [absolute(2, 3, 3, 4, "最\n  好")]],
    ["a block header with a comment", "a: | # 最佳 is a comment\n  最好\n", [absolute(2, 3, 2, 5, "最好")]],
    ["a comment is not copy", "a: 很好 # 最佳\n# 最好\n", []],
    ["values in a list and nested maps", "items:\n  - name: 面膜\n    tips: [最佳, 'ok']\n", [absolute(3, 12, 3, 14, "最佳")]],
    ["a lone carriage return is a character to the YAML parser, not a line break", "a: 开头\r 最佳 \r\n", [absolute(2, 2, 2, 4, "最佳")]],
    ["a lone carriage return after a folded line", "\ud800\n最佳!tag \r", [absolute(2, 1, 2, 3, "最佳")]],
    ["every document of a stream", "a: 好\n---\nb: 最佳\n", [absolute(3, 4, 3, 6, "最佳")]],
  ];

  it.each(table)("%s", (_name, source, expected) => {
    expect(lint(source, "poster.yaml")).toEqual(expected);
  });
});

describe("JSON string values", () => {
  const table: Array<[string, string, Found[]]> = [
    ["a value, not its key", '{"最好": "这是最好的"}', [absolute(1, 11, 1, 13, "最好")]],
    ["\\u escapes map to their escapes", '{"a": "\\u6700\\u4f73"}', [absolute(1, 8, 1, 20, "\\u6700\\u4f73")]],
    ["a surrogate pair before the match", '{"a": "\\ud83d\\ude00最好"}', [absolute(1, 20, 1, 22, "最好")]],
    ["escapes before the match", '{"a": "\\"\\/\\n最佳"}', [absolute(1, 14, 1, 16, "最佳")]],
    ["tabs and CRLF", '{\r\n\t"a": 1,\r\n\t"b": ["sku-123", "#fff", "國家級"]\r\n}', [absolute(3, 28, 3, 31, "國家級")]],
    ["a key given twice is still JSON", '{"a": "好", "a": "最佳"}', [absolute(1, 18, 1, 20, "最佳")]],
    ["numbers, booleans, null and URLs", '{"n": 1.5e3, "t": true, "x": null, "u": "https://a.cn/最佳"}', []],
  ];

  it.each(table)("%s", (_name, source, expected) => {
    expect(lint(source, "zh-CN.json")).toEqual(expected);
  });
});

describe("syntax errors", () => {
  const table: Array<[string, string, string, number, number]> = [
    ["a trailing comma in JSON", "x.json", '{"a": "b",}', 1, 11],
    ["a bare word in JSON", "x.json", '["好", 最佳]', 1, 7],
    ["JSON that stops early", "x.json", '{"a": "最好"', 1, 11],
    ["a line break in a JSON string", "x.json", '{"a": "最\n好"}', 1, 9],
    ["an unclosed YAML list", "x.yaml", "a: [1,\n", 2, 1],
    ["a YAML key given twice", "x.yaml", "a: 最好\na: 最佳\n", 2, 1],
    ["a bad YAML escape", "x.yaml", 'a: "\\q最好"\n', 1, 5],
  ];

  it.each(table)("%s", (_name, filePath, source, line, column) => {
    const messages = lintText(source, { filePath, project }).messages;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2, line, column });
  });
});

describe("directives in YAML comments", () => {
  it("disables the next line, with a reason", () => {
    const source = "# adlint-disable-next-line s/absolute -- 引用用户原话\na: 最好\nb: 最佳\n";
    expect(lint(source, "x.yaml")).toEqual([absolute(3, 4, 3, 6, "最佳")]);
  });

  it("reads a comment after a value, and regions", () => {
    const source = "a: 最好 # adlint-disable-line -- 品牌名\n# adlint-disable s/absolute -- 旧版文案\nb: 最佳\n# adlint-enable s/absolute\nc: 第一名\n";
    expect(lint(source, "x.yaml")).toEqual([absolute(5, 4, 5, 6, "第一")]);
  });

  it("never reads one inside a string", () => {
    const source = 'a: "# adlint-disable-next-line"\nb: 最佳\nc: |\n  # adlint-disable-line\n  最好\n';
    expect(lint(source, "x.yaml")).toEqual([absolute(2, 4, 2, 6, "最佳"), absolute(5, 3, 5, 5, "最好")]);
  });
});

describe("what a data file says about itself", () => {
  it("reads channel and category from top-level fields, which are not copy", () => {
    const doc = parseData("channel: 最佳渠道\ncategory: cosmetics\nnested:\n  channel: sms\n", "a.yaml");
    expect(doc.meta).toEqual({ channel: "最佳渠道", category: "cosmetics" });
    expect(doc.segments).toEqual([]);
  });

  it("reads the channel from another field when asked", () => {
    const doc = parseData('{"投放渠道": "poster", "channel": "sms"}', "a.json", { channelField: "投放渠道" });
    expect(doc.meta).toEqual({ channel: "poster" });
  });

  it("lets a rule limited to a channel see the file's own channel", () => {
    expect(lint("channel: livestream\nlines: [主播：稳赚]\n", "x.yaml")).toEqual([]);
  });

  it("makes one segment per string value", () => {
    const doc = parseData('a: 第一段\nb: ["第二段", 3]\n', "a.yaml");
    expect(doc.segments.map((s) => s.text)).toEqual(["第一段", "第二段"]);
  });
});

describe("which strings are copy", () => {
  const notCopy = ["https://a.cn/x", "www.example.com", "mailto:a@b.cn", "shop@example.com", "#FFF", "#ff6600cc", "rgba(0,0,0,.5)",
    "./a.png", "/static/img", "assets/banner.webp", "主图.png", "sku-123", "btn_primary", "2024-11-11", "299", "   "];
  const copy = ["最佳", "Hello world", "限时 5 折", "ＮＯ．１", "{count} 件商品"];
  it.each(notCopy)("%j is not copy", (value) => expect(isNotCopy(value)).toBe(true));
  it.each(copy)("%j is copy", (value) => expect(isNotCopy(value)).toBe(false));
});

describe("registration", () => {
  it("reads .yaml, .yml and .json as data, only when config says they are content", () => {
    expect([formatOf("a.yaml"), formatOf("a.YML"), formatOf("a.json")]).toEqual(["yaml", "yaml", "json"]);
    expect([isContentOnlyByConfig("yaml"), isContentOnlyByConfig("json"), isContentOnlyByConfig("markdown")]).toEqual([true, true, false]);
  });
});

describe("fixtures with the built-in pack", () => {
  const builtIn = openProject({ config: defaultConfig(fileURLToPath(new URL("../", import.meta.url))) });
  const check = (name: string, expected: string[]) => {
    const source = readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), "utf8");
    const messages = lintText(source, { filePath: name, project: builtIn }).messages;
    expect(messages.every((d) => d.ruleId?.startsWith("ad-law/"))).toBe(true);
    expect([...new Set(messages.map((d) => source.slice(d.range[0], d.range[1])))]).toEqual(expected);
  };

  it("the poster spec", () => check("posters/autumn-poster.yaml", ["最好", "国家级", "第一品牌"]));
  it("the i18n catalog", () =>
    check("i18n/zh-CN.json", ["最低", "\\u56fd\\u5bb6\\u7ea7", "包治百病", "最佳", "第一品牌", "包过", "不过退费"]));
});

// Markdown through the real remark parser: what is copy, what is not, and
// where each finding sits in the original file.
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../src/sources/markdown.js";
import { absolute, lintString, type Found } from "./helpers/lint.js";

const md = (source: string) => lintString(source, "markdown");

describe("Markdown copy is linted where it is written", () => {
  const table: Array<[string, string, Found[]]> = [
    ["paragraph", "这是最佳的选择\n", [absolute(1, 3, 1, 5, "最佳")]],
    ["ATX heading", "# 最佳选择\n", [absolute(1, 3, 1, 5, "最佳")]],
    ["setext heading", "最好的面膜\n===\n", [absolute(1, 1, 1, 3, "最好")]],
    ["Traditional heading", "## 國家級認證\n", [absolute(1, 4, 1, 7, "國家級")]],
    ["block quote", "> 最佳\n", [absolute(1, 3, 1, 5, "最佳")]],
    ["term split over block quote lines", "> 最\n> 佳\n", [absolute(1, 3, 2, 4, "最\n> 佳")]],
    ["list item", "- 最好\n", [absolute(1, 3, 1, 5, "最好")]],
    ["nested list item", "* 面膜\n  * 國家級\n", [absolute(2, 5, 2, 8, "國家級")]],
    ["ordered list in a quote", "> 1. 第一名\n", [absolute(1, 6, 1, 8, "第一")]],
    ["table cell", "| 产品 | 评价 |\n| --- | --- |\n| 面膜 | 最佳 |\n", [absolute(3, 8, 3, 10, "最佳")]],
    ["terms do not join across table cells", "| 最 | 佳 |\n| --- | --- |\n| 国 | 家级 |\n", []],
    ["link text", "[最佳面膜](https://example.com/a)\n", [absolute(1, 2, 1, 4, "最佳")]],
    ["link text across the bracket", "[最](https://example.com)佳\n", [absolute(1, 2, 1, 26, "最](https://example.com)佳")]],
    ["image alt text", "![最佳效果](https://example.com/a.png)\n", [absolute(1, 3, 1, 5, "最佳")]],
    ["image alt inside a link", "[![最佳](a.png)](https://example.com)\n", [absolute(1, 4, 1, 6, "最佳")]],
    ["soft line break inside a paragraph", "这是最\n佳的选择\n", [absolute(1, 3, 2, 2, "最\n佳")]],
    ["soft line break with CRLF", "这是最\r\n佳的选择\r\n", [absolute(1, 3, 2, 2, "最\r\n佳")]],
    ["hard line break keeps lines apart", "最佳  \n第一\n", [absolute(1, 1, 1, 3, "最佳"), absolute(2, 1, 2, 3, "第一")]],
    ["CRLF document", "# 标题\r\n\r\n这是最好的\r\n", [absolute(3, 3, 3, 5, "最好")]],
    ["emoji before the match", "😀 **最好**的\n", [absolute(1, 6, 1, 8, "最好")]],
    ["a reference to & before another reference", "&amp;&#26368;國家級最 佳\n", [absolute(1, 14, 1, 17, "國家級"), absolute(1, 17, 1, 20, "最 佳")]],
    ["tab before the match", "好评\t最佳\n", [absolute(1, 4, 1, 6, "最佳")]],
    ["zero-width space inside the term", "- 最\u200b佳\n", [absolute(1, 3, 1, 6, "最\u200b佳")]],
    ["full-width letters around the term", "ＴＯＰ最好\n", [absolute(1, 4, 1, 6, "最好")]],
    ["emphasis inside the term", "最**佳**\n", [absolute(1, 1, 1, 5, "最**佳")]],
    ["decimal character reference", "&#26368;佳\n", [absolute(1, 1, 1, 10, "&#26368;佳")]],
    ["hexadecimal character references", "&#x6700;&#x4F73;\n", [absolute(1, 1, 1, 17, "&#x6700;&#x4F73;")]],
    ["named entity for a space inside the term", "最&nbsp;佳\n", [absolute(1, 1, 1, 9, "最&nbsp;佳")]],
    ["numeric reference for a zero-width space", "最&#8203;佳\n", [absolute(1, 1, 1, 10, "最&#8203;佳")]],
    ["character reference for an emoji before the match", "&#128512;最佳\n", [absolute(1, 10, 1, 12, "最佳")]],
    // `\*` renders as `*`: the reader sees 最*佳, which is not the term.
    ["escaped punctuation inside the term", "最\\*佳\n", []],
    ["escaped punctuation around the term", "\\*最佳\\*\n", [absolute(1, 3, 1, 5, "最佳")]],
    ["a URL in prose is not copy, the text after it is", "访问 https://example.com/最佳 了解最佳\n", [absolute(1, 29, 1, 31, "最佳")]],
  ];

  it.each(table)("%s", (_name, source, expected) => {
    expect(md(source)).toEqual(expected);
  });
});

describe("Markdown that is not copy produces nothing", () => {
  const table: Array<[string, string]> = [
    ["inline code", "用 `最佳` 变量\n"],
    ["inline code joins no words", "最`x`佳\n"],
    ["fenced code", "```\n最佳\n```\n"],
    ["indented code", "    最佳选择\n"],
    ["tab-indented code", "\t最佳选择\n"],
    ["HTML block", "<div>最佳</div>\n"],
    ["HTML comment", "<!-- 最佳 -->\n"],
    ["front matter", "---\ntitle: 最佳面膜\n---\n正文\n"],
    ["link target", "[链接](https://example.com/最佳)\n"],
    ["link title", '[链接](https://example.com "最佳")\n'],
    ["autolink", "<https://example.com/最佳>\n"],
    ["bare URL", "https://example.com/最佳\n"],
    ["www address", "详见 www.最佳.com 。\n"],
    ["link reference definition", '[r]: https://example.com/最佳 "第一"\n'],
    ["image URL", "![图](最佳.png)\n"],
    ["escaped term boundary", "最\\*佳\n"],
  ];

  it.each(table)("%s", (_name, source) => {
    expect(md(source)).toEqual([]);
  });
});

describe("front matter", () => {
  it("sets the channel, which enables channel rules", () => {
    const source = "---\nchannel: sms\n---\n今天免费领面膜\n";
    expect(md(source)).toEqual([{ ruleId: "t/free-gift", line: 4, column: 3, endLine: 4, endColumn: 6, text: "免费领" }]);
  });

  it("leaves channel rules off without a channel", () => {
    expect(md("今天免费领面膜\n")).toEqual([]);
  });

  it("leaves channel rules off for another channel", () => {
    expect(md("---\nchannel: poster\n---\n今天免费领面膜\n")).toEqual([]);
  });

  it("wins over the channel given by the caller", () => {
    expect(lintString("---\nchannel: poster\n---\n今天免费领面膜\n", "markdown", { channel: "sms" })).toEqual([]);
    expect(lintString("今天免费领面膜\n", "markdown", { channel: "sms" })).toHaveLength(1);
  });

  it("ignores front matter that is not valid YAML", () => {
    expect(parseMarkdown("---\nchannel: [sms\n---\n正文\n").meta).toEqual({});
  });
});

describe("segments", () => {
  it("keeps blocks apart and in source order", () => {
    // A GFM table: each cell is its own segment, so words never join across cells.
    const doc = parseMarkdown("# 标题\n\n段落\n\n![图片说明](a.png)\n\n| 甲 | 最 |\n| - | - |\n| 乙 | 佳 |\n");
    expect(doc.segments.map((s) => [s.kind, s.text])).toEqual([
      ["heading", "标题"],
      ["paragraph", "段落"],
      ["alt", "图片说明"],
      ["table-cell", "甲"],
      ["table-cell", "最"],
      ["table-cell", "乙"],
      ["table-cell", "佳"],
    ]);
  });

  it("maps every code unit of a segment into the source", () => {
    const source = "> 國家\u200b級 &amp; [最好](x) \\*好\\*\n> 第二行\n";
    for (const segment of parseMarkdown(source).segments)
      for (let k = 0; k < segment.text.length; k++) {
        expect(segment.starts[k]).toBeGreaterThanOrEqual(0);
        expect(segment.starts[k]!).toBeLessThan(segment.ends[k]!);
        expect(segment.ends[k]).toBeLessThanOrEqual(source.length);
      }
  });
});

// Blocks of plain copy are read without the parser. Each one read that way
// must give exactly what the parser gives for it: the same segments (text and
// every character's source range), comments and front matter.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { directivesInHtml, parseMarkdown, parseWithParser } from "../src/sources/markdown.js";
import { splitBlocks } from "../src/sources/markdown-blocks.js";
import { readPlainBlock } from "../src/sources/markdown-plain.js";

/** Inline pieces: what shops write, and what sits on the edge of what the reader knows. */
const COMMON = [
  "最佳", "面膜", "补水，", "臺灣", "😀", "！", "：", " ", "a", "1", "#", "!", "^", ".", ")", "-", "=", "(",
  "**主播**：", "（**限时**）", "🎁**大礼**", "**好**😀", "a**b**c", "**a** b", "**最**佳", "全网**最低**价", "**",
  "[链接](https://x.cn)", "[最佳](https://x.cn/最佳 \"题\")", "![图](a.png)", "![最佳图](a.png \"主图\")", "https://shop.example.com/1",
  "~~券后¥801~~", "[Pure&Co店](https://x.cn)", "a~~b~~c", "**~~原价~~**", "a**~~b~~**", "~~**a**~~", "~~", "Pure&Co", "&",
];
const RARE = ["|", "[", "]", "*", "***", "~", "~~~", "**a~~b**c~~", "&#26368;", "&nbsp;", "&x;", "[A&amp;B](u)", "** a**", "**a **", "[^1](u)", "[空]( u)", "[a]", "![](a.png)", "<!-- c -->", "<b>", "`c`", "_x_", "~~x~~", "&amp;", "\\*"];
const piece = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...COMMON) }, { weight: 1, arbitrary: fc.constantFrom(...RARE) });
const text = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(""));
/** How lines open: blocks the reader knows, blocks it leaves to the parser, and continuation; and how they end. */
const OPENERS = ["", "", "", "", "# ", "## ", "- ", "* ", "1. ", "> ", "---", "<!-- 场控 -->", "```text", "```"];
const RARE_OPENERS = [
  "###### ", "####### ", "#", "+ ", "2) ", "-", "  ", "    ", " ", "> ", "| ", "|", "| --- | --- |", "|---|", "| :-- |", ":--|",
  "===", "***", "- - -", "* * *", "<!--", "-->", "<!-->", "- [ ] ", ">", "> > ", ">a", "~~~", "````", "``` `x`", "  ```",
];
const opener = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...OPENERS) }, { weight: 1, arbitrary: fc.constantFrom(...RARE_OPENERS) });
const ending = fc.oneof({ weight: 8, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom(" |", "|", " #", " ") });
const line = fc.tuple(opener, fc.option(text, { nil: "" }), ending).map(([a, b, c]) => a + b + c);
const TABLES = ["| 参数 | 内容 |\n| --- | :-: |\n| 品牌 | **最佳** |\n| 价格 |  |", "|a|b|\n|-|-|\n|1|2|3|", "| x |\n|---|\n"];
const block = fc.oneof({ weight: 5, arbitrary: fc.array(line, { minLength: 1, maxLength: 4 }).map((l) => l.join("\n")) }, { weight: 1, arbitrary: fc.constantFrom(...TABLES) });
const FRONT = ["", "", "---\ntitle: x\nchannel: sms\n---\n", "---\ncategory: 化妆品\n---", "\ufeff", "\ufeff---\nchannel: poster\n---\n\n"];
const document = fc
  .tuple(fc.constantFrom(...FRONT), fc.array(block, { maxLength: 12 }), fc.constantFrom("\n\n", "\n\n", "\n", "\n\n\n"), fc.constantFrom("\n", "\n", "\r\n"))
  .map(([front, blocks, gap, eol]) => (front + blocks.join(gap)).replace(/\n/g, eol));

const PROPERTY = { numRuns: Number(process.env.RUNS ?? 2500), seed: Number(process.env.SEED ?? 20261129) };

describe("a block of plain copy, read without the parser", () => {
  it("reads as the parser reads it, block by block and as a whole", () => {
    let read = 0;
    let left = 0;
    let crlf = 0;
    fc.assert(
      fc.property(document, (source) => {
        const split = splitBlocks(source);
        if (!split) return;
        for (const b of split.blocks) {
          const plain = readPlainBlock(source, b);
          if (!plain) {
            left++;
            continue;
          }
          read++;
          if (source.slice(b.start, b.end).includes("\r\n")) crlf++;
          const parsed = parseWithParser(source, [b]);
          expect(plain.segments.slice().sort((x, y) => x.starts[0]! - y.starts[0]!)).toEqual(parsed.segments);
          expect(plain.comments.flatMap(([s, e]) => directivesInHtml(source.slice(s, e), s))).toEqual(parsed.directives);
          if (b.start === 0) expect(plain.meta ?? {}).toEqual(parsed.meta);
        }
        expect(parseMarkdown(source, split.blocks)).toEqual(parseWithParser(source));
      }),
      PROPERTY,
    );
    // Both ways were taken often.
    expect(read).toBeGreaterThan(2000);
    expect(crlf).toBeGreaterThan(300);
    expect(left).toBeGreaterThan(2000);
  });

  it("leaves to the parser what it does not know", () => {
    const left = [
      "a\\*b", "a\rb", "a &amp; b", "`最佳`", "_最佳_", "~最佳~", "~~最佳", "a\tb", "a  \nb", "*最佳*", "***最佳***", "**最佳", "最佳**", "[最佳]", "<b>最佳</b>",
      "> 最佳\n续", ">> 最佳", "  最佳", "- [ ] 最佳", "- 最佳\n  续", "# 最佳 #", "最佳\n===", "a | b", "| a |\n| b |", "<!-- open", "1.5 倍", "[^1](u)",
    ];
    for (const source of left) expect(readPlainBlock(source, { start: 0, end: source.length }), source).toBeUndefined();
  });

  it("reads shop copy: strong speakers, links, images, tables and comments", () => {
    const source =
      "---\nchannel: livestream\n---\n\n# 标题\n**主播**：全网**最低**价，[旗舰店](https://x.cn)\n续行\n\n> 温馨提示：Pure&Co ~~原价~~\n\n---\n\n```text\n【短信】`代码`\n```\n\n![最佳主图](a.png \"主图\")\n\n| 参数 | 内容 |\n| --- | --- |\n| 品牌 | 最佳 |\n\n<!-- 场控 -->\n\n1. 第一步\n";
    const plain = readPlainBlock(source, { start: 0, end: source.length })!;
    expect(plain.meta).toEqual({ channel: "livestream" });
    expect(plain.segments.map((s) => [s.kind, s.text])).toEqual([
      ["heading", "标题"],
      ["paragraph", "主播：全网最低价，旗舰店\n续行"],
      ["paragraph", "温馨提示：Pure&Co 原价"],
      ["alt", "最佳主图"],
      ["table-cell", "参数"],
      ["table-cell", "内容"],
      ["table-cell", "品牌"],
      ["table-cell", "最佳"],
      ["paragraph", "第一步"],
    ]);
    expect(plain.comments).toEqual([[source.indexOf("<!--"), source.indexOf("-->") + 3]]);
    expect(parseMarkdown(source, [{ start: 0, end: source.length }])).toEqual(parseWithParser(source));
    // Written on Windows, it reads the same, line endings and all.
    const crlf = source.replace(/\n/g, "\r\n");
    expect(readPlainBlock(crlf, { start: 0, end: crlf.length })!.segments.map((s) => s.text.replace(/\r/g, ""))).toEqual(plain.segments.map((s) => s.text));
    expect(parseMarkdown(crlf, [{ start: 0, end: crlf.length }])).toEqual(parseWithParser(crlf));
  });
});

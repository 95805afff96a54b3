// Blocks parsed alone must give exactly what the whole-file parse gives: the
// same segments (text and every character's source range), directives and
// front matter. Checked on random documents built from the lines that decide
// block structure: fences, HTML, lists, quotes, tables, indentation, blanks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../src/sources/markdown.js";
import { readFrontMatter } from "../src/sources/front-matter.js";
import { frontMatterOf, splitBlocks, type Block } from "../src/sources/markdown-blocks.js";

const INLINE = [
  "最佳", "面膜", "补水，", "😀", "臺灣", "**主播**：", "*轻*", "_柔_", "`code`", "~~划线~~", "[链接](https://x.cn)", "[引用][r]", "<span>字</span>",
  "&amp;", "&#26368;", "https://shop.example.com/1", "\\*", " | ", "![图](a.png)", "<!-- adlint-disable-line -->", "[^1]", "  ",
];
const text = fc.array(fc.constantFrom(...INLINE), { minLength: 1, maxLength: 5 }).map((p) => p.join(""));

/** Lines that open, continue or close blocks, as writers and editors produce them. */
const LINES = [
  "", "", "", "  ", "\t",
  "# ", "## ", "- ", "* ", "+ ", "1. ", "2) ", "  - ", "   ", "    ", "      ", "\t", "> ", "> > ", "> - ", "- > ",
  "| ", "| --- | --- |", "|", "===", "---", "***",
  "```", "```js", "~~~", "````", "    ```", "- ```", "> ```", "``` `x`",
  "<!-- 场控：上链接 -->", "<!--", "-->", "x -->", "<div>", "</div>", "<span>a</span>",
];
/** Lines after which the document is parsed whole: rarer, so both ways are taken. */
const RARE = [" ```", "  ~~~", " <!--", "  <p>", "<script>", "</script>", "<?php", "<!DOCTYPE html>", "[r]: https://x.cn", "[^1]: 注"];
const opener = fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...LINES) }, { weight: 1, arbitrary: fc.constantFrom(...RARE) });
const line = fc.tuple(opener, fc.option(text, { nil: "" })).map(([a, b]) => a + b);
const FRONT = ["", "", "---\ntitle: x\nchannel: sms\n---\n", "---\n\nchannel: poster\n\n---\n", "---\n", "\ufeff"];
const document = fc
  .tuple(fc.constantFrom(...FRONT), fc.array(line, { maxLength: 30 }), fc.constantFrom("\n", "\n", "\r\n", "\r"))
  .map(([front, lines, eol]) => front + lines.join(eol));

// A fixed seed, so the counts below hold on every run; RUNS and SEED explore further.
const PROPERTY = { numRuns: Number(process.env.RUNS ?? 3000), seed: Number(process.env.SEED ?? 20261125) };

describe("blocks parsed alone", () => {
  it("give what the whole document gives", () => {
    let split = 0;
    let unsplit = 0;
    fc.assert(
      fc.property(document, (source) => {
        // Front matter reads as the parser reads it, whether the document is cut or not.
        const front = frontMatterOf(source);
        expect(front ? readFrontMatter(front.yaml) : {}).toEqual(parseMarkdown(source).meta);
        const blocks = splitBlocks(source)?.blocks;
        if (!blocks) {
          unsplit++;
          return;
        }
        if (blocks.length > 1) split++;
        expect(blocks[0]?.start ?? 0).toBe(0);
        expect(blocks.at(-1)?.end ?? source.length).toBe(source.length);
        blocks.forEach((b, i) => i > 0 && expect(b.start).toBe(blocks[i - 1]!.end));
        expect(parseMarkdown(source, blocks)).toEqual(parseMarkdown(source));
        expect(splitBlocks(source)!.frontMatter).toBe(front?.yaml);
      }),
      PROPERTY,
    );
    // Both ways were taken often.
    expect(split).toBeGreaterThan(500);
    expect(unsplit).toBeGreaterThan(300);
  });

  it("give, for any choice of blocks, the segments the whole parse has in them", () => {
    const choice = fc.tuple(document, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }));
    fc.assert(
      fc.property(choice, ([source, picks]) => {
        const blocks = splitBlocks(source)?.blocks;
        if (!blocks) return;
        const chosen = blocks.filter((_b, i) => picks[i % picks.length]);
        const inside = (offset: number, list: Block[]) => list.some((b) => b.start <= offset && offset < b.end);
        const all = parseMarkdown(source);
        const some = parseMarkdown(source, chosen);
        expect(some.segments).toEqual(all.segments.filter((s) => inside(s.starts[0]!, chosen)));
        expect(some.directives).toEqual(all.directives.filter((d) => inside(d.range[0], chosen)));
      }),
      PROPERTY,
    );
  });
});

describe("where blocks are cut", () => {
  const cuts = (source: string) => splitBlocks(source)?.blocks.map((b) => source.slice(b.start, b.end));

  it.each([
    ["paragraphs", "最佳\n\n面膜\n", ["最佳\n\n", "面膜\n"]],
    ["not before an indented line", "- 一\n\n  二\n\n三", ["- 一\n\n  二\n\n", "三"]],
    ["not inside a fence", "```\n最佳\n\n面膜\n```\n\n文案", ["```\n最佳\n\n面膜\n```\n\n", "文案"]],
    ["not inside a comment", "<!--\n最佳\n\n-->\n\n文案", ["<!--\n最佳\n\n-->\n\n", "文案"]],
    ["not inside front matter", "---\na: 1\n\nb: 2\n---\n\n文案", ["---\na: 1\n\nb: 2\n---\n\n", "文案"]],
    ["after a one-line comment", "<!-- 场控 -->\n\n文案", ["<!-- 场控 -->\n\n", "文案"]],
    ["nowhere after a fence left open", "```\n最佳\n\n面膜", ["```\n最佳\n\n面膜"]],
    ["between the items of one list", "- 一\n- 二\n\n1. 三\n2. 四\n", ["- 一\n", "- 二\n\n", "1. 三\n", "2. 四\n"]],
    ["not where `2)` continues text", "文案\n2) 一\n2) 二", ["文案\n2) 一\n2) 二"]],
    ["not between items of two lists", "- 一\n* 二\n", ["- 一\n* 二\n"]],
  ])("%s", (_name, source, expected) => {
    expect(cuts(source)).toEqual(expected);
  });

  it.each([
    ["a link reference definition", "[最佳][a]\n\n[a]: https://x.cn"],
    ["a fence indented at top level", "- 一\n\n  ```\n\n二\n  ```"],
    ["HTML that ends at a marker", "<script>\n\n最佳\n</script>"],
    ["front matter never closed", "---\ntitle: x\n\n最佳"],
    ["a fence inside an HTML block", "<div>\n```\n</div>\n\n```\n最佳\n\n面膜\n```"],
  ])("none with %s: the document is parsed whole", (_name, source) => {
    expect(splitBlocks(source)).toBeUndefined();
  });
});

// HTML through parse5: page text and the attributes people read are copy;
// scripts, styles, code and the other attributes are not. Every finding maps
// back to the characters written in the file, character references included.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/config.js";
import { lintText } from "../src/lint.js";
import { openProject } from "../src/project.js";
import { parseHtml } from "../src/sources/html.js";
import { formatOf } from "../src/sources/index.js";
import { finding, linterFor, type Found } from "./helpers/lint.js";

const lint = linterFor("formats.config.yaml", "page.html");

const absolute = finding("fmt/absolute");

describe("HTML files are read as HTML", () => {
  it.each(["a.html", "a.htm", "A.HTML"])("%s", (name) => {
    expect(formatOf(name)).toBe("html");
  });
});

describe("HTML copy is linted where it is written", () => {
  const table: Array<[string, string, Found[]]> = [
    ["paragraph", "<p>这是最好的面膜</p>\n", [absolute(1, 6, 1, 8, "最好")]],
    ["emoji before the match", "<p>😀最佳</p>\n", [absolute(1, 6, 1, 8, "最佳")]],
    ["CRLF document", "<html>\r\n<body>\r\n<p>最佳</p>\r\n</body>\r\n</html>\r\n", [absolute(3, 4, 3, 6, "最佳")]],
    ["term across CRLF lines", "<p>全网最\r\n  好的面膜</p>\r\n", [absolute(1, 6, 2, 4, "最\r\n  好")]],
    ["tab before the match", "<p>\t最佳</p>\n", [absolute(1, 5, 1, 7, "最佳")]],
    ["Traditional heading", "<h1>國家級認證</h1>\n", [absolute(1, 5, 1, 8, "國家級")]],
    ["decimal character reference", "<p>&#26368;佳</p>\n", [absolute(1, 4, 1, 13, "&#26368;佳")]],
    ["hexadecimal character references", "<p>&#x6700;&#x4F73;</p>\n", [absolute(1, 4, 1, 20, "&#x6700;&#x4F73;")]],
    ["&nbsp; inside the term", "<p>最&nbsp;佳</p>\n", [absolute(1, 4, 1, 12, "最&nbsp;佳")]],
    ["entity before the match", "<p>&lt;最佳&gt;</p>\n", [absolute(1, 8, 1, 10, "最佳")]],
    ["a stray end tag the parser drops, then a reference to a character of a later match", "!</script>&#x4f73;最佳\n", [absolute(1, 19, 1, 21, "最佳")]],
    ["inline element inside the term", "<p>最<b>佳</b></p>\n", [absolute(1, 4, 1, 9, "最<b>佳")]],
    ["nested inline elements", "<p><a href=\"/x\">全网<strong>最</strong></a><em>好</em></p>\n", [absolute(1, 27, 1, 46, "最</strong></a><em>好")]],
    ["line break inside the term", "<p>最<br>佳</p>\n", [absolute(1, 4, 1, 10, "最<br>佳")]],
    ["ruby annotation inside the term", "<p><ruby>最<rt>zuì</rt>佳</ruby></p>\n", [absolute(1, 10, 1, 24, "最<rt>zuì</rt>佳")]],
    ["text straight in body", "最佳\n", [absolute(1, 1, 1, 3, "最佳")]],
    ["page title", "<title>最佳面膜</title>\n", [absolute(1, 8, 1, 10, "最佳")]],
    ["table cell", "<table><tr><td>第一名</td></tr></table>\n", [absolute(1, 16, 1, 18, "第一")]],
    ["alt text", '<img src="a.png" alt="最佳效果">\n', [absolute(1, 23, 1, 25, "最佳")]],
    ["unquoted alt text", "<img alt=最佳>\n", [absolute(1, 10, 1, 12, "最佳")]],
    ["title attribute with a reference", "<span title='&#26368;好'>x</span>\n", [absolute(1, 14, 1, 23, "&#26368;好")]],
    ["placeholder", '<input placeholder="搜索最佳好物">\n', [absolute(1, 23, 1, 25, "最佳")]],
    ["aria-label", '<button aria-label="最好的选择"></button>\n', [absolute(1, 21, 1, 23, "最好")]],
    ["option label", '<select><option label="国家级">a</option></select>\n', [absolute(1, 24, 1, 27, "国家级")]],
    ["meta description", '<meta name="description" content="全网最好的面膜">\n', [absolute(1, 37, 1, 39, "最好")]],
    ["meta keywords", '<meta name="keywords" content="面膜,最佳">\n', [absolute(1, 35, 1, 37, "最佳")]],
    ["og:title", '<meta property="og:title" content="国家级面膜">\n', [absolute(1, 36, 1, 39, "国家级")]],
    ["og:description", '<meta property="og:description" content="最佳">\n', [absolute(1, 42, 1, 44, "最佳")]],
    ["submit button value", '<input type="submit" value="最好">\n', [absolute(1, 29, 1, 31, "最好")]],
    ["template content", "<template><p>最佳</p></template>\n", [absolute(1, 14, 1, 16, "最佳")]],
    ["noscript content", "<body><noscript><p>最佳</p></noscript></body>\n", [absolute(1, 20, 1, 22, "最佳")]],
    ["unclosed tags still parse", "<p><b>最好\n<p>第二段\n", [absolute(1, 7, 1, 9, "最好")]],
  ];

  it.each(table)("%s", (_name, source, expected) => {
    expect(lint(source)).toEqual(expected);
  });
});

describe("HTML that is not copy produces nothing", () => {
  const table: Array<[string, string]> = [
    ["script", '<script>var a = "最佳";</script>\n'],
    ["JSON-LD", '<script type="application/ld+json">{"name": "最好"}</script>\n'],
    ["style", '<style>.a::after { content: "最佳"; }</style>\n'],
    ["code", "<p>用 <code>最佳</code> 变量</p>\n"],
    ["code joins no words", "<p>最<code>x</code>佳</p>\n"],
    ["pre", "<pre>最好</pre>\n"],
    ["kbd", "<p><kbd>最佳</kbd></p>\n"],
    ["comment", "<!-- 最佳 -->\n"],
    ["class", '<div class="最佳">x</div>\n'],
    ["id and data-*", '<div id="最佳" data-testid="最好">x</div>\n'],
    ["href", '<a href="https://example.com/最佳">链接</a>\n'],
    ["src", '<img src="/img/最佳.png">\n'],
    ["meta author", '<meta name="author" content="最佳">\n'],
    ["text input value", '<input type="text" value="最佳" name="最好">\n'],
    ["image between the characters", '<p>最<img src="a.png">佳</p>\n'],
    ["blocks keep words apart", "<div>最<p>佳</p></div>\n"],
    ["list items keep words apart", "<ul><li>最</li><li>好</li></ul>\n"],
  ];

  it.each(table)("%s", (_name, source) => {
    expect(lint(source)).toEqual([]);
  });
});

describe("directives in HTML comments", () => {
  it("disable-next-line suppresses the named rule on the next line only", () => {
    const source = "<!-- adlint-disable-next-line fmt/absolute -- 注册商标 -->\n<p>最佳面膜</p>\n<p>最好面膜</p>\n";
    expect(lint(source)).toEqual([absolute(3, 4, 3, 6, "最好")]);
  });

  it("disable and enable bound a region", () => {
    const source = "<!-- adlint-disable fmt/absolute -- 引用原文 -->\n<p>最佳</p>\n<!-- adlint-enable fmt/absolute -->\n<p>最好</p>\n";
    expect(lint(source)).toEqual([absolute(4, 4, 4, 6, "最好")]);
  });

  it("keeps the comment's range", () => {
    const source = "<p>x</p><!-- adlint-disable-line -- 说明 -->\n";
    expect(parseHtml(source).directives).toEqual([{ kind: "disable-line", rules: [], reason: "说明", range: [8, source.length - 1] }]);
  });
});

describe("segments", () => {
  it("block elements end a segment, inline elements do not", () => {
    const doc = parseHtml(
      '<title>标题</title><h2>小<i>标</i>题</h2><p>段落<br>次行</p><ul><li>一</li></ul><img alt="说明"><table><tr><td>格</td></tr></table>',
    );
    expect(doc.segments.map((s) => [s.kind, s.text])).toEqual([
      ["title", "标题"],
      ["heading", "小标题"],
      ["paragraph", "段落\n次行"],
      ["list-item", "一"],
      ["alt", "说明"],
      ["table-cell", "格"],
    ]);
  });

  it("maps every code unit into the source", () => {
    const source = '<p title="&#26368;好">\r\n  國家級&nbsp;认证 <b>&amp;</b>\r\n</p><meta name="description" content="a&lt;b">\n';
    for (const segment of parseHtml(source).segments)
      for (let k = 0; k < segment.text.length; k++) {
        expect(segment.starts[k]).toBeGreaterThanOrEqual(0);
        expect(segment.starts[k]!).toBeLessThan(segment.ends[k]!);
        expect(segment.ends[k]!).toBeLessThanOrEqual(source.length);
      }
  });
});

describe("the pages/detail.html fixture, with the built-in pack", () => {
  it("reports its violations and nothing in the code around them", () => {
    const file = fileURLToPath(new URL("../fixtures/pages/detail.html", import.meta.url));
    const source = readFileSync(file, "utf8");
    const builtIn = openProject({ config: defaultConfig(fileURLToPath(new URL("..", import.meta.url))) });
    const found = lintText(source, { filePath: file, project: builtIn }).messages.map(
      (d) => `${d.line}:${d.column} ${d.ruleId} ${source.slice(d.range[0], d.range[1])}`,
    );
    expect(found).toEqual([
      "7:50 ad-law/absolute-term 最佳",
      "9:49 ad-law/absolute-term 国家级",
      "28:31 ad-law/absolute-term &#26368;好",
      "36:16 ad-law/medical-term 治疗",
      "36:16 ad-law/disease-claim 治疗咽炎",
    ]);
  });
});

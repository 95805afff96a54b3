// JavaScript, TypeScript, JSX and TSX through the real parser: what is copy,
// what only looks like it, and where each finding sits in the original file.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/config.js";
import { lintText } from "../src/lint.js";
import { openProject } from "../src/project.js";
import { formatOf } from "../src/sources/index.js";
import { alignJsString, parseScript } from "../src/sources/script.js";
import { finding, FIXTURES, linterFor, type Found } from "./helpers/lint.js";

const project = openProject({ config: `${FIXTURES}formats.config.yaml` });
const lint = linterFor("formats.config.yaml", "x.tsx");

const absolute = finding("fmt/absolute");

describe("script files are read as scripts", () => {
  it.each([".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".TSX"])("%s", (ext) => {
    expect(formatOf(`src/a${ext}`)).toBe("script");
  });
});

describe("copy in scripts is linted where it is written", () => {
  const table: Array<[string, string, string, Found[]]> = [
    ["string literal", "x.ts", 'const s = "这是最好的面膜";\n', [absolute(1, 14, 1, 16, "最好")]],
    ["single-quoted string", "x.js", "const s = '最佳选择';\n", [absolute(1, 12, 1, 14, "最佳")]],
    ["emoji before the match", "x.ts", 'const s = "😀最佳";\n', [absolute(1, 14, 1, 16, "最佳")]],
    ["CRLF line endings", "x.ts", 'const a = 1;\r\nconst s = "最佳";\r\n', [absolute(2, 12, 2, 14, "最佳")]],
    ["tabs before the match", "x.ts", '\tconst s = "\t最佳";\n', [absolute(1, 14, 1, 16, "最佳")]],
    ["Traditional characters", "x.ts", 'const s = "國家級認證";\n', [absolute(1, 12, 1, 15, "國家級")]],
    ["\\u escape", "x.ts", 'const s = "\\u6700佳";\n', [absolute(1, 12, 1, 19, "\\u6700佳")]],
    ["\\u{} escapes", "x.ts", 'const s = "\\u{6700}\\u{4F73}";\n', [absolute(1, 12, 1, 28, "\\u{6700}\\u{4F73}")]],
    ["escape after the match", "x.ts", 'const s = "最好\\n第二行";\n', [absolute(1, 12, 1, 14, "最好")]],
    ["escaped quote before the match", "x.ts", "const s = 'it\\'s 最佳';\n", [absolute(1, 18, 1, 20, "最佳")]],
    ["line continuation inside the term", "x.ts", 'const s = "最\\\n佳";\n', [absolute(1, 12, 2, 2, "最\\\n佳")]],
    ["template literal", "x.ts", "const s = `全网${brand}最好的`;\n", [absolute(1, 22, 1, 24, "最好")]],
    ["string inside ${}", "x.ts", 'const s = `口碑${"最佳"}`;\n', [absolute(1, 17, 1, 19, "最佳")]],
    ["template literal across CRLF lines", "x.ts", "const s = `首行文案\r\n国家级认证`;\r\n", [absolute(2, 1, 2, 4, "国家级")]],
    ["template literal with an escape", "x.ts", "const s = `\\u6700好`;\n", [absolute(1, 12, 1, 19, "\\u6700好")]],
    ["JSX text", "x.tsx", "const a = <p>全网最好的面膜</p>;\n", [absolute(1, 16, 1, 18, "最好")]],
    [
      "JSX text across lines",
      "x.tsx",
      "const A = () => (\n  <p>\n    全网最\n    好的面膜\n  </p>\n);\n",
      [absolute(3, 7, 4, 6, "最\n    好")],
    ],
    ["JSX numeric entity", "x.tsx", "const a = <p>&#26368;佳</p>;\n", [absolute(1, 14, 1, 23, "&#26368;佳")]],
    ["JSX hex entities", "x.tsx", "const a = <p>&#x6700;&#x4F73;</p>;\n", [absolute(1, 14, 1, 30, "&#x6700;&#x4F73;")]],
    ["JSX &nbsp; inside the term", "x.tsx", "const a = <p>最&nbsp;佳</p>;\n", [absolute(1, 14, 1, 22, "最&nbsp;佳")]],
    ["JSX entity before the match", "x.tsx", "const a = <p>&amp;最佳</p>;\n", [absolute(1, 19, 1, 21, "最佳")]],
    ["JSX text after an emoji", "x.tsx", "const a = <p>🔥 国家级</p>;\n", [absolute(1, 17, 1, 20, "国家级")]],
    ["alt attribute", "x.tsx", 'const a = <img src="a.png" alt="最佳效果" />;\n', [absolute(1, 33, 1, 35, "最佳")]],
    ["title attribute with an entity", "x.tsx", 'const a = <b title="&#26368;好">x</b>;\n', [absolute(1, 21, 1, 30, "&#26368;好")]],
    ["aria-label", "x.tsx", 'const a = <button aria-label="最好的选择" />;\n', [absolute(1, 31, 1, 33, "最好")]],
    ["placeholder", "x.jsx", 'const a = <input placeholder="搜索最佳好物" />;\n', [absolute(1, 33, 1, 35, "最佳")]],
    ["submit button value", "x.tsx", 'const a = <input type="submit" value="抢购最好" />;\n', [absolute(1, 41, 1, 43, "最好")]],
    ["a prop of a component", "x.tsx", 'const a = <Hero headline="全网最好" />;\n', [absolute(1, 29, 1, 31, "最好")]],
    ["string in an attribute expression", "x.tsx", 'const a = <img alt={"最佳"} />;\n', [absolute(1, 22, 1, 24, "最佳")]],
    ["string in a child expression", "x.tsx", 'const a = <p>{ok ? "最佳" : "一般"}</p>;\n', [absolute(1, 21, 1, 23, "最佳")]],
    ["object value", "x.ts", 'const p = { name: "最好的面膜", price: 99 };\n', [absolute(1, 20, 1, 22, "最好")]],
    ["default text of a translation call", "x.ts", 't("hero.title", "全网最好");\n', [absolute(1, 20, 1, 22, "最好")]],
    ["string enum value", "x.ts", 'enum Slogan { Main = "最佳之选" }\n', [absolute(1, 23, 1, 25, "最佳")]],
    ["JSX in a .js file", "x.js", "const a = <p>最佳</p>;\n", [absolute(1, 14, 1, 16, "最佳")]],
    ["type assertion in a .ts file", "x.ts", 'const s = <string>"最佳";\n', [absolute(1, 20, 1, 22, "最佳")]],
    ["a .js file that only parses without JSX", "x.js", 'const s = <any>"最佳";\n', [absolute(1, 17, 1, 19, "最佳")]],
    ["text beside a URL", "x.ts", 'const s = "详见 https://example.com/a 最佳";\n', [absolute(1, 37, 1, 39, "最佳")]],
  ];

  it.each(table)("%s", (_name, file, source, expected) => {
    expect(lint(source, file)).toEqual(expected);
  });

  it("does not join words across ${}", () => {
    expect(lint("const s = `最${x}佳`;\n", "x.ts")).toEqual([]);
  });
});

describe("code that looks like copy produces nothing", () => {
  const table: Array<[string, string]> = [
    ["import of a module named 最佳", 'import x from "最佳";\n'],
    ["side-effect import", 'import "./最佳.css";\n'],
    ["type import", 'import type { A } from "最佳";\n'],
    ["re-export", 'export { a } from "最佳";\nexport * from "最好";\n'],
    ["export with a string name", 'const a = 1;\nexport { a as "最佳" };\n'],
    ["require()", 'const m = require("最佳");\n'],
    ["require.resolve()", 'const p = require.resolve("最佳");\n'],
    ["dynamic import()", 'const m = await import("最佳");\n'],
    ["className", 'const a = <div className="最佳" />;\n'],
    ["className through a helper", 'const a = <div className={cx("最佳", { 最好: on })} />;\n'],
    ["class", 'const a = <div class="最佳" />;\n'],
    ["style object", 'const a = <div style={{ fontFamily: "最佳" }} />;\n'],
    ["key", 'const a = <li key="最佳" />;\n'],
    ["id", 'const a = <div id="最佳" />;\n'],
    ["data-testid", 'const a = <div data-testid="最佳" />;\n'],
    ["test-id", 'const a = <div test-id="最佳" />;\n'],
    ["data-* attribute", 'const a = <div data-track="最好" />;\n'],
    ["href", 'const a = <a href="https://example.com/最佳">x</a>;\n'],
    ["src and srcSet", 'const a = <img src="/img/最佳.png" srcSet="最好.png 2x" />;\n'],
    ["to", 'const a = <Link to="/最佳" />;\n'],
    ["ref, type, name, role, rel, target", 'const a = <a ref="最佳" type="最佳" name="最佳" role="最佳" rel="最佳" target="最佳" />;\n'],
    ["value of a text input", 'const a = <input value="最佳" />;\n'],
    ["aria-describedby", 'const a = <p aria-describedby="最佳" />;\n'],
    ["object key", "const o = { 最佳: 1 };\n"],
    ["quoted object key", 'const o = { "最佳": 1 };\n'],
    ["computed string key", 'const o = { ["最佳"]: 1 };\n'],
    ["class field name", 'class A { "最佳" = 1; }\n'],
    ["URL in an object", 'const o = { href: "/最佳", imageUrl: "最好" };\n'],
    ["member access by string", 'const v = obj["最佳"];\nconst w = obj?.["最好"];\n'],
    ["console.log", 'console.log("最佳");\n'],
    ["console.error with a template", "console.error(`最好${x}`);\n"],
    ["use client directive", '"use client";\nexport const a = 1;\n'],
    ["use strict directive", '"use strict";\n'],
    ["type alias", 'type T = "最佳";\n'],
    ["union type annotation", 'let x: "最佳" | "最好";\n'],
    ["interface", 'interface P { label: "最佳" }\n'],
    ["parameter and return types", 'function f(a: "最佳"): "最好" { return a; }\n'],
    ["generic argument", 'const m = new Map<"最佳", 1>();\n'],
    ["declare module", 'declare module "最佳" {\n  export const a: "最好";\n}\n'],
    ["declare const", 'declare const a: string;\ndeclare function f(x: "最佳"): void;\n'],
    ["enum member name", 'enum E { "最佳" = 1 }\n'],
    ["satisfies type", 'const a = b satisfies "最佳";\n'],
    ["querySelector", 'document.querySelector("#最佳");\n'],
    ["getElementById", 'document.getElementById("最佳");\n'],
    ["addEventListener", 'el.addEventListener("最佳", f);\n'],
    ["classList", 'el.classList.add("最佳");\n'],
    ["localStorage key", 'localStorage.setItem("最佳", "最好");\n'],
    ["translation key", 't("最佳");\ni18n.t("最好");\n'],
    ["className assignment", 'el.className = "最佳";\n'],
    ["URL string", 'const u = "https://example.com/最佳";\n'],
    ["path string", 'const p = "./images/最佳.png";\n'],
    ["comparison", 'if (x === "最佳") go();\n'],
    ["switch case", 'switch (x) { case "最佳": break; }\n'],
    ["styled component CSS", 'const Box = styled.div`\n  font-family: "最佳";\n`;\n'],
    ["css template", "const c = css`content: '最好';`;\n"],
    ["line comment", "// 最佳\nconst a = 1;\n"],
    ["block comment", "/* 最好 */\nconst a = 1;\n"],
    ["JSX comment", "const a = <p>{/* 最好 */}</p>;\n"],
    ["code element", "const a = <code>最佳</code>;\n"],
    ["regular expression", "const r = /最佳/u;\n"],
    ["new RegExp", 'const r = new RegExp("最佳");\n'],
  ];

  it.each(table)("%s", (_name, source) => {
    expect(lint(source)).toEqual([]);
  });
});

describe("directives in script comments", () => {
  it("a line comment suppresses the named rule on the next line", () => {
    const source = '// adlint-disable-next-line fmt/absolute -- 注册商标\nconst a = "最佳";\nconst b = "最好";\n';
    expect(lint(source, "x.ts")).toEqual([absolute(3, 12, 3, 14, "最好")]);
  });

  it("a block comment disables a region", () => {
    const source = '/* adlint-disable fmt/absolute -- 引用原文 */\nconst a = "最佳";\n/* adlint-enable fmt/absolute */\nconst b = "最好";\n';
    expect(lint(source, "x.ts")).toEqual([absolute(4, 12, 4, 14, "最好")]);
  });

  it("a JSX comment suppresses the next line", () => {
    const source = [
      "const A = () => (",
      "  <p>",
      "    {/* adlint-disable-next-line fmt/absolute -- 品牌名 */}",
      "    最佳面膜",
      "  </p>",
      ");",
      "",
    ].join("\n");
    expect(lint(source)).toEqual([]);
  });

  it("keeps the comment's range", () => {
    const source = "const a = 1; // adlint-disable-line -- 说明\n";
    expect(parseScript(source, "x.ts").directives).toEqual([
      { kind: "disable-line", rules: [], reason: "说明", range: [13, source.length - 1] },
    ]);
  });
});

describe("a file that does not parse", () => {
  const table: Array<[string, string, string, number, number]> = [
    ["missing expression", "x.ts", 'const s = "最佳";\nlet x = (;\n', 2, 10],
    ["unclosed JSX element", "x.tsx", "const a = <p>最佳;\n", 1, 12],
    ["TypeScript in a .ts file with JSX", "x.ts", "const a = <p>最佳</p>;\n", 1, 17],
  ];

  it.each(table)("%s gives one fatal diagnostic where parsing stopped", (_name, file, source, line, column) => {
    const messages = lintText(source, { filePath: file, project }).messages;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2, line, column, endLine: line, endColumn: column });
  });

  it("never throws", () => {
    expect(() => parseScript("\u0000<<<", "x.tsx")).not.toThrow();
    expect(parseScript("}", "x.ts").parseError).toEqual({ message: expect.any(String), offset: 0 });
  });
});

describe("alignJsString", () => {
  const table: Array<[string, string, Array<[number, number]>]> = [
    ["ab", "ab", [[0, 1], [1, 2]]],
    ["\\n", "\n", [[0, 2]]],
    ["\\x41", "A", [[0, 4]]],
    ["\\u6700", "最", [[0, 6]]],
    ["\\u{1F600}", "😀", [[0, 9], [0, 9]]],
    ["\\'", "'", [[0, 2]]],
    ["a\\\nb", "ab", [[0, 1], [3, 4]]],
    ["a\\\r\nb", "ab", [[0, 1], [4, 5]]],
    ["\\0", "\0", [[0, 2]]],
    ["\\101", "A", [[0, 4]]],
    ["😀", "😀", [[0, 1], [1, 2]]],
  ];

  it.each(table)("%j", (raw, value, ranges) => {
    const aligned = alignJsString(raw, 10);
    expect(aligned.value).toBe(value);
    expect(aligned.starts.map((s, i) => [s - 10, aligned.ends[i]! - 10])).toEqual(ranges);
  });

  it("reads CRLF as LF in a template", () => {
    const aligned = alignJsString("a\r\nb", 0, true);
    expect(aligned.value).toBe("a\nb");
    expect(aligned.starts).toEqual([0, 1, 3]);
    expect(aligned.ends).toEqual([1, 3, 4]);
  });
});

describe("segments", () => {
  it("one per JSX text node, string and template literal, in source order", () => {
    const source = 'const A = () => <p title="标题">正文<b>加粗</b>{`模板${n}文字`}</p>;\n';
    expect(parseScript(source, "x.tsx").segments.map((s) => [s.kind, s.text])).toEqual([
      ["attribute", "标题"],
      ["jsx-text", "正文"],
      ["jsx-text", "加粗"],
      ["template-literal", "模板\uFFFC文字"],
    ]);
  });

  it("maps every code unit into the source", () => {
    const source = 'const a = <p title="&#26368;好">\n  國家級&nbsp;认证\n</p>;\nconst b = "\\u6700\\n佳" + `x${y}\r\n第一`;\n';
    for (const segment of parseScript(source, "x.tsx").segments)
      for (let k = 0; k < segment.text.length; k++) {
        expect(segment.starts[k]).toBeGreaterThanOrEqual(0);
        expect(segment.starts[k]!).toBeLessThan(segment.ends[k]!);
        expect(segment.ends[k]!).toBeLessThanOrEqual(source.length);
      }
  });
});

describe("the components/ProductHero.tsx fixture, with the built-in pack", () => {
  it("reports its violations and nothing in the code around them", () => {
    const file = fileURLToPath(new URL("../fixtures/components/ProductHero.tsx", import.meta.url));
    const source = readFileSync(file, "utf8");
    const builtIn = openProject({ config: defaultConfig(fileURLToPath(new URL("..", import.meta.url))) });
    const found = lintText(source, { filePath: file, project: builtIn }).messages.map(
      (d) => `${d.line}:${d.column} ${d.ruleId} ${source.slice(d.range[0], d.range[1])}`,
    );
    expect(found).toEqual([
      "30:38 ad-law/absolute-first 第一品牌",
      "34:4 ad-law/cosmetics-efficacy 祛痘",
      "34:6 ad-law/medical-term 消炎",
      "34:11 ad-law/medical-term 治疗",
      "34:11 ad-law/disease-claim 治疗湿疹",
      "67:36 ad-law/absolute-term 国家级",
      "77:13 ad-law/absolute-term 最好",
    ]);
  });
});

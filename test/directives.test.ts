// Inline directives in Markdown comments: what each one suppresses, and the
// warnings for a directive without a reason or one that suppresses nothing.
import { describe, expect, it } from "vitest";
import { parseDirective } from "../src/suppress/directives.js";
import { lintString } from "./helpers/lint.js";

/** `line:column ruleId` for each diagnostic of a Markdown source. */
const md = (source: string) => lintString(source, "markdown").map((d) => `${d.line}:${d.column} ${d.ruleId}`);

describe("parseDirective", () => {
  const table: Array<[string, ReturnType<typeof parseDirective>]> = [
    [" adlint-disable-next-line t/absolute -- 商标名 ", { kind: "disable-next-line", rules: ["t/absolute"], reason: "商标名", range: [0, 1] }],
    ["adlint-disable-line t/a, t/b -- 引用原文", { kind: "disable-line", rules: ["t/a", "t/b"], reason: "引用原文", range: [0, 1] }],
    ["adlint-disable t/a t/b -- x -- y", { kind: "disable", rules: ["t/a", "t/b"], reason: "x -- y", range: [0, 1] }],
    ["adlint-disable", { kind: "disable", rules: [], range: [0, 1] }],
    ["adlint-enable t/a", { kind: "enable", rules: ["t/a"], range: [0, 1] }],
    ["adlint-disable-next-line -- 全部", { kind: "disable-next-line", rules: [], reason: "全部", range: [0, 1] }],
    ["adlint-disable-next-line t/a --", { kind: "disable-next-line", rules: ["t/a"], range: [0, 1] }],
    ["adlint-disablex", undefined],
    ["eslint-disable", undefined],
    ["说明 adlint-disable", undefined],
  ];

  it.each(table)("%j", (body, expected) => {
    expect(parseDirective(body, [0, 1])).toEqual(expected);
  });
});

describe("directives in Markdown", () => {
  it("disable-next-line suppresses the named rule on the next line only", () => {
    const source = "<!-- adlint-disable-next-line t/absolute -- 品牌名 -->\n最佳面膜\n\n最好面膜\n";
    expect(md(source)).toEqual(["4:1 t/absolute"]);
  });

  it("disable-next-line without rules suppresses every rule on that line", () => {
    const source = "<!-- adlint-disable-next-line -- 引用检测报告原文 -->\n最佳效果，提升36%\n";
    expect(md(source)).toEqual([]);
  });

  it("disable-line suppresses findings on the comment's own line", () => {
    const source = "最佳面膜 <!-- adlint-disable-line t/absolute -- 品牌名 -->\n最好面膜\n";
    expect(md(source)).toEqual(["2:1 t/absolute"]);
  });

  it("disable and enable bound a region", () => {
    const source = [
      "最佳一",
      "",
      "<!-- adlint-disable t/absolute -- 竞品原文 -->",
      "",
      "最佳二",
      "",
      "最好三",
      "",
      "<!-- adlint-enable t/absolute -->",
      "",
      "最佳四",
      "",
    ].join("\n");
    expect(md(source)).toEqual(["1:1 t/absolute", "11:1 t/absolute"]);
  });

  it("disable without enable runs to the end of the file", () => {
    const source = "最佳\n\n<!-- adlint-disable -- 附录 -->\n\n最佳\n\n第一\n";
    expect(md(source)).toEqual(["1:1 t/absolute"]);
  });

  it("an enable for another rule does not end the region", () => {
    const source = "<!-- adlint-disable t/absolute -- 附录 -->\n\n<!-- adlint-enable t/stat -->\n\n最佳\n";
    expect(md(source)).toEqual([]);
  });

  it("a directive for another rule suppresses nothing, and says so", () => {
    const source = "<!-- adlint-disable-next-line t/stat -- 误报 -->\n最佳面膜\n";
    expect(lintString(source, "markdown")).toEqual([
      { ruleId: "adlint/unused-directive", line: 1, column: 1, endLine: 1, endColumn: 47, text: "<!-- adlint-disable-next-line t/stat -- 误报 -->" },
      { ruleId: "t/absolute", line: 2, column: 1, endLine: 2, endColumn: 3, text: "最佳" },
    ]);
  });

  it("a directive without a reason is a warning, though it still suppresses", () => {
    const source = "<!-- adlint-disable-next-line t/absolute -->\n最佳面膜\n";
    const found = lintString(source, "markdown");
    expect(found).toEqual([
      { ruleId: "adlint/directive-reason", line: 1, column: 1, endLine: 1, endColumn: 45, text: "<!-- adlint-disable-next-line t/absolute -->" },
    ]);
  });

  it("an unused directive is a warning", () => {
    const source = "正常文案\n\n最佳 <!-- adlint-disable-line t/absolute -- 品牌名 -->\n\n<!-- adlint-disable-next-line -- 以前有问题 -->\n很好\n";
    expect(md(source)).toEqual(["5:1 adlint/unused-directive"]);
  });

  it("reports its warnings in the chosen severity and message", async () => {
    const { lintText } = await import("../src/lint.js");
    const { project } = await import("./helpers/lint.js");
    const [d] = lintText("<!-- adlint-disable-next-line -->\n正常\n", { project, format: "markdown" }).messages.filter((m) => m.ruleId === "adlint/directive-reason");
    expect(d).toMatchObject({ severity: 1, message: "adlint-disable-next-line 缺少理由：请在规则后写上「-- 理由」" });
  });

  it("a multi-line comment's next line is the line after the comment ends", () => {
    const source = "<!--\n  adlint-disable-next-line t/absolute\n  -- 品牌名\n-->\n最佳\n\n最佳\n";
    expect(md(source)).toEqual(["7:1 t/absolute"]);
  });

  it("a comment inside a paragraph is a directive too", () => {
    const source = "这款<!-- adlint-disable-line t/absolute -- 引用 -->最佳\n";
    expect(md(source)).toEqual([]);
  });
});

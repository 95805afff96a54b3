// The "disable for this line" quick fix in every format: the directive it
// writes, and that the file, linted again, no longer reports the finding and
// gains no new problem (the format still parses, the copy reads the same).
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintText } from "../src/lint.js";
import { disableEdits } from "../src/lsp/disable-comment.js";
import { openProject } from "../src/project.js";
import { formatOf } from "../src/sources/index.js";

const ROOT = fileURLToPath(new URL("./fixtures/lsp/", import.meta.url));
const project = openProject({ config: `${ROOT}adlint.config.yaml` });

interface Case {
  name: string;
  file: string;
  source: string;
  /** The source after the edit; undefined when the format offers no disable action. */
  after: string | undefined;
}

const CASES: Case[] = [
  {
    name: "Markdown paragraph: a comment line above",
    file: "a.md",
    source: "# 标题\n\n这是最好的面膜\n",
    after: "# 标题\n\n<!-- adlint-disable-next-line shop/absolute -- 理由 -->\n这是最好的面膜\n",
  },
  {
    name: "Markdown block quote keeps its marker",
    file: "a.md",
    source: "> 这是最好的面膜\n",
    after: "> <!-- adlint-disable-next-line shop/absolute -- 理由 -->\n> 这是最好的面膜\n",
  },
  {
    name: "Markdown with CRLF",
    file: "a.md",
    source: "标题\r\n\r\n  最好的面膜\r\n",
    after: "标题\r\n\r\n  <!-- adlint-disable-next-line shop/absolute -- 理由 -->\r\n  最好的面膜\r\n",
  },
  {
    name: "Markdown hard-wrapped paragraph: at the line's end, so the paragraph stays whole",
    file: "a.md",
    source: "第一行文字\n这是最好的面膜\n",
    after: "第一行文字\n这是最好的面膜 <!-- adlint-disable-line shop/absolute -- 理由 -->\n",
  },
  {
    name: "Markdown list item: at the line's end, so the list stays whole",
    file: "a.md",
    source: "- 第一项\n- 最好的面膜\n- 第三项\n",
    after: "- 第一项\n- 最好的面膜 <!-- adlint-disable-line shop/absolute -- 理由 -->\n- 第三项\n",
  },
  {
    name: "Markdown table row: inside the cell",
    file: "a.md",
    source: "| 品名 | 说明 |\n| --- | --- |\n| 面膜 | 最好的面膜 | \n",
    after: "| 品名 | 说明 |\n| --- | --- |\n| 面膜 | 最好的面膜 <!-- adlint-disable-line shop/absolute -- 理由 --> | \n",
  },
  {
    name: "HTML: a comment line above, indented",
    file: "a.html",
    source: "<main>\n  <p>最好的面膜</p>\n</main>\n",
    after: "<main>\n  <!-- adlint-disable-next-line shop/absolute -- 理由 -->\n  <p>最好的面膜</p>\n</main>\n",
  },
  {
    name: "TypeScript code: a line comment",
    file: "a.ts",
    source: 'export const title = "最好的面膜";\n',
    after: '// adlint-disable-next-line shop/absolute -- 理由\nexport const title = "最好的面膜";\n',
  },
  {
    name: "TSX text: a JSX comment",
    file: "a.tsx",
    source: "export const A = () => (\n  <p>\n    最好的面膜\n  </p>\n);\n",
    after: "export const A = () => (\n  <p>\n    {/* adlint-disable-next-line shop/absolute -- 理由 */}\n    最好的面膜\n  </p>\n);\n",
  },
  {
    name: "TSX element inside JSX children: a JSX comment",
    file: "a.tsx",
    source: "export const A = () => (\n  <div>\n    <img alt=\"最好的面膜\" />\n  </div>\n);\n",
    after: "export const A = () => (\n  <div>\n    {/* adlint-disable-next-line shop/absolute -- 理由 */}\n    <img alt=\"最好的面膜\" />\n  </div>\n);\n",
  },
  {
    name: "TSX element at the top of an expression: a line comment",
    file: "a.tsx",
    source: "export const A = () => (\n  <p title=\"最好\">面膜</p>\n);\n",
    after: "export const A = () => (\n  // adlint-disable-next-line shop/absolute -- 理由\n  <p title=\"最好\">面膜</p>\n);\n",
  },
  {
    name: "JS template literal spanning lines: no place for a comment",
    file: "a.js",
    source: "const t = `第一行\n最好的面膜`;\n",
    after: undefined,
  },
  {
    name: "YAML value: a # line above",
    file: "content/a.yaml",
    source: "items:\n  - title: 最好的面膜\n",
    after: "items:\n  # adlint-disable-next-line shop/absolute -- 理由\n  - title: 最好的面膜\n",
  },
  {
    name: "YAML block scalar: a disable/enable region around it",
    file: "content/a.yaml",
    source: "desc: |\n  第一行\n  最好的面膜\nprice: 99\n",
    after: "# adlint-disable shop/absolute -- 理由\ndesc: |\n  第一行\n  最好的面膜\n# adlint-enable shop/absolute\nprice: 99\n",
  },
  {
    name: "WebVTT: a NOTE block before the cue",
    file: "a.vtt",
    source: "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n这是最好的面膜\n",
    after: "WEBVTT\n\nNOTE adlint-disable-next-line shop/absolute -- 理由\n\n1\n00:00:01.000 --> 00:00:02.000\n这是最好的面膜\n",
  },
  { name: "SRT has no comments", file: "a.srt", source: "1\n00:00:01,000 --> 00:00:02,000\n最好的面膜\n", after: undefined },
  { name: "plain text has no comments", file: "a.txt", source: "最好的面膜\n", after: undefined },
  { name: "JSON has no comments", file: "content/a.json", source: '{"title": "最好的面膜"}\n', after: undefined },
];

const lint = (source: string, file: string) => lintText(source, { project, filePath: `${ROOT}${file}` }).messages;

describe("disable for this line", () => {
  it.each(CASES)("$name", ({ file, source, after }) => {
    const before = lint(source, file);
    const target = before.find((d) => d.ruleId === "shop/absolute");
    expect(target, "the case has a finding").toBeDefined();
    const edits = disableEdits({ source, path: `${ROOT}${file}`, format: formatOf(file)!, ruleId: "shop/absolute", range: target!.range, reason: "理由" });
    if (after === undefined) {
      expect(edits).toBeUndefined();
      return;
    }
    let text = source;
    for (const e of [...edits!].sort((a, b) => b.range[0] - a.range[0])) text = text.slice(0, e.range[0]) + e.text + text.slice(e.range[1]);
    expect(text).toBe(after);
    const rest = lint(text, file).map((d) => `${d.ruleId}: ${d.message}`);
    const expected = before.filter((d) => d !== target && d.ruleId !== "shop/absolute").map((d) => `${d.ruleId}: ${d.message}`);
    expect(rest).toEqual(expected);
  });
});

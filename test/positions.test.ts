// Every diagnostic is positioned in the original source: 1-based lines and
// columns in UTF-16 code units, end exclusive, and its range covers exactly
// the characters that read as the match.
import { describe, expect, it } from "vitest";
import type { Format } from "../src/sources/document.js";
import { LineIndex } from "../src/text/offsets.js";
import { lintText } from "../src/lint.js";
import { absolute, lintString, project, type Found } from "./helpers/lint.js";

/** Line and column of an offset, counted independently of LineIndex. */
function lineColumn(source: string, offset: number): [number, number] {
  const before = source.slice(0, offset).replace(/\r\n?/g, "\n");
  const lines = before.split("\n");
  // A CRLF pair counts as one line end, but columns count code units of the original line.
  const lineStart = Math.max(source.lastIndexOf("\n", offset - 1), source.lastIndexOf("\r", offset - 1)) + 1;
  return [lines.length, offset - lineStart + 1];
}

describe("positions in plain text", () => {
  const table: Array<[string, string, Found[]]> = [
    ["plain", "这是最佳的选择", [absolute(1, 3, 1, 5, "最佳")]],
    ["emoji before the match", "😀😀最佳", [absolute(1, 5, 1, 7, "最佳")]],
    ["emoji with a skin tone before the match", "👍🏽最好", [absolute(1, 5, 1, 7, "最好")]],
    ["Traditional characters", "這是國家級產品", [absolute(1, 3, 1, 6, "國家級")]],
    ["CRLF line endings", "开头一行\r\n这是最好的\r\n", [absolute(2, 3, 2, 5, "最好")]],
    ["a lone CR ends a line", "你好\r这是最好的", [absolute(2, 3, 2, 5, "最好")]],
    ["tabs", "a\tb\t最佳", [absolute(1, 5, 1, 7, "最佳")]],
    ["a zero-width space inside the term", "选最\u200b佳", [absolute(1, 2, 1, 5, "最\u200b佳")]],
    ["a word joiner and a BOM inside the term", "最\u2060\ufeff佳", [absolute(1, 1, 1, 5, "最\u2060\ufeff佳")]],
    ["an ideographic space inside the term", "最\u3000佳", [absolute(1, 1, 1, 4, "最\u3000佳")]],
    ["a no-break space inside the term", "最\u00a0佳", [absolute(1, 1, 1, 4, "最\u00a0佳")]],
    ["a mixed Traditional and zero-width term", "國\u200b家 級", [absolute(1, 1, 1, 6, "國\u200b家 級")]],
    ["a term broken over two lines is two lines of copy", "最\n佳", []],
    ["allowed context", "第一步洗脸", []],
    ["allowed context beside a violation", "第一步洗脸，第一名", [absolute(1, 7, 1, 9, "第一")]],
  ];

  it.each(table)("%s", (_name, source, expected) => {
    expect(lintString(source, "text")).toEqual(expected);
  });

  it("positions a claim in full-width forms", () => {
    const source = "😀 肤色提亮\t３６．５％！";
    expect(lintString(source, "text")).toEqual([{ ruleId: "t/stat", line: 1, column: 9, endLine: 1, endColumn: 14, text: "３６．５％" }]);
  });
});

describe("positions agree with the source (every case)", () => {
  const sources: Array<[Format, string]> = [
    ["text", "😀最佳\r\n\t國家\u200b級\r\n最好　最\u3000好"],
    ["markdown", "# 😀最佳\r\n\r\n> 國家\u200b級\r\n> 最\r\n> 好\r\n\r\n- 第一\t名\r\n"],
    ["markdown", "| 列 | 值 |\n|---|---|\n| 😀 | 最佳 |\n\n![國家級](a.png) [最好](b)\n"],
  ];

  it.each(sources)("%s %j", (format, source) => {
    const result = lintText(source, { project, format });
    expect(result.messages.length).toBeGreaterThan(0);
    const lines = new LineIndex(source);
    for (const d of result.messages) {
      const [s, e] = d.range;
      expect(s).toBeLessThan(e);
      expect([d.line, d.column]).toEqual(lineColumn(source, s));
      expect([d.endLine, d.endColumn]).toEqual(lineColumn(source, e));
      expect(lines.position(s)).toEqual({ line: d.line, column: d.column });
      // The message quotes the original characters the range covers.
      if (d.ruleId === "t/absolute") expect(d.message).toContain(`「${source.slice(s, e)}」`);
    }
  });
});

describe("fixes", () => {
  it("replaces exactly the matched characters", () => {
    const source = "这是最\u200b好的面膜";
    const [d] = lintText(source, { project, format: "text" }).messages;
    expect(d?.fix).toEqual({ range: [2, 5], text: "很好" });
    const fixed = source.slice(0, d!.fix!.range[0]) + d!.fix!.text + source.slice(d!.fix!.range[1]);
    expect(fixed).toBe("这是很好的面膜");
  });

  it("offers no fix for a term without one", () => {
    const [d] = lintText("最佳", { project, format: "text" }).messages;
    expect(d?.fix).toBeUndefined();
  });
});

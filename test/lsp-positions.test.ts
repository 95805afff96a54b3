// adlint's 1-based lines and columns against LSP's 0-based positions, checked
// against the protocol library's own document model: emoji, CJK, CRLF and CR.
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintText } from "../src/lint.js";
import { openProject } from "../src/project.js";
import { diagnosticRange, OffsetConverter, toPosition } from "../src/lsp/positions.js";

const project = openProject({ config: fileURLToPath(new URL("./fixtures/lsp/adlint.config.yaml", import.meta.url)) });

const CASES: Array<{ name: string; source: string; start: { line: number; character: number } }> = [
  { name: "an emoji before the finding", source: "🎉🎉 这是最好的面膜\n", start: { line: 0, character: 7 } },
  { name: "an emoji on the line above", source: "🌸春季上新🌸\n🎉最好的面膜\n", start: { line: 1, character: 2 } },
  { name: "CRLF line ends", source: "第一行\r\n第二行\r\n  最好的面膜\r\n", start: { line: 2, character: 2 } },
  { name: "CR line ends", source: "第一行\r🎉最好\r", start: { line: 1, character: 2 } },
  { name: "emoji and CRLF together", source: "👩‍👩‍👧 家庭装\r\n🎁🎁🎁最好\r\n", start: { line: 1, character: 6 } },
];

describe("positions", () => {
  it.each(CASES)("$name", ({ source, start }) => {
    const [d] = lintText(source, { project, filePath: "a.txt" }).messages;
    expect(d?.ruleId).toBe("shop/absolute");
    const range = diagnosticRange(d!);
    expect(range).toEqual({ start, end: { line: start.line, character: start.character + 2 } });
    // The protocol library's model of the same text agrees, character for character.
    const doc = TextDocument.create("file:///a.txt", "plaintext", 1, source);
    expect(doc.offsetAt(range.start)).toBe(d!.range[0]);
    expect(doc.offsetAt(range.end)).toBe(d!.range[1]);
    expect(doc.getText(range)).toBe("最好");
    const conv = new OffsetConverter(source);
    expect(conv.range(d!.range)).toEqual(range);
    expect(conv.offset(range.start)).toBe(d!.range[0]);
  });

  it("shifts 1-based to 0-based", () => {
    expect(toPosition(1, 1)).toEqual({ line: 0, character: 0 });
    expect(toPosition(3, 10)).toEqual({ line: 2, character: 9 });
  });

  it("agrees with the protocol library at every offset of a mixed text", () => {
    const source = "a🎉\r\nb\rc\n\n最好😀x\r\n";
    const doc = TextDocument.create("file:///a.txt", "plaintext", 1, source);
    const conv = new OffsetConverter(source);
    for (let i = 0; i <= source.length; i++) {
      // Inside \r\n the library clamps to the line end; adlint never puts a range there.
      if (source[i - 1] === "\r" && source[i] === "\n") continue;
      expect(conv.position(i), `offset ${i}`).toEqual(doc.positionAt(i));
    }
    expect(conv.lineEnd(0)).toBe(3);
    expect(conv.lineStart(1)).toBe(5);
    expect(conv.lineCount).toBe(doc.lineCount);
  });
});

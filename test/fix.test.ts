// --fix applies the replacements rules declare as safe: in order, never two
// that overlap, never outside a match, and the file keeps its encoding.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/core/types.js";
import { applyFixes } from "../src/fix/apply.js";
import { lintText } from "../src/lint.js";
import { FIXTURES, project as testProject } from "./helpers/lint.js";
import { tree } from "./helpers/tree.js";
import { adlint } from "./helpers/cli.js";

const PACK = readFileSync(`${FIXTURES}packs/basic.yaml`, "utf8");

function fixAt(start: number, end: number, text: string): Diagnostic {
  return { ruleId: "t/x", severity: 2, message: "m", line: 1, column: 1, endLine: 1, endColumn: 1, range: [start, end], fix: { range: [start, end], text } };
}

describe("applyFixes", () => {
  it("applies fixes in source order, whatever order they come in", () => {
    expect(applyFixes("最好最好", [fixAt(2, 4, "很好"), fixAt(0, 2, "很好")]).output).toBe("很好很好");
  });

  it("skips a fix that overlaps one already applied", () => {
    const { output, applied } = applyFixes("abcdef", [fixAt(0, 3, "X"), fixAt(2, 5, "Y"), fixAt(5, 6, "Z")]);
    expect(output).toBe("XdeZ");
    expect(applied.map((f) => f.text)).toEqual(["X", "Z"]);
  });

  it("ignores diagnostics without a fix and fixes past the end", () => {
    const { fix: _none, ...plain } = fixAt(0, 1, "");
    expect(applyFixes("abc", [plain, fixAt(2, 9, "Z")]).output).toBe("abc");
  });

  it("changes nothing outside the fixed ranges (property)", () => {
    const piece = fc.constantFrom("最好", "很", "好", "😀", "\n", "國家級", "第一步", " ", "a");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const source = pieces.join("");
        const { messages } = lintText(source, { project: testProject, format: "text" });
        const { output, applied } = applyFixes(source, messages);
        // Rebuild the output from the source, replacing only the applied ranges.
        let expected = "";
        let at = 0;
        for (const f of applied) {
          expected += source.slice(at, f.range[0]) + f.text;
          at = f.range[1];
        }
        expect(output).toBe(expected + source.slice(at));
        for (const f of applied) expect(source.slice(f.range[0], f.range[1])).toBe("最好");
      }),
      { numRuns: 300, seed: Number(process.env.SEED ?? 20261130) },
    );
  });
});

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

describe.concurrent("adlint --fix", () => {
  const files = {
    "adlint.config.yaml": "packs: [./packs/basic.yaml]\n",
    "packs/basic.yaml": PACK,
    "a.md": "# 最好的面膜\n\n这是最好的，也是最佳的。\n",
    "bom.txt": "\ufeff最好用\n",
    "wide.txt": utf16le("最好用\r\n"),
    // 最好用 in GBK
    "gbk.txt": new Uint8Array([0xd7, 0xee, 0xba, 0xc3, 0xd3, 0xc3, 0x0a]),
  };

  it("writes the fixes and reports what is left", async () => {
    const root = tree(files);
    const r = await adlint(root, "--fix", "-f", "unix", "a.md");
    expect(readFileSync(join(root, "a.md"), "utf8")).toBe("# 很好的面膜\n\n这是很好的，也是最佳的。\n");
    expect(r.stdout).toBe("a.md:3:9: 「最佳」属于绝对化用语（广告法第九条第三项） [Error/t/absolute]\n\n1 problem\n");
    expect(r.code).toBe(1);
  });

  it("keeps a UTF-8 BOM and UTF-16", async () => {
    const root = tree(files);
    const r = await adlint(root, "--fix", "bom.txt", "wide.txt");
    expect(r.code).toBe(0);
    expect([...readFileSync(join(root, "bom.txt"))].slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(join(root, "bom.txt"), "utf8")).toBe("\ufeff很好用\n");
    expect(readFileSync(join(root, "wide.txt"))).toEqual(utf16le("很好用\r\n"));
  });

  it("leaves a GBK file untouched and says why", async () => {
    const root = tree(files);
    const r = await adlint(root, "--fix", "gbk.txt");
    expect([...readFileSync(join(root, "gbk.txt"))]).toEqual([...files["gbk.txt"]]);
    expect(r.stderr).toContain("gbk.txt 是 GB18030/GBK 编码，修复未写回");
  });

  it("without --fix, writes nothing", async () => {
    const root = tree(files);
    await adlint(root, "a.md");
    expect(readFileSync(join(root, "a.md"), "utf8")).toBe(files["a.md"]);
  });
});

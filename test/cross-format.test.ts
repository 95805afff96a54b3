// One sentence, written into every format adlint reads: each format must find
// the same rules, and each diagnostic's range, cut from the file, must be
// exactly the characters that break the rule.
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/config.js";
import { lintText } from "../src/lint.js";
import { openProject } from "../src/project.js";

const builtin = openProject({ config: defaultConfig(process.cwd()) });

/** Copy with an emoji, a tab and Traditional characters before and between the offending words. */
const SENTENCES = [
  { copy: "🎉\t這款面霜是全網最好的，國家級品質！", offending: ["最好", "國家級"] },
  { copy: "😀😀 本品包治百病，👍 最佳選擇", offending: ["包治百病", "最佳"] },
];

type Wrap = (copy: string) => string;

const FORMATS: Record<string, Wrap> = {
  "page.md": (c) => `---\ntitle: 样例\n---\n\n# 标题\n\n${c}\n`,
  "page.txt": (c) => `开场白\n${c}\n`,
  "page.html": (c) => `<!doctype html>\n<html><body>\n<p>${c}</p>\n</body></html>\n`,
  "Page.tsx": (c) => `export function Page() {\n  return <p className="hero">${c}</p>;\n}\n`,
  "strings.ts": (c) => `export const copy = ${JSON.stringify(c).replace(/\t/g, "\\t")};\n`,
  "poster.yaml": (c) => `title: 样例\nbody: "${c.replace(/\t/g, "\\t")}"\n`,
  "catalog.json": (c) => `{\n  "hero": ${JSON.stringify(c)}\n}\n`,
  "stream.srt": (c) => `1\n00:00:01,000 --> 00:00:04,000\n${c}\n`,
  "stream.vtt": (c) => `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n${c}\n`,
};

const LINE_ENDS = { LF: (s: string) => s, CRLF: (s: string) => s.replace(/\n/g, "\r\n") };

describe.each(Object.entries(LINE_ENDS))("with %s line ends", (_name, lineEnds) => {
  describe.each(SENTENCES)("$copy", ({ copy, offending }) => {
    const expected = lintText(`${copy}\n`, { project: builtin, filePath: "plain.txt" }).messages.map((d) => d.ruleId);

    it("finds something in plain text", () => {
      expect(expected.length).toBeGreaterThanOrEqual(offending.length);
    });

    it.each(Object.entries(FORMATS))("%s finds the same rules, on exactly the offending characters", (file, wrap) => {
      const source = lineEnds(wrap(copy));
      const { messages } = lintText(source, { project: builtin, filePath: file });
      expect(messages.map((d) => d.ruleId)).toEqual(expected);
      const cut = messages.map((d) => source.slice(d.range[0], d.range[1]));
      for (const text of offending) expect(cut).toContain(text);
      for (const d of messages) {
        // Lines and columns agree with the range: count them out of the source.
        const before = source.slice(0, d.range[0]).split(/\r\n|\n/);
        expect(d.line).toBe(before.length);
        expect(d.column).toBe(before[before.length - 1]!.length + 1);
        const through = source.slice(0, d.range[1]).split(/\r\n|\n/);
        expect([d.endLine, d.endColumn]).toEqual([through.length, through[through.length - 1]!.length + 1]);
      }
    });
  });
});

// Evasions of banned terms: each is written the way someone hiding a word from
// a keyword filter would write it, and the built-in packs still catch it. The
// diagnostic covers exactly the characters as written, disguise included.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/config.js";
import { lintText } from "../src/lint.js";
import { openProject } from "../src/project.js";

const project = openProject({ config: defaultConfig(fileURLToPath(new URL(".", import.meta.url))) });

// [evasion, file, source, rule, the characters the diagnostic covers]
const table: Array<[string, string, string, string, string]> = [
  ["plain, for reference", "a.txt", "这是最佳面膜", "ad-law/absolute-term", "最佳"],
  ["Traditional characters", "a.txt", "國家級產品", "ad-law/absolute-term", "國家級"],
  ["one Traditional character", "a.txt", "国家級产品", "ad-law/absolute-term", "国家級"],
  ["Traditional 極品", "a.txt", "極品好茶", "ad-law/absolute-term", "極品"],
  ["full-width Latin", "a.txt", "ＣＣＴＶ推荐", "ad-law/state-organ", "ＣＣＴＶ推荐"],
  ["full-width digits and percent", "a.txt", "１００％有效", "ad-law/absolute-term", "１００％有效"],
  ["百分之百 for 100%", "a.txt", "百分之百有效", "ad-law/absolute-term", "百分之百有效"],
  ["full-width digits spaced out", "a.txt", "１００ ％ 有效", "ad-law/absolute-term", "１００ ％ 有效"],
  ["zero-width space U+200B", "a.txt", "这是最\u200b佳面膜", "ad-law/absolute-term", "最\u200b佳"],
  ["zero-width non-joiner U+200C", "a.txt", "这是最\u200c佳面膜", "ad-law/absolute-term", "最\u200c佳"],
  ["zero-width joiner U+200D", "a.txt", "这是最\u200d佳面膜", "ad-law/absolute-term", "最\u200d佳"],
  ["word joiner U+2060", "a.txt", "这是最\u2060佳面膜", "ad-law/absolute-term", "最\u2060佳"],
  ["byte order mark U+FEFF inside a word", "a.txt", "这是最\ufeff佳面膜", "ad-law/absolute-term", "最\ufeff佳"],
  ["several zero-width characters", "a.txt", "顶\u200b\u200c\u200d\u2060级面料", "ad-law/absolute-term", "顶\u200b\u200c\u200d\u2060级"],
  ["Hangul filler U+3164", "a.txt", "顶\u3164级面料", "ad-law/absolute-term", "顶\u3164级"],
  ["Hangul choseong filler U+115F", "a.txt", "这是最\u115f佳面膜", "ad-law/absolute-term", "最\u115f佳"],
  ["half-width Hangul filler U+FFA0", "a.txt", "这是最\uffa0佳面膜", "ad-law/absolute-term", "最\uffa0佳"],
  ["braille blank U+2800", "a.txt", "这是最\u2800佳面膜", "ad-law/absolute-term", "最\u2800佳"],
  ["a space", "a.txt", "这是最 佳面膜", "ad-law/absolute-term", "最 佳"],
  ["spaces between every character", "a.txt", "国 家 级 产品", "ad-law/absolute-term", "国 家 级"],
  ["ideographic space U+3000", "a.txt", "这是最\u3000佳面膜", "ad-law/absolute-term", "最\u3000佳"],
  ["no-break space", "a.txt", "这是最\u00a0佳面膜", "ad-law/absolute-term", "最\u00a0佳"],
  ["en space U+2002", "a.txt", "这是最\u2002佳面膜", "ad-law/absolute-term", "最\u2002佳"],
  ["a tab", "a.txt", "独一\t无二的设计", "ad-law/absolute-term", "独一\t无二"],
  ["a space before a percent sign", "a.txt", "100 %有效", "ad-law/absolute-term", "100 %有效"],
  ["soft hyphen", "a.txt", "这是最\u00ad佳面膜", "ad-law/absolute-term", "最\u00ad佳"],
  ["variation selector U+FE0F", "a.txt", "这是最\ufe0f佳面膜", "ad-law/absolute-term", "最\ufe0f佳"],
  ["variation selector U+FE00", "a.txt", "极\ufe00品好茶", "ad-law/absolute-term", "极\ufe00品"],
  ["ideographic variation selector U+E0100", "a.txt", "这是最\u{e0100}佳面膜", "ad-law/absolute-term", "最\u{e0100}佳"],
  ["combining grapheme joiner U+034F", "a.txt", "这是最\u034f佳面膜", "ad-law/absolute-term", "最\u034f佳"],
  ["combining acute accent on a Han character", "a.txt", "这是最\u0301佳面膜", "ad-law/absolute-term", "最\u0301佳"],
  ["combining enclosing circle on a Han character", "a.txt", "顶\u20dd级面料", "ad-law/absolute-term", "顶\u20dd级"],
  ["stacked combining marks", "a.txt", "这是最\u0308\u0301\u0323佳面膜", "ad-law/absolute-term", "最\u0308\u0301\u0323佳"],
  ["left-to-right mark", "a.txt", "这是最\u200e佳面膜", "ad-law/absolute-term", "最\u200e佳"],
  ["right-to-left override", "a.txt", "这是最\u202e佳面膜", "ad-law/absolute-term", "最\u202e佳"],
  ["Mongolian vowel separator", "a.txt", "这是最\u180e佳面膜", "ad-law/absolute-term", "最\u180e佳"],
  ["tag characters", "a.txt", "这是最\u{e0041}\u{e0042}佳面膜", "ad-law/absolute-term", "最\u{e0041}\u{e0042}佳"],
  ["Traditional and zero-width together", "a.txt", "這是國\u200b家\u2060級產品", "ad-law/absolute-term", "國\u200b家\u2060級"],
  ["Traditional, full-width and spaces together", "a.txt", "ＣＣＴＶ 推薦", "ad-law/state-organ", "ＣＣＴＶ 推薦"],
  ["decimal character reference in HTML", "a.html", "<p>这是&#26368;佳面膜</p>", "ad-law/absolute-term", "&#26368;佳"],
  ["hexadecimal character reference in HTML", "a.html", "<p>这是&#x6700;佳面膜</p>", "ad-law/absolute-term", "&#x6700;佳"],
  ["character references for the whole word in HTML", "a.html", "<p>&#x9876;&#32423;面料</p>", "ad-law/absolute-term", "&#x9876;&#32423;"],
  ["a character reference in an HTML attribute", "a.html", '<img alt="&#26368;佳面膜">', "ad-law/absolute-term", "&#26368;佳"],
  ["inline markup inside a word in HTML", "a.html", "<p>这是最<b>佳</b>面膜</p>", "ad-law/absolute-term", "最<b>佳"],
  ["decimal character reference in Markdown", "a.md", "这是&#26368;佳面膜\n", "ad-law/absolute-term", "&#26368;佳"],
  ["hexadecimal character reference in Markdown", "a.md", "这是&#x6700;佳面膜\n", "ad-law/absolute-term", "&#x6700;佳"],
  ["emphasis inside a word in Markdown", "a.md", "这是最**佳**面膜\n", "ad-law/absolute-term", "最**佳"],
  ["a line break inside a word in a Markdown paragraph", "a.md", "这是最\n佳面膜\n", "ad-law/absolute-term", "最\n佳"],
  ["a CRLF line break inside a word in Markdown", "a.md", "这是国家\r\n级产品\r\n", "ad-law/absolute-term", "国家\r\n级"],
  ["a line break inside a block quote", "a.md", "> 这是最\n> 佳面膜\n", "ad-law/absolute-term", "最\n> 佳"],
  ["a \\u escape in a TSX string", "a.tsx", 'export const a = "这是\\u6700佳面膜";\n', "ad-law/absolute-term", "\\u6700佳"],
  ["a \\u{} escape in a TSX string", "a.tsx", "export const a = '这是\\u{6700}\\u{4f73}面膜';\n", "ad-law/absolute-term", "\\u{6700}\\u{4f73}"],
  ["an escape in a template literal", "a.ts", "export const a = `顶\\u7ea7面料`;\n", "ad-law/absolute-term", "顶\\u7ea7"],
  ["a character reference in JSX text", "a.tsx", "export const A = () => <p>这是&#26368;佳面膜</p>;\n", "ad-law/absolute-term", "&#26368;佳"],
  ["a \\u escape in JSON", "a.json", '{"title": "这是\\u6700佳面膜"}', "ad-law/absolute-term", "\\u6700佳"],
  ["a \\u escape in a YAML double-quoted string", "a.yaml", 'title: "这是\\u6700佳面膜"\n', "ad-law/absolute-term", "\\u6700佳"],
  ["a zero-width space in a subtitle cue", "a.srt", "1\n00:00:01,000 --> 00:00:02,000\n这是最\u200b佳面膜\n", "ad-law/absolute-term", "最\u200b佳"],
];

describe("evasions of banned terms", () => {
  const cases = table.filter(([, , , , cut]) => cut !== "");
  it("has at least 40 evasions and no case twice", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => `${c[1]}\n${c[2]}`)).size).toBe(cases.length);
  });

  it.each(cases)("%s", (_name, file, source, rule, cut) => {
    const result = lintText(source, { project, filePath: file });
    const covered = result.messages.filter((m) => m.ruleId === rule).map((m) => source.slice(m.range[0], m.range[1]));
    expect(covered).toContain(cut);
  });
});

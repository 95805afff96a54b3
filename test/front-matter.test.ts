// Simple front matter is read without the YAML parser, and must read exactly
// as the parser reads it: checked on random front matter of the lines writers
// put there, with the scalars YAML reads specially.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFrontMatter, readFrontMatterWithParser, readSimpleFrontMatter } from "../src/sources/front-matter.js";

const KEYS = ["channel", "category", "title", "sku", "kind", "updated", "channel ", "Channel", "tags", "- channel"];
const VALUES = [
  "sms", "livestream", "化妆品", "保健食品", "food", '"化妆品"', "'sms'", '"a\\"b"', "'it''s'", "123", "-1", "0x1F", "0o17", "1e3", ".inf", "-.Inf", ".NaN",
  "true", "False", "null", "~", "", "2024-11-01", "a: b", "a:b", "a #b", "#x", "-x", "[sms]", "{a: 1}", "*ref", "&anchor sms", "!!str 1", "|", ">", "@x", "`x`",
  "%x", "sms  ", "\tsms", '"x" y', "x'y", "直播 专场", "12:30",
];
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([k, v]) => `${k}:${v === "" ? "" : ` ${v}`}`) },
  { weight: 1, arbitrary: fc.constantFrom("", "# note", "  nested: x", "- item", "key:value", "  ") },
);
const frontMatter = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom("\n", "\r\n")).map(([lines, eol]) => lines.join(eol));

describe("front matter", () => {
  it("read without the parser reads as with it (property)", () => {
    let quick = 0;
    fc.assert(
      fc.property(frontMatter, (text) => {
        const simple = readSimpleFrontMatter(text);
        if (simple === undefined) return;
        quick++;
        expect(simple).toEqual(readFrontMatterWithParser(text));
      }),
      { numRuns: 4000, seed: 20261125 },
    );
    expect(quick).toBeGreaterThan(500);
  });

  it.each([
    ["channel: sms\ncategory: 化妆品\n", { channel: "sms", category: "化妆品" }],
    ['title: "初见 睫毛膏"\ncategory: 彩妆\nsku: 2206219\n', { category: "彩妆" }],
    ["channel: 123\n", {}],
    ["channel: sms\nchannel: poster\n", {}],
    ["channel:\n  - sms\n", {}],
    ["tags: [a, b]\nchannel: 'sms'\n", { channel: "sms" }],
  ])("%j", (text, meta) => {
    expect(readFrontMatter(text)).toEqual(meta);
    expect(readFrontMatterWithParser(text)).toEqual(meta);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, foldedOrigin, foldPatternSource, foldTerm, foldText, foldUtf8, ignoring, keptUtf8End } from "../src/text/fold.js";
import { identityMap, mapRange } from "../src/text/offsets.js";

describe("fold", () => {
  // [input, folded text]
  const table: Array<[string, string]> = [
    ["最佳", "最佳"],
    ["最 佳", "最佳"],
    ["最\u200b佳", "最佳"],
    ["最\u200c佳", "最佳"],
    ["最\u200d佳", "最佳"],
    ["最\u2060佳", "最佳"],
    ["最\ufeff佳", "最佳"],
    ["最\u00ad佳", "最佳"],
    ["最\ufe0f佳", "最佳"],
    ["最\u3000佳", "最佳"],
    ["最\u00a0佳", "最佳"],
    ["最\t佳", "最佳"],
    ["最 \u200b\u3000 佳", "最佳"],
    ["最\n佳", "最佳"],
    ["最\r\n佳", "最佳"],
    ["３６％", "36%"],
    ["提升３６．５％", "提升36.5%"],
    ["！？；", "!?;"],
    ["國家級", "国家级"],
    ["最佳選擇", "最佳选择"],
    ["⾼端", "高端"], // Kangxi radical U+2FBC reads as 高
    ["ABC Def", "abc def"],
    ["ＭＡＸ", "max"],
    ["😀最佳", "😀最佳"],
    ["最佳😀", "最佳😀"],
    ["最😀佳", "最😀佳"],
    ["最佳 iPhone 手机", "最佳 iphone 手机"],
    ["iPhone\u3000手机", "iphone 手机"],
    ["第一 名", "第一名"],
    ["a  b", "a b"],
    ["a\n\nb", "a\nb"],
    ["a \n b", "a\nb"],
    ["  最佳  ", " 最佳 "],
    ["", ""],
  ];

  it.each(table)("fold(%j) reads %j", (input, expected) => {
    expect(fold(input).text).toBe(expected);
  });

  it("maps an emoji's two code units to the whole emoji", () => {
    const f = fold("😀最佳");
    expect([...f.starts]).toEqual([0, 0, 2, 3]);
    expect([...f.ends]).toEqual([2, 2, 3, 4]);
  });

  it("maps a dropped zero-width character to nothing and keeps its neighbours' offsets", () => {
    const f = fold("最\u200b佳");
    expect([...f.starts]).toEqual([0, 2]);
    expect([...f.ends]).toEqual([1, 3]);
  });

  it("maps kept white space to the whole run it stands for", () => {
    const f = fold("a \u3000\tb");
    expect(f.text).toBe("a b");
    expect([f.starts[1], f.ends[1]]).toEqual([1, 4]);
  });

  it("maps a match in folded text back to the original characters", () => {
    const input = "这是國家\u200b級 产品";
    const f = fold(input);
    const at = f.text.indexOf("国家级");
    const [s, e] = mapRange(f, identityMap(input), at, at + 3);
    expect(input.slice(s, e)).toBe("國家\u200b級");
  });

  it("folds terms like copy and simplifies Han characters in patterns only", () => {
    expect(foldTerm("國家級")).toBe("国家级");
    expect(foldTerm("最 佳")).toBe("最佳");
    expect(foldPatternSource("國家\\D級")).toBe("国家\\D级");
    expect(foldPatternSource("\\d+％")).toBe("\\d+%");
  });
});

/** Characters folding treats specially, mixed with arbitrary UTF-16 and code points. */
const interesting = fc.constantFrom(
  "最", "佳", "國", "級", "好", "第", "一", "a", "Z", "1", "３", "％", "Ａ", " ", "\u3000", "\u00a0", "\t", "\n", "\r",
  "\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\ufe0f", "\u{e0041}", "😀", "👍🏽", "⾼", "ﬁ", "①", "㎡", "\u00a8",
  "\ud800", "\udfff", "é", "e\u0301", "\u2028",
);
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
const unit = fc.oneof({ arbitrary: interesting, weight: 4 }, { arbitrary: anyCodeUnit, weight: 1 }, { arbitrary: anyCodePoint, weight: 1 });
const text = fc.string({ unit, maxLength: 40 });

describe("fold offset map (property)", () => {
  it("maps every folded code unit to a non-empty range inside the input, in order", () => {
    fc.assert(
      fc.property(text, (input) => {
        const f = fold(input);
        expect(f.starts.length).toBe(f.text.length);
        expect(f.ends.length).toBe(f.text.length);
        for (let k = 0; k < f.text.length; k++) {
          expect(f.starts[k]).toBeGreaterThanOrEqual(0);
          expect(f.starts[k]!).toBeLessThan(f.ends[k]!);
          expect(f.ends[k]).toBeLessThanOrEqual(input.length);
          if (k > 0) {
            expect(f.starts[k]).toBeGreaterThanOrEqual(f.starts[k - 1]!);
            expect(f.ends[k]).toBeGreaterThanOrEqual(f.ends[k - 1]!);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("maps any range of folded text back to a range inside the input", () => {
    const withRange = text
      .filter((s) => fold(s).text.length > 0)
      .chain((input) => {
        const n = fold(input).text.length;
        return fc.tuple(fc.constant(input), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n }));
      });
    fc.assert(
      fc.property(withRange, ([input, a, b]) => {
        const f = fold(input);
        const [s, e] = [Math.min(a, b - 1), Math.max(a + 1, b)];
        const [from, to] = mapRange(f, identityMap(input), s, e);
        expect(from).toBeGreaterThanOrEqual(0);
        expect(from).toBeLessThanOrEqual(to);
        expect(to).toBeLessThanOrEqual(input.length);
        // Folding again to find one range gives what the whole map gives.
        expect(foldedOrigin(input, s, e)).toEqual([from, to]);
      }),
      { numRuns: 2000 },
    );
  });

  it("maps a range alike however other folds ran since the input was last folded", () => {
    // foldedOrigin folds an input again only when another fold came between.
    const input = text.filter((s) => fold(s).text.length > 0);
    const step = fc.oneof(
      fc.record({ origin: input, a: fc.nat(), b: fc.nat() }),
      fc.record({ other: text, how: fc.constantFrom("fold", "foldText", "foldUtf8") }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        // What each range maps to, worked out before any of them is asked.
        const expected = steps.map((one) => {
          if ("other" in one) return undefined;
          const f = fold(one.origin);
          const n = f.text.length;
          const [s, e] = [one.a % n, 1 + (one.b % n)];
          const range: [number, number] = [Math.min(s, e - 1), Math.max(s + 1, e)];
          return { range, origin: mapRange(f, identityMap(one.origin), ...range) };
        });
        steps.forEach((one, k) => {
          if ("other" in one) {
            if (one.how === "fold") fold(one.other);
            else if (one.how === "foldText") foldText(one.other);
            else foldUtf8(Buffer.from(one.other), ignoring(""));
            return;
          }
          const { range, origin } = expected[k]!;
          expect(foldedOrigin(one.origin, ...range)).toEqual(origin);
          expect(foldedOrigin(one.origin, ...range)).toEqual(origin);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("maps a range alike after another input was folded with its ranges, or a fold too long for the buffers", () => {
    // `top1` starts at 3 folded and at 5 in the input; the other input's ranges differ from these.
    const input = "最　　佳 ＴＯＰ１ 🔥 ①号";
    expect(foldedOrigin(input, 3, 7)).toEqual([5, 9]);
    fold("第 一 品 牌，全 网 最 低");
    expect(foldedOrigin(input, 3, 7)).toEqual([5, 9]);
    foldText("Ａ".repeat(5_000_000));
    expect(foldedOrigin(input, 3, 7)).toEqual([5, 9]);
  });

  it("reads the same whatever zero-width characters are slipped between code points", () => {
    const cut = fc.tuple(fc.array(fc.string({ unit: interesting.filter((c) => !/[\ud800-\udfff]/.test(c)), maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.constantFrom("\u200b", "\u200c", "\u2060", "\ufeff", "\u00ad"));
    fc.assert(
      fc.property(cut, ([pieces, invisible]) => {
        expect(fold(pieces.join(invisible)).text).toBe(fold(pieces.join("")).text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("fold sees through disguises (property)", () => {
  const han = fc.constantFrom("最", "佳", "國", "級", "顶", "第", "一", "有", "效");
  const tight = fc.oneof(han, fc.constantFrom("1", "０", "%", "％"));
  const word = fc.array(tight, { minLength: 1, maxLength: 8 });

  it("reads the same whatever combining marks are stacked on Han characters", () => {
    const marks = fc.array(fc.constantFrom("\u0301", "\u0308", "\u20dd", "\u3099", "\u{1d17b}"), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(han, { minLength: 1, maxLength: 8 }), marks, (chars, stack) => {
        expect(fold(chars.join(stack.join(""))).text).toBe(fold(chars.join("")).text);
      }),
      { numRuns: 500 },
    );
  });

  it("reads the same whatever white space separates Han characters, or a number from its percent sign", () => {
    const space = fc.constantFrom(" ", "\u3000", "\u00a0", "\t", "  ");
    const isHan = (c: string) => /\p{Script=Han}/u.test(c);
    const isDigit = (c: string) => /[0-9０-９]/.test(c);
    const isPercent = (c: string) => c === "%" || c === "％";
    fc.assert(
      fc.property(word, space, (chars, gap) => {
        const spaced = chars
          .map((c, i) => {
            const before = chars[i - 1];
            const joins = before !== undefined && ((isHan(before) && isHan(c)) || (isDigit(before) && isPercent(c)));
            return joins ? `${gap}${c}` : c;
          })
          .join("");
        expect(fold(spaced).text).toBe(fold(chars.join("")).text);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the offset map when it drops marks and spaces", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(tight, fc.constantFrom(" ", "\u0301", "\u3000", "a", "é")), { maxLength: 30 }), (pieces) => {
        const input = pieces.join("");
        const f = fold(input);
        for (let k = 0; k < f.text.length; k++) {
          expect(f.starts[k]!).toBeLessThan(f.ends[k]!);
          expect(f.ends[k]).toBeLessThanOrEqual(input.length);
          if (k > 0) expect(f.starts[k]).toBeGreaterThanOrEqual(f.starts[k - 1]!);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("folded text without positions", () => {
  it("is the text of the positioned fold, whatever the input (property)", () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(foldText(input)).toBe(fold(input).text);
      }),
      { numRuns: 2000, seed: 20261125 },
    );
  });
});

describe("folded text with characters ignored", () => {
  const markup = "*_~`#>|[]\\{}\"'";
  const ignored = ignoring(markup);
  const withMarkup = fc.string({ unit: fc.oneof({ arbitrary: unit, weight: 3 }, { arbitrary: fc.constantFrom(...markup, "＊", "＃", "｀", "﹟"), weight: 2 }), maxLength: 40 });

  it("is the fold of the input with those characters, and those that fold to them, taken out (property)", () => {
    fc.assert(
      fc.property(withMarkup, (input) => {
        const without = [...input].filter((ch) => !markup.includes(foldText(ch)) || foldText(ch) === "").join("");
        expect(foldText(input, ignored)).toBe(foldText(without));
      }),
      { numRuns: 3000, seed: 20261130 },
    );
  });

  it("joins a term split by them, and keeps the rest", () => {
    expect(foldText("**最**佳", ignored)).toBe("最佳");
    expect(foldText("最 `佳`", ignored)).toBe("最佳");
    expect(foldText("# 國家級", ignored)).toBe(" 国家级");
    expect(foldText("a*b", ignored)).toBe("ab");
    expect(foldText("a*b")).toBe("a*b");
    expect(foldText("a＊b#", ignored)).toBe("ab");
  });

  it("takes only ASCII characters", () => {
    expect(() => ignoring("*＊")).toThrow(RangeError);
  });
});

describe("UTF-8 bytes folded without white space and markup", () => {
  const markup = "*_~`#>|[]\\{}\"'";
  const dropped = ignoring(markup);
  /** What `foldUtf8` reads: well-formed text (no lone surrogate), with markup, white space and now and then a combining mark. */
  const wellFormed = fc
    .string({ unit: fc.oneof({ arbitrary: unit, weight: 3 }, { arbitrary: fc.constantFrom(...markup, "＊", "＃", " ", "\u3000", "\n"), weight: 2 }), maxLength: 40 })
    .map((s) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "?"));
  const units = (folded: { units: Uint16Array; length: number }) => String.fromCharCode(...folded.units.subarray(0, folded.length));
  const bare = (folded: string) => [...folded].filter((ch) => !/^\s$/.test(ch) && !markup.includes(ch)).join("");

  it("is the fold of the decoded text, with white space and those characters taken out, each unit from its character's bytes (property)", () => {
    let marked = 0;
    fc.assert(
      fc.property(wellFormed, (input) => {
        const bytes = Buffer.from(input);
        const folded = foldUtf8(bytes, dropped);
        if (/\p{M}/u.test([...input].filter((ch) => foldText(ch) !== "").join(""))) {
          marked++;
          expect(folded).toBeUndefined();
          return;
        }
        expect(folded).toBeDefined();
        expect(units(folded!)).toBe(bare(foldText(input)));
        for (let k = 0; k < folded!.length; k++) {
          const character = bytes.toString("utf8", folded!.starts[k], folded!.ends[k]);
          expect([...character]).toHaveLength(1);
          expect(bare(foldText(character))).toContain(String.fromCharCode(folded!.units[k]!));
          if (k > 0) expect(folded!.starts[k]).toBeGreaterThanOrEqual(folded!.starts[k - 1]!);
        }
      }),
      { numRuns: 3000, seed: 20261130 },
    );
    expect(marked).toBeGreaterThan(10);
  });

  it("ends the first character it keeps, or stops at, where keptUtf8End says (property)", () => {
    fc.assert(
      fc.property(wellFormed, (input) => {
        const bytes = Buffer.from(input);
        const folded = foldUtf8(bytes, dropped);
        const end = keptUtf8End(bytes, dropped, 0, bytes.length);
        if (folded === undefined) expect(end).toBeGreaterThan(0);
        else expect(end).toBe(folded.length > 0 ? folded.ends[0] : -1);
      }),
      { numRuns: 3000, seed: 20261130 },
    );
    const spaced = Buffer.from(" *＊\u3000最 ＃");
    expect(keptUtf8End(spaced, dropped, 0, spaced.length)).toBe(spaced.indexOf("最") + 3);
    expect(keptUtf8End(spaced, dropped, spaced.indexOf("最") + 3, spaced.length)).toBe(-1);
  });

  it("reads the same folded a piece at a time, cut where characters start", () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(), { maxLength: 4 }), (input, cuts) => {
        const bytes = Buffer.from(input);
        const whole = foldUtf8(bytes, dropped);
        if (whole === undefined) return;
        const expected = { units: units(whole), starts: [...whole.starts.subarray(0, whole.length)], ends: [...whole.ends.subarray(0, whole.length)] };
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)).filter((c) => (bytes[c]! & 0xc0) !== 0x80))].sort((a, b) => a - b);
        let folded = whole;
        [0, ...at].forEach((from, i, all) => (folded = foldUtf8(bytes, dropped, from, all[i + 1] ?? bytes.length, i === 0 ? 0 : folded.length)!));
        expect({ units: units(folded), starts: [...folded.starts.subarray(0, folded.length)], ends: [...folded.ends.subarray(0, folded.length)] }).toEqual(expected);
      }),
      { numRuns: 2000, seed: 20261130 },
    );
  });

  it("never folds a character to a markup character together with another, so that markup always leaves a gap in the bytes read", () => {
    const together: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const folded = foldText(String.fromCodePoint(cp));
      if (folded.length > 1 && [...folded].some((ch) => markup.includes(ch))) together.push(`U+${cp.toString(16)}`);
    }
    expect(together).toEqual([]);
  });

  it("reads a term through markup, white space, full-width forms, Traditional characters and emoji", () => {
    const read = (text: string) => units(foldUtf8(Buffer.from(text), dropped)!);
    expect(read("**最** 佳")).toBe("最佳");
    expect(read("﻿體驗😀 最佳")).toBe("体验😀最佳");
    expect(read("Ｔｏｐ　１")).toBe("top1");
    expect(read("＃1")).toBe("1");
    expect(read("℃")).toBe("°c");
    expect(foldUtf8(Buffer.from("最\u0301佳"), dropped)).toBeUndefined();
  });
});

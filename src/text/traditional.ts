// Traditional -> Simplified, one character at a time, from OpenCC's tables.
// Character-level conversion keeps a one-to-one offset map; phrase-level
// conversion would not, and matching only needs the characters to agree.
import TSCharacters from "opencc-js/dict/TSCharacters";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";
import HKVariantsRev from "opencc-js/dict/HKVariantsRev";

/** The one-character entries of an OpenCC dictionary (`from to[ alternative…]|…`), each to its first conversion. */
function parse(dict: string): Map<number, number> {
  const map = new Map<number, number>();
  for (let at = 0; at < dict.length; ) {
    const bar = dict.indexOf("|", at);
    const end = bar < 0 ? dict.length : bar;
    const from = dict.codePointAt(at)!;
    const space = at + (from > 0xffff ? 2 : 1);
    if (dict[space] === " ") {
      const to = dict.codePointAt(space + 1)!;
      const after = space + 1 + (to > 0xffff ? 2 : 1);
      if (after <= end && (after === end || dict[after] === " ")) map.set(from, to);
    }
    at = end + 1;
  }
  return map;
}

let table: Map<number, number> | undefined;

function build(): Map<number, number> {
  const ts = parse(TSCharacters);
  const out = new Map(ts);
  // Regional variants (為, 裡, 溫…) first become OpenCC's standard form, then Simplified.
  for (const variants of [TWVariantsRev, HKVariantsRev]) {
    for (const [from, standard] of parse(variants)) {
      if (out.has(from)) continue;
      out.set(from, ts.get(standard) ?? standard);
    }
  }
  return out;
}

/** The Simplified code point for a Traditional one, or the code point itself. */
export function toSimplified(codePoint: number): number {
  table ??= build();
  return table.get(codePoint) ?? codePoint;
}

// Traditional -> Simplified, one character at a time, from OpenCC's tables.
// Character-level conversion keeps a one-to-one offset map; phrase-level
// conversion would not, and matching only needs the characters to agree.
import TSCharacters from "opencc-js/dict/TSCharacters";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";
import HKVariantsRev from "opencc-js/dict/HKVariantsRev";

function parse(dict: string): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of dict.split("|")) {
    const [from, to] = entry.split(" ");
    if (!from || !to) continue;
    const src = [...from];
    const dst = [...to];
    if (src.length !== 1 || dst.length !== 1) continue;
    map.set(src[0]!.codePointAt(0)!, dst[0]!.codePointAt(0)!);
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

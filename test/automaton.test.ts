import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TermAutomaton, type TermHit } from "../src/engine/automaton.js";

/** Every occurrence of every term, found the slow and obvious way. */
function naiveScan(terms: readonly string[], text: string): TermHit[] {
  const hits: TermHit[] = [];
  terms.forEach((term, index) => {
    if (term.length === 0) return;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) hits.push({ term: index, start: at, end: at + term.length });
  });
  return sortHits(hits);
}

function sortHits(hits: TermHit[]): TermHit[] {
  return [...hits].sort((a, b) => a.end - b.end || a.start - b.start || a.term - b.term);
}

describe("TermAutomaton", () => {
  const table: Array<[string[], string, Array<[number, number, number]>]> = [
    [["最佳"], "这是最佳的", [[0, 2, 4]]],
    [["he", "she", "his", "hers"], "ushers", [[1, 1, 4], [0, 2, 4], [3, 2, 6]]],
    [["a", "aa", "aaa"], "aaa", [[0, 0, 1], [0, 1, 2], [1, 0, 2], [0, 2, 3], [1, 1, 3], [2, 0, 3]]],
    [["第一", "第一名", "一名"], "第一名", [[0, 0, 2], [1, 0, 3], [2, 1, 3]]],
    [["😀"], "a😀b", [[0, 1, 3]]],
    [["abc"], "ab", []],
    [[""], "abc", []],
    [[], "abc", []],
  ];

  it.each(table)("scan(%j, %j)", (terms, text, expected) => {
    const got = sortHits(new TermAutomaton(terms).scan(text));
    expect(got).toEqual(sortHits(expected.map(([term, start, end]) => ({ term, start, end }))));
  });

  it("keeps every occurrence, however many a text holds", () => {
    const hits = new TermAutomaton(["a", "aa"]).scan("a".repeat(200));
    expect(hits).toHaveLength(200 + 199);
    expect(hits.filter((h) => h.term === 1).map((h) => h.start)).toEqual(Array.from({ length: 199 }, (_, i) => i));
  });

  it("reports a term listed twice under both indexes", () => {
    const hits = new TermAutomaton(["最佳", "最佳"]).scan("最佳");
    expect(sortHits(hits)).toEqual([
      { term: 0, start: 0, end: 2 },
      { term: 1, start: 0, end: 2 },
    ]);
  });

  it("finds exactly what a naive indexOf scan finds (property)", () => {
    const alphabet = fc.constantFrom("a", "b", "c", "最", "佳");
    const term = fc.string({ unit: alphabet, minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 60 }), (terms, text) => {
        expect(sortHits(new TermAutomaton(terms).scan(text))).toEqual(naiveScan(terms, text));
      }),
      { numRuns: 3000, seed: Number(process.env.SEED ?? 20261130) },
    );
  });

  it("some() agrees with scan() and stops at the first occurrence that passes (property)", () => {
    const alphabet = fc.constantFrom("a", "b", "c", "最", "佳");
    const term = fc.string({ unit: alphabet, minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 60 }), fc.nat(7), (terms, text, wanted) => {
        const automaton = new TermAutomaton(terms);
        const hits = automaton.scan(text);
        let asked = 0;
        const found = automaton.some(text, (t) => {
          asked++;
          return t === wanted;
        });
        expect(found).toBe(hits.some((h) => h.term === wanted));
        // It asks about occurrences in scan order, and none after the one that passes.
        const first = hits.findIndex((h) => h.term === wanted);
        expect(asked).toBe(found ? first + 1 : hits.length);
      }),
      { numRuns: 2000, seed: Number(process.env.SEED ?? 20261130) },
    );
  });
});

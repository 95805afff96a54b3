// What every diagnostic must satisfy, whatever the input: its range lies in
// the file, its line and column agree with the range (counted out of the
// source here, independently of LineIndex), and a finding covers visible copy.
import { expect } from "vitest";
import type { Diagnostic } from "../../src/core/types.js";
import type { RuleSet } from "../../src/engine/rule-set.js";
import { fold, foldTerm } from "../../src/text/fold.js";

/**
 * 1-based line and column of an offset, counting \r\n, \n and \r as line
 * ends: the line ends are found once with a regular expression, apart from
 * LineIndex, so the two can check each other.
 */
export function positionCounter(source: string): (offset: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (const m of source.matchAll(/\r\n|\r|\n/g)) lineStarts.push(m.index + m[0].length);
  return (offset) => {
    // The last line start at or before the offset; an offset between \r and \n sits on the \r's line.
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
}

/** Asserts the invariants of every diagnostic of one lint of `source`. */
export function checkDiagnostics(source: string, messages: readonly Diagnostic[], rules?: RuleSet): void {
  const position = positionCounter(source);
  for (const m of messages) {
    const [start, end] = m.range;
    expect(Number.isInteger(start) && Number.isInteger(end), `range ${m.range} of ${m.ruleId}`).toBe(true);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(start).toBeLessThanOrEqual(end);
    expect(end).toBeLessThanOrEqual(source.length);
    expect({ line: m.line, column: m.column }).toEqual(position(start));
    expect({ line: m.endLine, column: m.endColumn }).toEqual(position(end));
    if (m.fatal) continue;
    expect(end, `empty range for ${m.ruleId}`).toBeGreaterThan(start);
    if (m.ruleId === null || m.ruleId.startsWith("adlint/")) continue;
    // The cut is copy: it folds to something visible.
    const cut = fold(source.slice(start, end)).text;
    expect(cut.trim(), `cut ${JSON.stringify(source.slice(start, end))} of ${m.ruleId}`).not.toBe("");
    // Where the source is its own copy (plain text), the cut reads as one of the rule's terms.
    const spec = rules?.rule(m.ruleId)?.spec;
    if (spec?.kind === "term" && rules)
      expect(spec.terms.some((t) => cut.replace(/\s+/g, "").includes(foldTerm(t.value).replace(/\s+/g, ""))), `cut ${JSON.stringify(cut)} of ${m.ruleId}`).toBe(true);
  }
}

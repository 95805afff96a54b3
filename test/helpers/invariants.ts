// What every diagnostic must satisfy, whatever the input: its range lies in
// the file, its line and column agree with the range (counted out of the
// source here, independently of LineIndex), and a finding covers visible copy.
import { expect } from "vitest";
import type { Diagnostic } from "../../src/core/types.js";
import type { RuleSet } from "../../src/engine/rule-set.js";
import { fold, foldTerm } from "../../src/text/fold.js";

/** 1-based line and column of `offset`, counting \r\n, \n and \r as line ends. */
export function countPosition(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = source[i];
    if (c === "\r" && source[i + 1] === "\n" && i + 1 < offset) i++;
    if (c === "\r" || c === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  // An offset between \r and \n sits on the \r's line.
  return { line, column: offset - lineStart + 1 };
}

/** Asserts the invariants of every diagnostic of one lint of `source`. */
export function checkDiagnostics(source: string, messages: readonly Diagnostic[], rules?: RuleSet): void {
  for (const m of messages) {
    const [start, end] = m.range;
    expect(Number.isInteger(start) && Number.isInteger(end), `range ${m.range} of ${m.ruleId}`).toBe(true);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(start).toBeLessThanOrEqual(end);
    expect(end).toBeLessThanOrEqual(source.length);
    expect({ line: m.line, column: m.column }).toEqual(countPosition(source, start));
    expect({ line: m.endLine, column: m.endColumn }).toEqual(countPosition(source, end));
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

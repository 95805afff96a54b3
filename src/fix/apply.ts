// Applies the safe fixes rules declare, as ESLint does: in source order, never
// two that overlap, never touching text outside a fix's own range.
import type { Diagnostic, Fix } from "../core/types.js";

export interface FixOutcome {
  output: string;
  /** The fixes applied, in source order. */
  applied: Fix[];
}

export function applyFixes(source: string, diagnostics: readonly Diagnostic[]): FixOutcome {
  const fixes = diagnostics
    .map((d) => d.fix)
    .filter((f): f is Fix => f !== undefined)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: Fix[] = [];
  let output = "";
  let at = 0;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    // A fix that overlaps one already taken waits for the next pass.
    if (start < at || end > source.length) continue;
    output += source.slice(at, start) + fix.text;
    at = end;
    applied.push(fix);
  }
  return { output: output + source.slice(at), applied };
}

// The annotations a run shows on the pull request. GitHub shows at most 10
// errors and 10 warnings of a step, so the ones on changed lines come first
// (errors, then warnings), and one notice says how many more the summary lists.
import type { Diagnostic } from "../core/types.js";
import { FILE_PROBLEM } from "../report/github.js";
import { touchesLines, type ChangedLines, type Located } from "./filter.js";

/** GitHub's limit per step and kind. */
export const MAX_PER_KIND = 10;

export interface Annotation {
  kind: "error" | "warning";
  message: string;
  file: string;
  line: number;
  endLine: number;
  /** Only for a finding on one line: GitHub takes columns for nothing else. */
  column?: number;
  endColumn?: number;
  title: string;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings not annotated: the summary lists them. */
  omitted: number;
}

function toAnnotation(path: string, m: Diagnostic): Annotation {
  const oneLine = m.line === m.endLine;
  return {
    kind: m.severity === 2 ? "error" : "warning",
    message: m.message,
    file: path,
    line: m.line,
    endLine: m.endLine,
    ...(oneLine ? { column: m.column, endColumn: m.endColumn } : {}),
    title: m.ruleId ?? FILE_PROBLEM,
  };
}

export function planAnnotations(results: Located[], changed: ChangedLines | undefined, limit = MAX_PER_KIND): AnnotationPlan {
  const all = results.flatMap(({ path, result }) =>
    result.messages.map((m) => ({ path, m, onChanged: !changed || m.fatal === true || touchesLines(m, changed.get(path)) })),
  );
  // Changed lines first, then by file and position; the sort is stable.
  all.sort(
    (a, b) =>
      Number(b.onChanged) - Number(a.onChanged) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.m.line - b.m.line || a.m.column - b.m.column,
  );
  const errors = all.filter((f) => f.m.severity === 2).slice(0, limit);
  const warnings = all.filter((f) => f.m.severity === 1).slice(0, limit);
  const shown = [...errors, ...warnings];
  return { annotations: shown.map((f) => toAnnotation(f.path, f.m)), omitted: all.length - shown.length };
}

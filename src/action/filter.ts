// Which findings a change is answerable for, as reviewdog's filter modes put it:
// `added` those on lines the change added, `diff_context` those within 3 lines
// of one, `file` those in files it touched, `nofilter` all of them.
import type { Diagnostic, LintResult } from "../core/types.js";
import type { FilterMode } from "./inputs.js";

/** Lines around a changed line that still count in diff_context mode. */
export const CONTEXT_LINES = 3;

/** Changed lines by repository-relative path; undefined when there is no base to compare with. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number>>;

/** Whether any line the finding covers is one the change added (or near one, with `context`). */
export function touchesLines(m: Diagnostic, lines: ReadonlySet<number> | undefined, context = 0): boolean {
  if (!lines || lines.size === 0) return false;
  for (let n = m.line - context; n <= m.endLine + context; n++) if (lines.has(n)) return true;
  return false;
}

export interface Located {
  /** Repository-relative path. */
  path: string;
  result: LintResult;
}

/**
 * The findings `mode` keeps. With no changed lines (no base to compare with)
 * every finding is kept. A problem with the file itself is kept in every mode
 * for a file the change touched.
 */
export function keepFinding(mode: FilterMode, path: string, m: Diagnostic, changed: ChangedLines | undefined): boolean {
  if (!changed || mode === "nofilter") return true;
  const lines = changed.get(path);
  if (!lines) return false;
  if (mode === "file" || m.fatal) return true;
  return touchesLines(m, lines, mode === "diff_context" ? CONTEXT_LINES : 0);
}

export function filterResults(results: Located[], mode: FilterMode, changed: ChangedLines | undefined): Located[] {
  return results.map(({ path, result }) => {
    const messages = result.messages.filter((m) => keepFinding(mode, path, m, changed));
    if (messages.length === result.messages.length) return { path, result };
    const count = (s: number, fixable: boolean) => messages.filter((m) => m.severity === s && (!fixable || m.fix)).length;
    return {
      path,
      result: { ...result, messages, errorCount: count(2, false), warningCount: count(1, false), fixableErrorCount: count(2, true), fixableWarningCount: count(1, true) },
    };
  });
}

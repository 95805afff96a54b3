// ESLint's JSON report: [{filePath, messages, errorCount, warningCount, …}].
import type { LintResult } from "../core/types.js";

export function json(results: LintResult[]): string {
  return JSON.stringify(
    results.map(({ source: _source, ...result }) => result),
  );
}

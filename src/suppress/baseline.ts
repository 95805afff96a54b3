// A baseline of known findings, as ESLint's suppressions file keeps them: for
// each file (relative to the baseline's folder) and rule, how many findings
// are accepted for now. Linting with a baseline reports a file's findings of
// a rule only beyond that count; updating it records the counts found, so
// counts fall as findings are fixed and entries at 0 disappear.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { AdlintError } from "../core/errors.js";
import type { LintResult } from "../core/types.js";

/** file -> rule id -> { count }. */
export type Baseline = Record<string, Record<string, { count: number }>>;

/** The key a file has in a baseline kept in `dir`. */
export function baselineKey(file: string, dir: string): string {
  const rel = relative(dir, file);
  return (rel && !isAbsolute(rel) ? rel : file).split(sep).join("/");
}

export function readBaseline(file: string): Baseline {
  if (!existsSync(file)) return {};
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new AdlintError(`the baseline is not valid JSON (${(e as Error).message})`, { file, line: 1, column: 1 });
  }
  const bad = () => new AdlintError('a baseline maps files to rules to {"count": N}', { file, line: 1, column: 1 });
  if (!data || typeof data !== "object" || Array.isArray(data)) throw bad();
  for (const rules of Object.values(data)) {
    if (!rules || typeof rules !== "object" || Array.isArray(rules)) throw bad();
    for (const entry of Object.values(rules as object))
      if (!entry || typeof entry !== "object" || !Number.isInteger((entry as { count: unknown }).count)) throw bad();
  }
  return data as Baseline;
}

/** The counts of rule findings in `results`; problems with a file itself are never baselined. */
export function countFindings(results: LintResult[], dir: string): Baseline {
  const out: Baseline = {};
  for (const result of results)
    for (const m of result.messages) {
      if (m.ruleId === null || m.fatal) continue;
      const rules = (out[baselineKey(result.filePath, dir)] ??= {});
      (rules[m.ruleId] ??= { count: 0 }).count++;
    }
  return out;
}

/**
 * The results less what the baseline accepts. A file with more findings of a
 * rule than its count keeps the excess: its last ones in source order, since the
 * earlier ones are the likelier to be the known ones.
 */
export function applyBaseline(results: LintResult[], baseline: Baseline, dir: string): LintResult[] {
  return results.map((result) => {
    const accepted = baseline[baselineKey(result.filePath, dir)];
    if (!accepted) return result;
    const byRule = new Map<string, number>();
    for (const m of result.messages) if (m.ruleId !== null && !m.fatal) byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1);
    const toDrop = new Map([...byRule].map(([id, n]) => [id, Math.min(n, accepted[id]?.count ?? 0)]));
    const messages = result.messages.filter((m) => {
      if (m.ruleId === null || m.fatal) return true;
      const left = toDrop.get(m.ruleId) ?? 0;
      if (left <= 0) return true;
      toDrop.set(m.ruleId, left - 1);
      return false;
    });
    if (messages.length === result.messages.length) return result;
    const count = (severity: number, fixable: boolean) =>
      messages.filter((m) => m.severity === severity && (!fixable || m.fix !== undefined)).length;
    return {
      ...result,
      messages,
      errorCount: count(2, false),
      warningCount: count(1, false),
      fixableErrorCount: count(2, true),
      fixableWarningCount: count(1, true),
    };
  });
}

/**
 * The baseline after a run: the counts found for the files linted; entries of
 * files not linted this time are kept while the file still exists.
 */
export function updateBaseline(previous: Baseline, results: LintResult[], dir: string): Baseline {
  const linted = new Set(results.map((r) => baselineKey(r.filePath, dir)));
  const next: Baseline = countFindings(results, dir);
  for (const [file, rules] of Object.entries(previous))
    if (!linted.has(file) && !next[file] && existsSync(isAbsolute(file) ? file : join(dir, file))) {
      const kept = Object.fromEntries(Object.entries(rules).filter(([, e]) => e.count > 0));
      if (Object.keys(kept).length) next[file] = kept;
    }
  return next;
}

/** Sorted keys, two-space indent, a final newline: the same counts always give the same bytes. */
export function serializeBaseline(baseline: Baseline): string {
  const sorted = (keys: string[]) => keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Baseline = {};
  for (const file of sorted(Object.keys(baseline))) {
    const rules = baseline[file]!;
    const kept = sorted(Object.keys(rules)).filter((id) => rules[id]!.count > 0);
    if (kept.length) out[file] = Object.fromEntries(kept.map((id) => [id, { count: rules[id]!.count }]));
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function writeBaseline(file: string, baseline: Baseline): void {
  writeFileSync(file, serializeBaseline(baseline));
}

/** The folder a baseline's paths are relative to. */
export const baselineDir = (file: string, cwd = process.cwd()): string => dirname(resolve(cwd, file));

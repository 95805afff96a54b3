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

type Counts = Record<string, { count: number }>;

/** The counts of a file's rule findings; problems with a file itself are never baselined. */
function countsOf(result: LintResult): Counts {
  const out: Counts = {};
  for (const m of result.messages) if (m.ruleId !== null && !m.fatal) (out[m.ruleId] ??= { count: 0 }).count++;
  return out;
}

/**
 * The result less what `accepted` accepts. A file with more findings of a rule
 * than its count keeps the excess: its last ones in source order, since the
 * earlier ones are the likelier to be the known ones.
 */
function lessAccepted(result: LintResult, accepted: Counts | undefined): LintResult {
  if (!accepted) return result;
  const toDrop = new Map(Object.entries(countsOf(result)).map(([id, { count }]) => [id, Math.min(count, accepted[id]?.count ?? 0)]));
  const messages = result.messages.filter((m) => {
    if (m.ruleId === null || m.fatal) return true;
    const left = toDrop.get(m.ruleId) ?? 0;
    if (left <= 0) return true;
    toDrop.set(m.ruleId, left - 1);
    return false;
  });
  if (messages.length === result.messages.length) return result;
  const count = (severity: number, fixable: boolean) => messages.filter((m) => m.severity === severity && (!fixable || m.fix !== undefined)).length;
  return {
    ...result,
    messages,
    errorCount: count(2, false),
    warningCount: count(1, false),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
  };
}

/**
 * A baseline applied to results one file at a time, as a run hands them on.
 * Updating, each file's own counts become its entry, so what it found is
 * accepted, and `next` is the baseline to write once the run is done.
 */
export class BaselineFilter {
  private readonly found: Baseline = {};
  private readonly linted = new Set<string>();

  constructor(
    private readonly previous: Baseline,
    private readonly dir: string,
    private readonly update = false,
  ) {}

  apply(result: LintResult): LintResult {
    const key = baselineKey(result.filePath, this.dir);
    if (!this.update) return lessAccepted(result, this.previous[key]);
    const counts = countsOf(result);
    this.linted.add(key);
    if (Object.keys(counts).length) this.found[key] = counts;
    return lessAccepted(result, counts);
  }

  /**
   * The baseline after the run: the counts found for the files linted; entries of
   * files not linted this time are kept while the file still exists.
   */
  next(): Baseline {
    const next: Baseline = { ...this.found };
    for (const [file, rules] of Object.entries(this.previous))
      if (!this.linted.has(file) && !next[file] && existsSync(isAbsolute(file) ? file : join(this.dir, file))) {
        const kept = Object.fromEntries(Object.entries(rules).filter(([, e]) => e.count > 0));
        if (Object.keys(kept).length) next[file] = kept;
      }
    return next;
  }
}

/** The results less what the baseline accepts (see BaselineFilter). */
export function applyBaseline(results: LintResult[], baseline: Baseline, dir: string): LintResult[] {
  const filter = new BaselineFilter(baseline, dir);
  return results.map((result) => filter.apply(result));
}

/** The baseline after a run over `results` (see BaselineFilter.next). */
export function updateBaseline(previous: Baseline, results: LintResult[], dir: string): Baseline {
  const filter = new BaselineFilter(previous, dir, true);
  for (const result of results) filter.apply(result);
  return filter.next();
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

// Splits a project's files across the jobs of a CI matrix. A file's shard
// depends only on its path relative to the project root, hashed with 32-bit
// FNV-1a, so the same file lands in the same shard on every run and machine,
// wherever the checkout is. The shards' JSON reports are then merged into one.
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { AdlintError } from "../core/errors.js";
import { fnv1a } from "../core/hash.js";
import type { LintResult } from "../core/types.js";
import { isInside } from "./paths.js";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `i/n` as written on the command line, 1 <= i <= n. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new AdlintError(`--shard takes i/n with 1 <= i <= n, not "${text}"`);
  return { index, count };
}

/** The shard (1-based) a repository-relative path belongs to. */
export function shardOf(relativePath: string, count: number): number {
  return (fnv1a(relativePath.split(sep).join("/")) % count) + 1;
}

/** Whether `file` (absolute) is in `shard`, judged by its path relative to `root`. */
export function inShard(file: string, root: string, shard: Shard): boolean {
  const rel = relative(root, file);
  const key = isInside(rel) ? rel : file;
  return shardOf(key, shard.count) === shard.index;
}

/** A JSON report (`--format json`): ESLint's array of results. */
export function readReport(file: string): LintResult[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new AdlintError(`cannot read the JSON report (${why})`, { file, line: 1, column: 1 });
  }
  if (!Array.isArray(data) || data.some((r) => !r || typeof r !== "object" || typeof r.filePath !== "string" || !Array.isArray(r.messages)))
    throw new AdlintError("not an adlint JSON report (an array of {filePath, messages, …})", { file, line: 1, column: 1 });
  return data as LintResult[];
}

/**
 * The reports of several jobs as one: results sorted by path; a file reported by
 * more than one job gets the union of its messages, each once, in source order.
 */
export function mergeResults(reports: LintResult[][]): LintResult[] {
  const byFile = new Map<string, LintResult>();
  for (const report of reports)
    for (const result of report) {
      const seen = byFile.get(result.filePath);
      if (!seen) {
        byFile.set(result.filePath, { ...result, messages: [...result.messages] });
        continue;
      }
      const keys = new Set(seen.messages.map((m) => JSON.stringify(m)));
      for (const m of result.messages) if (!keys.has(JSON.stringify(m))) seen.messages.push(m);
    }
  const merged = [...byFile.values()].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  for (const r of merged) {
    r.messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? "").localeCompare(b.ruleId ?? ""));
    r.errorCount = r.messages.filter((m) => m.severity === 2).length;
    r.warningCount = r.messages.filter((m) => m.severity === 1).length;
    r.fixableErrorCount = r.messages.filter((m) => m.severity === 2 && m.fix).length;
    r.fixableWarningCount = r.messages.filter((m) => m.severity === 1 && m.fix).length;
  }
  return merged;
}

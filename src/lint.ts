// The library entry points: lint files by path or glob, or lint a string.
// The CLI, the editor server and the GitHub Action are thin shells over these.
import { relative, resolve } from "node:path";
import type { CacheWriteProblem, LintCache } from "./cache/lint-cache.js";
import type { Channel, LintResult } from "./core/types.js";
import { toResult } from "./engine/linter.js";
import { findFiles } from "./files/find.js";
import { isInside } from "./files/paths.js";
import { DEFAULT_MAX_FILE_SIZE, readProblemDiagnostic, statStamp, type ReadProblem } from "./files/read.js";
import { runJob, type FileJob, type FileOutcome } from "./lint-job.js";
import { InOrder } from "./parallel/in-order.js";
import { threadCount, type Concurrency } from "./parallel/threads.js";
import { openProject, type Project, type ProjectOptions } from "./project.js";
import type { Format } from "./sources/document.js";
import { formatOf } from "./sources/index.js";

export interface RunOptions {
  /** Where relative paths start; default process.cwd(). */
  cwd?: string;
  /** Apply the safe fixes rules declare; each result then carries the fixed text as `output`. */
  fix?: boolean;
  /** Keep only the files (absolute paths) this returns true for: a shard, the files a change touched. */
  select?: (file: string) => boolean;
  /** Files larger than this many bytes are skipped with a warning; default the config's `maxFileSize` (5 MB). */
  maxFileSize?: number;
  /** Lint in worker threads: `auto` (a worker per core, none for few files), a number of workers, or `off` (default). */
  concurrency?: Concurrency;
  /** Reuse the results of files whose text has not changed since the last run with the same adlint, config and packs. */
  cache?: boolean;
  /** The cache file, or a folder for it; default node_modules/.cache/adlint/ under cwd. */
  cacheLocation?: string;
  /** Told what went wrong that does not change the results, such as a cache that could not be written. */
  warn?: (problem: RunProblem) => void;
}

export type RunProblem = { kind: "cache-not-written" } & CacheWriteProblem;

export type LintOptions = ProjectOptions & RunOptions;

/** How a file gets read and linted: here, or by a worker. */
type LintStep = (job: FileJob) => FileOutcome | Promise<FileOutcome>;

async function lintOneFile(project: Project, file: string, options: RunOptions, step: LintStep, cache?: LintCache): Promise<LintResult> {
  const problem = (found: ReadProblem) => {
    const shown = relative(options.cwd ?? process.cwd(), file);
    const named = isInside(shown) ? shown : file;
    return toResult(file, [readProblemDiagnostic(found, named, project.locale)]);
  };
  const maxFileSize = options.maxFileSize ?? project.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const fix = options.fix ?? false;
  // A file with the stamp it had when it was cached is not even read; with --fix, every file is.
  const unmoved =
    cache && !fix
      ? cache.lookupStamp(file, () => {
          const now = statStamp(file);
          return now && now[0] <= maxFileSize ? now : undefined;
        })
      : undefined;
  if (unmoved) return toResult(file, unmoved);
  const source = { format: formatOf(file) ?? "text", path: file, ...project.sourceOptions(file) } as const;
  // The same bytes decode to the same text: a file whose bytes the cache knows is not even decoded.
  const known = cache?.hashOf(file, fix);
  const outcome = await step({ file, source, fix, maxFileSize, hash: cache !== undefined, ...(known !== undefined ? { known } : {}) });
  if ("problem" in outcome) return problem(outcome.problem);
  const cached = cache && outcome.hash !== undefined ? cache.lookup(file, outcome.hash, outcome.stamp) : undefined;
  if ("unchanged" in outcome) {
    if (!cached) throw new Error(`the cache has no entry for ${file}, whose hash it gave`);
    return toResult(file, cached);
  }
  const { linted, encoding, bom } = outcome;
  if (cache && outcome.hash !== undefined && linted.output === undefined) cache.store(file, outcome.hash, linted.messages, outcome.stamp);
  const result = toResult(file, linted.messages);
  if (linted.output !== undefined) Object.assign(result, { output: linted.output, encoding, bom });
  return result;
}

export async function lintFile(project: Project, file: string, options: RunOptions = {}): Promise<LintResult> {
  return lintOneFile(project, file, options, (job) => runJob(project, job));
}

/** Lints the files that paths and globs name; results sorted by path. */
export async function lint(patterns: string[], options: LintOptions = {}): Promise<LintResult[]> {
  const project = openProject(options);
  return lintWithProject(project, patterns, options);
}

export async function lintWithProject(project: Project, patterns: string[], options: RunOptions = {}): Promise<LintResult[]> {
  const results: LintResult[] = [];
  await lintEach(project, patterns, options, (result) => {
    results.push(result);
  });
  return results;
}

/**
 * Lints the files that paths and globs name, and hands each result to `each` in
 * path order as soon as it and every result before it are done, waiting for
 * `each` before the next. Nothing is kept once handed over, so memory follows
 * the files in flight, not the files in the run.
 */
export async function lintEach(
  project: Project,
  patterns: string[],
  options: RunOptions,
  each: (result: LintResult) => void | Promise<void>,
): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  const found = await findFiles(patterns.length ? patterns : ["."], {
    cwd,
    ignore: project.config.ignore,
    content: project.config.content,
    root: project.config.root,
  });
  const files = found.filter((file) => options.select?.(file) ?? true);
  // The cache and the worker threads are loaded only by the runs that use them: node:v8 and node:worker_threads take 3-5 ms each to start.
  const cache = options.cache ? await loadCache(project, cwd, options.cacheLocation) : undefined;
  const threads = project.origin ? threadCount(options.concurrency ?? "off", files.length) : 1;
  const lintHere = (job: FileJob) => runJob(project, job);
  const pool = threads > 1 ? new (await import("./parallel/pool.js")).LintPool(threads - 1, project.origin!, lintHere) : undefined;
  const step: LintStep = pool ? (job) => pool.run(job) : lintHere;
  // Reads in flight keep the disk busy, and every thread fed with batches, while files are linted.
  const inFlight = threads > 1 ? threads * 32 : 8;
  const order = new InOrder<LintResult>(each, inFlight * 8);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length && !order.failed; i = next++) {
      await order.room(i);
      order.done(i, await lintOneFile(project, files[i]!, options, step, cache));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, worker));
    await order.drained();
  } finally {
    await pool?.close();
  }
  const problem = cache?.save();
  if (problem) options.warn?.({ kind: "cache-not-written", ...problem });
}

async function loadCache(project: Project, cwd: string, location: string | undefined): Promise<LintCache> {
  const { LintCache, projectKey, resolveCacheFile } = await import("./cache/lint-cache.js");
  return LintCache.load(resolveCacheFile(location, cwd), projectKey(project, undefined, { today: project.linter.today }));
}

export interface LintTextOptions extends LintOptions {
  /** Used for the format (by extension) and channel globs. */
  filePath?: string;
  format?: Format;
  channel?: Channel;
  category?: string;
  /** Reuse a project opened once, instead of loading packs for each call. */
  project?: Project;
}

/** Lints a string as if it were the file `filePath`. */
export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  const project = options.project ?? openProject(options);
  const filePath = options.filePath ? resolve(options.cwd ?? process.cwd(), options.filePath) : "<text>";
  const format = options.format ?? (options.filePath ? formatOf(options.filePath) : undefined) ?? "text";
  const fromConfig = options.filePath ? project.sourceOptions(filePath) : {};
  const messages = project.linter.lintSource(text, {
    format,
    path: filePath,
    ...fromConfig,
    ...(options.channel !== undefined ? { channel: options.channel } : {}),
    ...(options.category !== undefined ? { category: options.category } : {}),
  });
  return toResult(filePath, messages, text);
}

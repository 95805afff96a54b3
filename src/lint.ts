// The library entry points: lint files by path or glob, or lint a string.
// The CLI, the editor server and the GitHub Action are thin shells over these.
import { isAbsolute, relative, resolve } from "node:path";
import type { Channel, LintResult } from "./core/types.js";
import { toResult } from "./engine/linter.js";
import { applyFixes } from "./fix/apply.js";
import { findFiles } from "./files/find.js";
import { readCopy, readProblemDiagnostic } from "./files/read.js";
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
}

export type LintOptions = ProjectOptions & RunOptions;

/** ESLint's limit: fixes can make new problems, so fixing repeats, but not forever. */
const MAX_FIX_PASSES = 10;

export async function lintFile(project: Project, file: string, options: RunOptions = {}): Promise<LintResult> {
  const read = await readCopy(file, options.maxFileSize ?? project.config.maxFileSize);
  if ("problem" in read) {
    const shown = relative(options.cwd ?? process.cwd(), file);
    const named = shown && !shown.startsWith("..") && !isAbsolute(shown) ? shown : file;
    return toResult(file, [readProblemDiagnostic(read.problem, named, project.locale)]);
  }
  const decoded = read.decoded;
  const text = decoded.text;
  const source = { format: formatOf(file) ?? "text", path: file, ...project.sourceOptions(file) } as const;
  let messages = project.linter.lintSource(text, source);
  if (!options.fix) return toResult(file, messages, text);
  let output = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { output: fixed, applied } = applyFixes(output, messages);
    if (applied.length === 0) break;
    output = fixed;
    messages = project.linter.lintSource(output, source);
  }
  const result = toResult(file, messages, output);
  if (output !== text) {
    result.output = output;
    result.encoding = decoded.encoding;
    result.bom = decoded.bom;
  }
  return result;
}

/** Lints the files that paths and globs name; results sorted by path. */
export async function lint(patterns: string[], options: LintOptions = {}): Promise<LintResult[]> {
  const project = openProject(options);
  return lintWithProject(project, patterns, options);
}

export async function lintWithProject(project: Project, patterns: string[], options: RunOptions = {}): Promise<LintResult[]> {
  const files = findFiles(patterns.length ? patterns : ["."], {
    cwd: options.cwd ?? process.cwd(),
    ignore: project.config.ignore,
    content: project.config.content,
    root: project.config.root,
  }).filter((file) => options.select?.(file) ?? true);
  // A few reads in flight keep the disk busy while the previous file is linted.
  const results: LintResult[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) results[i] = await lintFile(project, files[i]!, options);
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  return results;
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

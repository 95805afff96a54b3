// The part of linting a file that any thread can do: read it, hash its bytes
// for the cache, and, unless they hash to what the cache already holds or
// show that the file is clean, decode and lint them. A worker does this
// whole, so the thread that hands out files neither reads nor decodes them.
import { contentHash } from "./core/hash.js";
import type { SourceOptions } from "./engine/linter.js";
import { hasUtf8Bom, type Encoding } from "./files/decode.js";
import { decodeCopy, readBytes, type FileStamp, type ReadProblem } from "./files/read.js";
import { lintCopy, type LintedCopy } from "./lint-copy.js";
import type { Project } from "./project.js";

export interface FileJob {
  file: string;
  source: SourceOptions;
  fix: boolean;
  /** A file larger than this many bytes is not read. */
  maxFileSize: number;
  /** Whether to hash the bytes, for the cache. */
  hash: boolean;
  /** The hash the cache holds for the file: bytes that hash to it are neither decoded nor linted. */
  known?: string;
}

export type FileOutcome =
  | { problem: ReadProblem }
  | { stamp: FileStamp; hash: string; unchanged: true }
  | { stamp: FileStamp; hash?: string; linted: LintedCopy; encoding: Encoding; bom: boolean };

export function runJob(project: Project, job: FileJob): FileOutcome {
  const read = readBytes(job.file, job.maxFileSize);
  if ("problem" in read) return read;
  const hash = job.hash ? contentHash(read.bytes) : undefined;
  if (hash !== undefined && hash === job.known) return { stamp: read.stamp, hash, unchanged: true };
  const stamped = { stamp: read.stamp, ...(hash !== undefined ? { hash } : {}) };
  // Most copy is clean, and most clean copy shows it in its bytes.
  const look = project.linter.lookAtBytes(read.bytes, job.source);
  if (look === "clean") return { ...stamped, linted: { messages: [] }, encoding: "utf-8", bom: hasUtf8Bom(read.bytes) };
  const copy = decodeCopy(read.bytes);
  if ("problem" in copy) return copy;
  const { text, encoding, bom } = copy.decoded;
  return { ...stamped, linted: lintCopy(project, text, job.source, job.fix, look), encoding, bom };
}

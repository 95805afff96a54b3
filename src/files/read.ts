// Reads a file to lint, or says why it is not read. It looks before it reads:
// something that is not a regular file (a FIFO, a device, a link that loops)
// is opened without blocking and never read, and a file over the size limit
// is never read whole. A file
// that is skipped is a warning, as ESLint warns about a file it ignores; a file
// meant to be copy that cannot be decoded is an error, so it cannot slip past.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import type { Diagnostic, Locale } from "../core/types.js";
import { decode, DecodeError, type Decoded } from "./decode.js";

/** Windows has no O_NONBLOCK, and no FIFOs among files to lint. */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** 5 MB: far more than any page of copy, far less than a video someone named .txt. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export type ReadProblem =
  | { kind: "too-large"; size: number; limit: number }
  | { kind: "not-a-file" }
  | { kind: "link-loop" }
  | { kind: "unreadable"; code: string }
  | { kind: "binary" }
  | { kind: "undecodable"; problem: Exclude<DecodeError["problem"], "binary"> };

export type ReadResult = { decoded: Decoded } | { problem: ReadProblem };

export type BytesResult = { bytes: Buffer; stamp: FileStamp } | { problem: ReadProblem };

/**
 * What tells that a file is not the one it was, without reading it, as git's
 * index tells it: its size, its modification and change times, and its inode.
 * A checkout writes files anew, so in CI the stamps all differ, and the file's
 * content decides.
 */
export type FileStamp = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

const stampOf = (info: Stats): FileStamp => [info.size, info.mtimeMs, info.ctimeMs, info.ino];

/** The stamp of a regular file; none for anything else, or a path that cannot be looked at. */
export function statStamp(file: string): FileStamp | undefined {
  try {
    const info = statSync(file, { throwIfNoEntry: false });
    return info?.isFile() ? stampOf(info) : undefined;
  } catch {
    return undefined; // reading the file says what is wrong with it
  }
}

/** A file's bytes, read no further than `maxFileSize`; a problem for what is not a readable file of copy. */
export function readBytes(file: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): BytesResult {
  // Synchronous calls: a copy file is small and local, and a promise per call costs more than the read.
  try {
    // Opening never blocks, even on a FIFO; what was opened is then checked through the handle.
    const fd = openSync(file, constants.O_RDONLY | NONBLOCK);
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) return { problem: { kind: "not-a-file" } };
      if (info.size > maxFileSize) return { problem: { kind: "too-large", size: info.size, limit: maxFileSize } };
      // Read through the handle that was checked, as large as it was then: a file that grows meanwhile is read as it
      // was, with no call to find its end. Not zeroed: only the bytes read are kept.
      const buffer = Buffer.allocUnsafe(info.size);
      let length = 0;
      for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, length);
      return { bytes: buffer.subarray(0, length), stamp: stampOf(info) };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    return { problem: code === "ELOOP" ? { kind: "link-loop" } : { kind: "unreadable", code } };
  }
}

/** The text of a file's bytes, or why they are not text. */
export function decodeCopy(bytes: Uint8Array): ReadResult {
  try {
    return { decoded: decode(bytes) };
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    return { problem: e.problem === "binary" ? { kind: "binary" } : { kind: "undecodable", problem: e.problem } };
  }
}

/** `5 MB`, `120 KB`, `12 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** Reads `5MB`, `512 KB`, `1048576` (bytes) as a number of bytes; undefined when it is not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|bytes?|kb?|mb?|gb?)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? "b").toLowerCase()[0]!;
  const bytes = Math.floor(Number(m[1]) * ({ b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[unit]!);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

const UNDECODABLE = {
  "unknown-encoding": { zh: "编码既不是 UTF-8、带 BOM 的 UTF-16，也不是 GB18030/GBK", en: "it is neither UTF-8, UTF-16 with a BOM, nor GB18030/GBK" },
  "bad-utf16": { zh: "文件以 UTF-16 字节序标记开头，但内容不是有效的 UTF-16", en: "it starts with a UTF-16 byte order mark, but what follows is not UTF-16" },
} as const;

/** What the report says about a file that was not linted; `file` is the path as the report shows it. */
export function readProblemMessage(problem: ReadProblem, file: string, locale: Locale): string {
  const zh = locale === "zh";
  switch (problem.kind) {
    case "too-large":
      return zh
        ? `已跳过：文件大小 ${formatSize(problem.size)}，超过上限 ${formatSize(problem.limit)}（maxFileSize / --max-file-size）`
        : `file skipped: it is ${formatSize(problem.size)}, over the ${formatSize(problem.limit)} limit (maxFileSize / --max-file-size)`;
    case "binary":
      return zh ? "已跳过：这是二进制文件（含 NUL 字节）" : "file skipped: it is a binary file (it contains NUL bytes)";
    case "not-a-file":
      return zh ? `已跳过：${file} 不是普通文件` : `file skipped: ${file} is not a regular file`;
    case "link-loop":
      return zh ? `已跳过：${file} 是循环的符号链接` : `file skipped: ${file} is a symbolic link that loops`;
    case "unreadable":
      return zh ? `已跳过：无法读取 ${file}（${problem.code}）` : `file skipped: cannot read ${file} (${problem.code})`;
    case "undecodable":
      return zh ? `无法解码文件：${UNDECODABLE[problem.problem].zh}` : `cannot decode the file: ${UNDECODABLE[problem.problem].en}`;
  }
}

/** The problem as a diagnostic on the file: an error when copy could not be checked, a warning when the file was skipped. */
export function readProblemDiagnostic(problem: ReadProblem, file: string, locale: Locale): Diagnostic {
  const undecodable = problem.kind === "undecodable";
  return {
    ruleId: null,
    severity: undecodable ? 2 : 1,
    ...(undecodable ? { fatal: true } : {}),
    message: readProblemMessage(problem, file, locale),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    range: [0, 0],
  };
}

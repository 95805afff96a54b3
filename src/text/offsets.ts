// One position model: UTF-16 offsets into the decoded source, end exclusive.
// Lines and columns (1-based, as ESLint reports them) are derived here only.
import type { MappedText } from "../core/types.js";

/** Maps a half-open range of `outer.text` through `outer` and then `inner`. */
export function mapRange(outer: MappedText, inner: MappedText, start: number, end: number): [number, number] {
  const innerStart = outer.starts[start]!;
  const innerEnd = outer.ends[Math.max(start, end - 1)]!;
  return [inner.starts[innerStart]!, inner.ends[Math.max(innerStart, innerEnd - 1)]!];
}

/** A text whose every code unit maps to `offset + i` of its source. */
export function identityMap(text: string, offset = 0): MappedText {
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    starts[i] = offset + i;
    ends[i] = offset + i + 1;
  }
  return { text, starts, ends };
}

export interface Position {
  line: number;
  column: number;
}

/** Converts source offsets to 1-based lines and columns; \r\n, \n and \r end a line. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(source: string) {
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 0x0d) {
        if (source.charCodeAt(i + 1) === 0x0a) i++;
        this.lineStarts.push(i + 1);
      } else if (c === 0x0a) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  /** The offset of a 1-based line's first character. */
  lineStart(line: number): number {
    return this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1]!;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

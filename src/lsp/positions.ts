// Converts adlint positions (1-based lines and columns, UTF-16 offsets) to LSP
// positions (0-based line, UTF-16 character). adlint and LSP agree that \r\n,
// \n and \r end a line and that columns count UTF-16 code units, so the
// conversion is a shift by one; offsets go through adlint's own LineIndex.
import type { Position, Range } from "vscode-languageserver/node";
import type { Diagnostic } from "../core/types.js";
import { LineIndex } from "../text/offsets.js";

/** A 1-based adlint line and column as an LSP position. */
export function toPosition(line: number, column: number): Position {
  return { line: Math.max(0, line - 1), character: Math.max(0, column - 1) };
}

/** The LSP range of a diagnostic. */
export function diagnosticRange(d: Pick<Diagnostic, "line" | "column" | "endLine" | "endColumn">): Range {
  return { start: toPosition(d.line, d.column), end: toPosition(d.endLine, d.endColumn) };
}

/** Source offsets to LSP ranges, for one text. */
export class OffsetConverter {
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  position(offset: number): Position {
    const at = this.lines.position(Math.min(Math.max(offset, 0), this.text.length));
    return toPosition(at.line, at.column);
  }

  range([start, end]: readonly [number, number]): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The offset of an LSP position; a character past the line's end clamps to it. */
  offset(position: Position): number {
    const start = this.lines.lineStart(position.line + 1);
    if (position.line + 1 > this.lines.lineCount) return this.text.length;
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  /** The offset where a 0-based line's text ends, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lines.lineCount) return this.text.length;
    let end = this.lines.lineStart(line + 2);
    if (this.text.charCodeAt(end - 1) === 0x0a) end--;
    if (this.text.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }

  /** The offset where a 0-based line starts. */
  lineStart(line: number): number {
    return this.lines.lineStart(line + 1);
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }
}

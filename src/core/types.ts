// The domain types shared by every stage of the pipeline:
// files -> segments -> folded text -> matches -> diagnostics -> reports.

/** Where a document is published; rules may be limited to some channels. */
export type Channel = string;

/** 0 off, 1 warning, 2 error, as ESLint numbers them. */
export type Severity = 0 | 1 | 2;
export type Level = "off" | "warn" | "error";

export const severityOf: Record<Level, Severity> = { off: 0, warn: 1, error: 2 };

/**
 * A text with, for each of its UTF-16 code units, the half-open range of the
 * underlying text it came from. Segments map into the decoded source; folded
 * text maps into its segment. Ranges compose, so any match maps back to source.
 */
export interface MappedText {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** What kind of copy a segment is; formats add their own kinds. */
export type SegmentKind =
  | "paragraph"
  | "heading"
  | "table-cell"
  | "alt"
  | "line"
  | (string & {});

/** A run of copy with its origin: every character maps to source offsets. */
export interface Segment extends MappedText {
  readonly kind: SegmentKind;
  /** Who says it, in a livestream script (主播, 助播, 画外音…). */
  readonly speaker?: string;
  /** When it is shown, for a subtitle cue: its start time as written (00:01:02,500). */
  readonly cueStart?: string;
}

/** Metadata a document declares about itself (front matter and the like). */
export interface DocumentMeta {
  channel?: Channel;
  category?: string;
}

export interface Fix {
  /** Source offsets, UTF-16, end exclusive. */
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: Fix;
}

/** A finding, positioned in the original source: 1-based, UTF-16, end exclusive. */
export interface Diagnostic {
  ruleId: string | null;
  severity: Severity;
  message: string;
  law?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Source offsets of the finding, UTF-16, end exclusive. */
  range: [number, number];
  fix?: Fix;
  suggestions?: Suggestion[];
  /** A file that could not be read or parsed. */
  fatal?: boolean;
  /** The start time of the subtitle cue the finding is in. */
  cueStart?: string;
}

export interface LintResult {
  filePath: string;
  messages: Diagnostic[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The decoded source, kept so formatters can show context. */
  source?: string;
  /** The text after fixes, when fixing changed it (ESLint's `output`). */
  output?: string;
  /** How the file was encoded, so fixes are written back the same way. */
  encoding?: "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
  /** The file started with a byte order mark. */
  bom?: boolean;
}

export type Locale = "zh" | "en";

// What a format adapter makes of a file: its copy as segments, the inline
// directives it carries, and what it says about itself.
import type { DocumentMeta, Segment } from "../core/types.js";
import type { Directive } from "../suppress/directives.js";

export interface ParsedDocument {
  /** The decoded source; every offset below points into it. */
  source: string;
  segments: Segment[];
  directives: Directive[];
  meta: DocumentMeta;
  /** Where the file stops making sense to its parser; it is reported as a fatal problem. */
  parseError?: { message: string; offset: number };
}

export type Format = "markdown" | "text" | "html" | "script" | "yaml" | "json" | "subtitles";

// Plain text: every non-blank line is copy. A livestream script's lines may
// start with a speaker label, which is not.
import type { Segment } from "../core/types.js";
import type { ParsedDocument } from "./document.js";
import { rawSegment } from "./segment-builder.js";

export function parseText(source: string): ParsedDocument {
  const segments: Segment[] = [];
  const line = /[^\r\n]+/g;
  for (const m of source.matchAll(line)) {
    const segment = rawSegment("line", m[0], m.index);
    if (segment) segments.push(segment);
  }
  return { source, segments, directives: [], meta: {} };
}

// Assembles a segment from pieces of source: each piece brings its own text
// and the source range of each of its code units.
import type { Segment, SegmentKind } from "../core/types.js";
import type { Alignment } from "./align.js";

export class SegmentBuilder {
  private text = "";
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(private readonly kind: SegmentKind) {}

  add(value: string, at: Alignment): void {
    this.text += value;
    for (let i = 0; i < value.length; i++) {
      this.starts.push(at.starts[i]!);
      this.ends.push(at.ends[i]!);
    }
  }

  /** One character standing for source that is not copy (inline code), so words do not join across it. */
  separate(start: number, end: number): void {
    if (this.text.length === 0 || this.text.endsWith("\uFFFC")) return;
    this.add("\uFFFC", { starts: [start], ends: [end] });
  }

  /** The segment, or undefined when it holds no visible copy. */
  build(): Segment | undefined {
    if (this.text.replace(/[\s\uFFFC]/g, "") === "") return undefined;
    return { kind: this.kind, text: this.text, starts: Int32Array.from(this.starts), ends: Int32Array.from(this.ends) };
  }
}

/** A segment for text that is its own source, starting at `offset`. */
export function rawSegment(kind: SegmentKind, text: string, offset: number): Segment | undefined {
  const b = new SegmentBuilder(kind);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(offset + i);
    ends.push(offset + i + 1);
  }
  b.add(text, { starts, ends });
  return b.build();
}

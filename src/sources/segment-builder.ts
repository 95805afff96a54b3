// Assembles a segment from pieces of source: each piece brings its own text
// and the source range of each of its code units.
import type { Segment, SegmentKind } from "../core/types.js";
import type { Alignment } from "./align.js";

/** A URL written in copy; it ends at white space, quotes or Chinese punctuation. */
export const URL_IN_TEXT = /(?:https?:\/\/|www\.)[^\s<>"'`（）【】「」《》，。！？、；：]+/gi;

/** A character that is neither white space nor a stand-in for what is not copy. */
const VISIBLE = /[^\s\uFFFC]/;

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

  /** Adds copy, leaving out the URLs written in it: a URL is an address, not something people read. */
  addProse(value: string, at: Alignment): void {
    const piece = (from: number, to: number): Alignment => ({ starts: at.starts.slice(from, to), ends: at.ends.slice(from, to) });
    // Most copy holds no URL: no pieces to cut.
    if (!/https?:|www\./i.test(value)) return this.add(value, at);
    let last = 0;
    for (const m of value.matchAll(URL_IN_TEXT)) {
      const end = m.index + m[0].length;
      this.add(value.slice(last, m.index), piece(last, m.index));
      this.separate(at.starts[m.index]!, at.ends[end - 1]!);
      last = end;
    }
    this.add(value.slice(last), piece(last, value.length));
  }

  /** One character standing for source that is not copy (inline code), so words do not join across it. */
  separate(start: number, end: number): void {
    if (this.text.length === 0 || this.text.endsWith("\uFFFC")) return;
    this.add("\uFFFC", { starts: [start], ends: [end] });
  }

  /** The segment, or undefined when it holds no visible copy. */
  build(): Segment | undefined {
    if (!VISIBLE.test(this.text)) return undefined;
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

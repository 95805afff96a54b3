// Assembles a segment from pieces of source: each piece brings its own text
// and the source range of each of its code units.
import type { Segment, SegmentKind } from "../core/types.js";
import type { Alignment } from "./align.js";

/** A URL written in copy; it ends at white space, quotes or Chinese punctuation. */
export const URL_IN_TEXT = /(?:https?:\/\/|www\.)[^\s<>"'`（）【】「」《》，。！？、；：]+/gi;

/** A character that is neither white space nor a stand-in for what is not copy. */
const VISIBLE = /[^\s\uFFFC]/;

/**
 * Built segments keep their positions in views of shared slabs: a typed array
 * of its own costs a segment a backing store, and a document has hundreds of
 * segments a line long. A slab is freed when no segment it holds is left.
 */
const SLAB = 1 << 16;
let slab = new Int32Array(SLAB);
let used = 0;

/** Room for `length` positions, in the current slab or a new one. */
function take(length: number): Int32Array {
  if (used + length > slab.length) {
    slab = new Int32Array(Math.max(SLAB, length));
    used = 0;
  }
  return slab.subarray(used, (used += length));
}

/** Where each code unit of a piece of text stands in the source: its own range each, or (a number) one after another from there. */
export type Placement = Alignment | number;

export class SegmentBuilder {
  private text = "";
  /** Each piece's length and placement, written out as positions only when the segment is built. */
  private readonly lengths: number[] = [];
  private readonly placements: Placement[] = [];

  constructor(private readonly kind: SegmentKind) {}

  /** Adds `value`, placed by `at`, which is read when the segment is built and must not change before. */
  add(value: string, at: Placement): void {
    this.text += value;
    this.lengths.push(value.length);
    this.placements.push(at);
  }

  /** Adds copy, leaving out the URLs written in it: a URL is an address, not something people read. */
  addProse(value: string, at: Placement): void {
    // Most copy holds no URL: no pieces to cut.
    if (!/https?:|www\./i.test(value)) return this.add(value, at);
    const piece = (from: number, to: number): Placement =>
      typeof at === "number" ? at + from : { starts: at.starts.slice(from, to), ends: at.ends.slice(from, to) };
    let last = 0;
    for (const m of value.matchAll(URL_IN_TEXT)) {
      const end = m.index + m[0].length;
      this.add(value.slice(last, m.index), piece(last, m.index));
      if (typeof at === "number") this.separate(at + m.index, at + end);
      else this.separate(at.starts[m.index]!, at.ends[end - 1]!);
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
    const starts = take(this.text.length);
    const ends = take(this.text.length);
    let k = 0;
    this.placements.forEach((at, p) => {
      const length = this.lengths[p]!;
      if (typeof at === "number")
        for (let i = 0; i < length; i++, k++) {
          starts[k] = at + i;
          ends[k] = at + i + 1;
        }
      else
        for (let i = 0; i < length; i++, k++) {
          starts[k] = at.starts[i]!;
          ends[k] = at.ends[i]!;
        }
    });
    return { kind: this.kind, text: this.text, starts, ends };
  }
}

/** A segment for text that is its own source, starting at `offset`. */
export function rawSegment(kind: SegmentKind, text: string, offset: number): Segment | undefined {
  const b = new SegmentBuilder(kind);
  b.add(text, offset);
  return b.build();
}

// Folding: the text rules match against. Full-width and compatibility forms
// become their plain forms (NFKC), Traditional becomes Simplified, Latin is
// lower-cased, zero-width and filler characters vanish, combining marks
// stacked on a Han character vanish (Chinese has none; they only hide a
// word), and white space between two Han characters is dropped, so `最 佳`,
// `最\u200b佳`, `最\u0301佳`, `最佳` and `最佳` all read 最佳. White space
// between a number and its percent sign goes too (`１００ ％` reads 100%).
// Every folded code unit keeps the range of the input it came from, so a
// match in folded text maps to exact characters.
import type { MappedText } from "../core/types.js";
import { toSimplified } from "./traditional.js";

const HAN = /\p{Script=Han}/u;
const WHITE = /\s/u;
const MARK = /\p{M}/u;

/** What decides whether white space between two characters is kept. */
type Tight = "han" | "digit" | "percent" | undefined;

function tightness(cp: number, folded: string): Tight {
  if (isHan(cp)) return "han";
  if (folded === "%") return "percent";
  if (folded.length === 1 && folded >= "0" && folded <= "9") return "digit";
  return undefined;
}

/** Copy reads the same without white space between two Han characters, or a number and its percent sign (`36 %`). */
function joins(left: Tight, right: Tight): boolean {
  return (left === "han" && right === "han") || (left === "digit" && right === "percent");
}

/** Characters that render as nothing and only serve to split a word. */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c ||
    cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0 || // Hangul fillers
    cp === 0x180e ||
    cp === 0x2800 || // braille blank
    (cp >= 0x1d173 && cp <= 0x1d17a) || // musical formatting controls
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, joiners, direction marks
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings
    (cp >= 0x2060 && cp <= 0x2064) || // word joiner, invisible operators
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0000 && cp <= 0xe007f) || // tags
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

function isHan(cp: number): boolean {
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp < 0x2e80) return false;
  return HAN.test(String.fromCodePoint(cp));
}

/** What folding needs to know of one code point; worked out once per code point and process. */
interface CodePointFold {
  /** Its folded form (NFKC may expand it). */
  text: string;
  /** It renders as nothing, or is a combining mark (dropped after a Han character). */
  invisible: boolean;
  mark: boolean;
  white: boolean;
  newline: boolean;
  tight: Tight;
}

function describeCodePoint(cp: number): CodePointFold {
  const text = foldAnyCodePoint(cp);
  return {
    text,
    invisible: isInvisible(cp),
    mark: cp >= 0x300 && MARK.test(String.fromCodePoint(cp)),
    white: text.length > 0 && WHITE.test(text) && text.trim() === "",
    newline: cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029,
    tight: tightness(cp, text),
  };
}

const ascii = Array.from({ length: 0x80 }, (_, cp) => describeCodePoint(cp));
const folds = new Map<number, CodePointFold>();

function foldOf(cp: number): CodePointFold {
  if (cp < 0x80) return ascii[cp]!;
  let known = folds.get(cp);
  if (known === undefined) folds.set(cp, (known = describeCodePoint(cp)));
  return known;
}

/** The folded form of one code point, as a string (NFKC may expand it). */
function foldAnyCodePoint(cp: number): string {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  if (cp >= 0x4e00 && cp <= 0x9fff) return String.fromCodePoint(toSimplified(cp));
  const normal = String.fromCodePoint(cp).normalize("NFKC");
  let out = "";
  for (const ch of normal) out += String.fromCodePoint(toSimplified(ch.codePointAt(0)!));
  return out.toLowerCase();
}

/**
 * Per UTF-16 code unit, what folding does with it when it stands alone: 0 not
 * yet asked, 1 more than a one-for-one swap (white space, an invisible or a
 * combining mark, an expansion, half a surrogate pair), otherwise its folded
 * code unit plus 2. Most copy is only ever read through this table.
 */
const oneForOne = new Int32Array(0x10000);

function learnUnit(unit: number): number {
  const f = unit >= 0xd800 && unit <= 0xdfff ? undefined : foldOf(unit);
  const swap = f === undefined || f.invisible || f.mark || f.white || f.text.length !== 1 ? 1 : f.text.charCodeAt(0) + 2;
  oneForOne[unit] = swap;
  return swap;
}

function tightAt(input: string, at: number): Tight {
  return at < 0 ? undefined : foldOf(input.codePointAt(at)!).tight;
}

/**
 * Where folded text goes: the input code units `from..to` as they are (each
 * folds to itself), one folded code unit for the input code unit at `at`, or
 * a string for `start..end`.
 */
interface Sink {
  same(input: string, from: number, to: number): void;
  unit(folded: number, at: number): void;
  push(s: string, start: number, end: number): void;
}

/**
 * Collects the folded text alone. What folds to itself is not copied but
 * sliced from the input in runs, and input that folds to itself comes back
 * as it is.
 */
class TextOnly implements Sink {
  private text = "";
  private runStart = 0;
  constructor(
    private readonly input: string,
    /** Where the run of what folds to itself ends; it starts at `runStart`. */
    private runEnd: number,
  ) {}
  same(_input: string, from: number, to: number): void {
    if (from !== this.runEnd) {
      this.text += this.input.slice(this.runStart, this.runEnd);
      this.runStart = from;
    }
    this.runEnd = to;
  }
  unit(folded: number, at: number): void {
    if (at === this.runEnd && folded === this.input.charCodeAt(at)) this.runEnd++;
    else this.append(String.fromCharCode(folded), at + 1);
  }
  push(s: string, start: number, end: number): void {
    if (start === this.runEnd && s.length === end - start && this.input.startsWith(s, start)) this.runEnd = end;
    else this.append(s, end);
  }
  private append(s: string, next: number): void {
    this.text += this.input.slice(this.runStart, this.runEnd) + s;
    this.runStart = this.runEnd = next;
  }
  done(): string {
    return this.text + this.input.slice(this.runStart, this.runEnd);
  }
}

/**
 * Code units and input ranges waiting to become a `MappedText`, shared by
 * every mapped fold: a fold never runs inside another.
 */
let pending = new Uint16Array(1024);
let pendingStarts = new Int32Array(1024);
let pendingEnds = new Int32Array(1024);

function reserve(length: number, extra: number): void {
  if (length + extra <= pending.length) return;
  const capacity = Math.max(pending.length * 2, length + extra);
  const grow = <T extends Uint16Array | Int32Array>(old: T, fresh: T): T => (fresh.set(old.subarray(0, length)), fresh);
  pending = grow(pending, new Uint16Array(capacity));
  pendingStarts = grow(pendingStarts, new Int32Array(capacity));
  pendingEnds = grow(pendingEnds, new Int32Array(capacity));
}

/** Collects the folded text with the input range of each code unit. */
class Mapped implements Sink {
  private length = 0;
  constructor(capacity: number) {
    reserve(0, capacity);
  }
  same(input: string, from: number, to: number): void {
    for (let at = from; at < to; at++) this.unit(input.charCodeAt(at), at);
  }
  unit(folded: number, at: number): void {
    pendingStarts[this.length] = at;
    pendingEnds[this.length] = at + 1;
    pending[this.length++] = folded;
  }
  push(s: string, start: number, end: number): void {
    reserve(this.length, s.length);
    for (let k = 0; k < s.length; k++) {
      pendingStarts[this.length] = start;
      pendingEnds[this.length] = end;
      pending[this.length++] = s.charCodeAt(k);
    }
  }
  done(): MappedText {
    let text = "";
    // In chunks an argument list can take.
    for (let k = 0; k < this.length; k += 8192) text += String.fromCharCode.apply(null, pending.subarray(k, Math.min(this.length, k + 8192)) as unknown as number[]);
    return { text, starts: pendingStarts.slice(0, this.length), ends: pendingEnds.slice(0, this.length) };
  }
}

/** Folds `input`; the result maps each code unit back to a range of `input`. */
export function fold(input: string): MappedText {
  // The reference the other folds are held to: it folds every code unit itself.
  const out = new Mapped(input.length);
  foldInto(input, out);
  return out.done();
}

/** The folded text alone, for a look that needs no positions: what `fold(input).text` is, sooner. */
export function foldText(input: string): string {
  const same = foldsToItself(input);
  if (same === input.length) return input;
  const out = new TextOnly(input, same);
  foldInto(input, out, same);
  return out.done();
}

/** Where the run of code units from `from` that fold one for one to themselves ends: at the start of `input`, most copy, and often all of it. */
function foldsToItself(input: string, from = 0): number {
  let i = from;
  for (; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if ((oneForOne[c] || learnUnit(c)) !== c + 2) break;
  }
  return i;
}

/**
 * The range of `input` that the folded code units `start..end` came from:
 * what `fold(input)` maps them to, found by folding again without keeping a
 * map. A finding needs its range once; a map per segment costs more.
 */
export function foldedOrigin(input: string, start: number, end: number): [number, number] {
  const last = Math.max(start, end - 1);
  // Before the first code unit that changes, folded and input offsets are the same.
  const same = foldsToItself(input);
  if (last < same) return [start, last + 1];
  const out = new Origin(start, last, same);
  foldInto(input, out, same);
  return [out.from, out.to];
}

class Origin implements Sink {
  from: number;
  to = 0;
  constructor(
    private readonly first: number,
    private readonly last: number,
    /** How many code units are folded so far: those before `from` of `foldInto`, each to itself. */
    private length: number,
  ) {
    this.from = first;
  }
  same(_input: string, from: number, to: number): void {
    for (let at = from; at < to; at++) this.note(at, at + 1);
  }
  unit(_folded: number, at: number): void {
    this.note(at, at + 1);
  }
  push(s: string, start: number, end: number): void {
    for (let k = 0; k < s.length; k++) this.note(start, end);
  }
  private note(start: number, end: number): void {
    if (this.length === this.first) this.from = start;
    if (this.length === this.last) this.to = end;
    this.length++;
  }
}

/** Folds `input` from `from` on; what comes before folds to itself, one for one (see `foldsToItself`). */
function foldInto(input: string, out: Sink, from = 0): void {
  // A run of white space waits until we know what follows it.
  let spaceStart = -1;
  let spaceEnd = -1;
  let spaceHasNewline = false;
  // Where the last code point that was kept starts.
  let lastAt = from - 1;

  for (let i = from; i < input.length; ) {
    const c = input.charCodeAt(i);
    const swap = oneForOne[c] || learnUnit(c);
    if (swap > 1 && spaceStart < 0) {
      if (swap - 2 !== c) {
        out.unit(swap - 2, i);
        lastAt = i++;
        continue;
      }
      // A run of code units that fold to themselves goes on in one piece.
      const end = foldsToItself(input, i + 1);
      out.same(input, i, end);
      lastAt = end - 1;
      i = end;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const f = foldOf(cp);
    // A combining mark on a Han character only disguises it.
    if (f.invisible || (f.mark && spaceStart < 0 && tightAt(input, lastAt) === "han")) {
      i += len;
      continue;
    }
    if (f.white) {
      if (spaceStart < 0) spaceStart = i;
      spaceEnd = i + len;
      if (f.newline) spaceHasNewline = true;
      i += len;
      continue;
    }
    if (spaceStart >= 0) {
      if (!joins(tightAt(input, lastAt), f.tight)) out.push(spaceHasNewline ? "\n" : " ", spaceStart, spaceEnd);
      spaceStart = -1;
      spaceHasNewline = false;
    }
    out.push(f.text, i, i + len);
    lastAt = i;
    i += len;
  }
  if (spaceStart >= 0) out.push(spaceHasNewline ? "\n" : " ", spaceStart, spaceEnd);
}

/**
 * Folds a pattern or term written by a rule author. Terms fold like copy;
 * regular expressions only have their Han characters simplified, so escapes
 * such as `\D` keep their meaning (patterns are compiled case-insensitive).
 */
export function foldTerm(term: string): string {
  return foldText(term);
}

export function foldPatternSource(source: string): string {
  let out = "";
  for (const ch of source) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp)) out += String.fromCodePoint(toSimplified(cp));
    else if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCharCode(cp - 0xfee0); // full-width ASCII
    else out += ch;
  }
  return out;
}

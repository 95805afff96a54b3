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

/** What decides whether white space between two characters is kept ("loose": anything else, or no character at all). */
type Tight = "han" | "digit" | "percent" | "loose";

function tightness(cp: number, folded: string): Tight {
  if (isHan(cp)) return "han";
  if (folded === "%") return "percent";
  if (folded.length === 1 && folded >= "0" && folded <= "9") return "digit";
  return "loose";
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
  return at < 0 ? "loose" : foldOf(input.codePointAt(at)!).tight;
}

/**
 * The folded code units of the last fold and, when it was asked for, the
 * range of the input each came from. Shared by every fold: a fold never runs
 * inside another, and what it leaves here is read before the next one.
 */
let units: Uint16Array = new Uint16Array(1024);
let unitStarts: Int32Array = new Int32Array(1024);
let unitEnds: Int32Array = new Int32Array(1024);
/** The bytes of `units`, to decode them from. */
let unitBytes = Buffer.from(units.buffer);

/** Folded code units, and the range of the input each came from. */
interface UnitBuffers {
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** Larger copies of `buffers`, with room for `capacity` code units, that keep the first `length`. */
function enlarged(buffers: UnitBuffers, length: number, capacity: number): UnitBuffers {
  const size = Math.max(buffers.units.length * 2, capacity);
  const grow = <T extends Uint16Array | Int32Array>(old: T, fresh: T): T => (fresh.set(old.subarray(0, length)), fresh);
  return { units: grow(buffers.units, new Uint16Array(size)), starts: grow(buffers.starts, new Int32Array(size)), ends: grow(buffers.ends, new Int32Array(size)) };
}

/**
 * The input whose fold's input ranges `unitStarts` and `unitEnds` hold, and
 * how many code units it folded to: the findings of one segment are placed
 * with a single fold of it.
 */
let mapping: { input: string; length: number } | undefined;

/** Makes room for `extra` more code units after the first `length`. */
function reserve(length: number, extra: number): void {
  if (length + extra <= units.length) return;
  mapping = undefined;
  ({ units, starts: unitStarts, ends: unitEnds } = enlarged({ units, starts: unitStarts, ends: unitEnds }, length, length + extra));
  unitBytes = Buffer.from(units.buffer);
}

/** Whether a Uint16Array holds its code units in the order UTF-16LE writes them, as on every platform Node runs on today. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The first `length` folded code units as a string. */
function unitsText(length: number): string {
  // Decoded as UTF-16LE by Node, which keeps a lone surrogate as it is.
  if (LITTLE_ENDIAN) return unitBytes.toString("utf16le", 0, length * 2);
  let text = "";
  for (let k = 0; k < length; k += 8192) text += String.fromCharCode.apply(null, units.subarray(k, Math.min(length, k + 8192)) as unknown as number[]);
  return text;
}

/** Folds `input`; the result maps each code unit back to a range of `input`. */
export function fold(input: string): MappedText {
  const length = foldInto(input, true);
  return { text: unitsText(length), starts: unitStarts.slice(0, length), ends: unitEnds.slice(0, length) };
}

/** ASCII characters that a fold reads as if they were not there, and those that fold to them (`＊` to `*`), as it reads a zero-width space: per code unit, 1 for those. */
export type Ignored = Uint8Array;

const NOTHING_IGNORED: Ignored = new Uint8Array(0x80);

/** The set of `chars` (ASCII) for a fold to ignore. */
export function ignoring(chars: string): Ignored {
  const set = new Uint8Array(0x80);
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    if (c >= 0x80) throw new RangeError(`only ASCII characters can be ignored, not ${JSON.stringify(chars[i])}`);
    set[c] = 1;
  }
  return set;
}

/**
 * The folded text alone, for a look that needs no positions: what `fold(input).text` is, sooner.
 * With `ignored`, what it would be if those characters, and those that fold to them, were taken out of `input` first.
 */
export function foldText(input: string, ignored: Ignored = NOTHING_IGNORED): string {
  // Most copy has a character that folds to another, but input that folds to itself comes back as it is.
  if (foldsToItself(input, ignored)) return input;
  return unitsText(foldInto(input, false, ignored));
}

/** Whether every code unit of `input` folds one for one to itself, and none is ignored: then folding changes nothing. */
function foldsToItself(input: string, ignored: Ignored): boolean {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if ((oneForOne[c] || learnUnit(c)) !== c + 2 || (c < 0x80 && ignored[c] === 1)) return false;
  }
  return true;
}

/**
 * The range of `input` that the folded code units `start..end` came from:
 * what `fold(input)` maps them to.
 */
export function foldedOrigin(input: string, start: number, end: number): [number, number] {
  if (mapping?.input !== input) mapping = { input, length: foldInto(input, true) };
  const { length } = mapping;
  if (length === 0) return [0, 0];
  const last = Math.min(Math.max(start, end - 1), length - 1);
  return [unitStarts[Math.min(start, last)]!, unitEnds[last]!];
}

/**
 * Folds `input` into `units`, and with `mapped` the input range of each
 * folded code unit into `unitStarts` and `unitEnds`; returns how many code
 * units the folded text has. Ignored characters are skipped like invisible ones.
 */
function foldInto(input: string, mapped: boolean, ignored: Ignored = NOTHING_IGNORED): number {
  if (mapped) mapping = undefined;
  // Each input code unit gives at most one folded one, but for an expansion, which makes room for itself.
  reserve(0, input.length);
  let out = units;
  let outStarts = unitStarts;
  let outEnds = unitEnds;
  let length = 0;
  // A run of white space waits until we know what follows it.
  let spaceStart = -1;
  let spaceEnd = -1;
  let spaceHasNewline = false;
  // Where the last code point that was kept starts.
  let lastAt = -1;

  for (let i = 0; i < input.length; ) {
    const c = input.charCodeAt(i);
    const swap = oneForOne[c] || learnUnit(c);
    // Most copy: a code unit that folds to one code unit, with no white space waiting.
    if (swap > 1 && spaceStart < 0 && (swap - 2 >= 0x80 || ignored[swap - 2] === 0)) {
      out[length] = swap - 2;
      if (mapped) {
        outStarts[length] = i;
        outEnds[length] = i + 1;
      }
      length++;
      lastAt = i++;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const f = foldOf(cp);
    // A combining mark on a Han character only disguises it.
    const unit = f.text.length === 1 ? f.text.charCodeAt(0) : -1;
    if (f.invisible || (unit >= 0 && unit < 0x80 && ignored[unit] === 1) || (f.mark && spaceStart < 0 && tightAt(input, lastAt) === "han")) {
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
      if (!joins(tightAt(input, lastAt), f.tight)) length = emit(spaceHasNewline ? "\n" : " ", spaceStart, spaceEnd, length, mapped, 0);
      spaceStart = -1;
      spaceHasNewline = false;
    }
    length = emit(f.text, i, i + len, length, mapped, input.length - i - len);
    // Room for an expansion may have moved the buffers.
    out = units;
    outStarts = unitStarts;
    outEnds = unitEnds;
    lastAt = i;
    i += len;
  }
  if (spaceStart >= 0) length = emit(spaceHasNewline ? "\n" : " ", spaceStart, spaceEnd, length, mapped, 0);
  return length;
}

/** Writes `s`, folded from the input range `start..end`, after the first `length` code units, keeping room for `rest` more; returns the new length. */
function emit(s: string, start: number, end: number, length: number, mapped: boolean, rest: number): number {
  reserve(length, s.length + rest);
  for (let k = 0; k < s.length; k++, length++) {
    units[length] = s.charCodeAt(k);
    if (mapped) {
      unitStarts[length] = start;
      unitEnds[length] = end;
    }
  }
  return length;
}

/** Folded code units with, for each, the bytes of the character it came from, `[starts[k], ends[k])`: valid until the next `foldUtf8`. */
export interface FoldedBytes extends UnitBuffers {
  length: number;
}

/** The buffers of `foldUtf8`, apart from those of `foldInto`, which may run while its result is read. */
let utf8Fold: UnitBuffers = { units: new Uint16Array(1024), starts: new Int32Array(1024), ends: new Int32Array(1024) };

/** Makes room in `utf8Fold` for `extra` more code units after the first `length`. */
function reserveUtf8(length: number, extra: number): void {
  if (length + extra > utf8Fold.units.length) utf8Fold = enlarged(utf8Fold, length, length + extra);
}

/**
 * Folds UTF-8 `bytes` (valid UTF-8: see `isUtf8`) without decoding them, for
 * a look that reads neither white space nor the `dropped` characters: the
 * code units of `foldText(text)`, where `text` is what the bytes decode to,
 * with every unit of white space and every unit in `dropped` taken out, each
 * with the bytes of the character it came from. Undefined for bytes that hold
 * a combining mark, which folds by what stands before it.
 *
 * A file may be folded a piece at a time, `from..to` (character boundaries),
 * in order: each piece after the first is added after the `kept` units the
 * last call left.
 */
export function foldUtf8(bytes: Uint8Array, dropped: Ignored, from = 0, to = bytes.length, kept = 0): FoldedBytes | undefined {
  let length = kept;
  // A character of one byte or more gives at most one folded unit, but for an expansion, which makes room for itself.
  reserveUtf8(length, to - from);
  let { units, starts, ends } = utf8Fold;
  for (let i = from; i < to; ) {
    // Decoded here rather than by `codePointAt`: the loop runs over every byte of most files, and this is quicker.
    const lead = bytes[i]!;
    let cp: number;
    let next: number;
    if (lead < 0x80) {
      cp = lead;
      next = i + 1;
    } else if (lead < 0xe0) {
      cp = ((lead & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      next = i + 2;
    } else if (lead < 0xf0) {
      cp = ((lead & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      next = i + 3;
    } else {
      cp = ((lead & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      next = i + 4;
    }
    // Most copy: a character that folds to one code unit.
    const swap = cp < 0x10000 ? oneForOne[cp] || learnUnit(cp) : 1;
    if (swap > 1) {
      const unit = swap - 2;
      if (unit >= 0x80 || dropped[unit] === 0) {
        units[length] = unit;
        starts[length] = i;
        ends[length++] = next;
      }
      i = next;
      continue;
    }
    const f = foldOf(cp);
    if (f.invisible || f.white) {
      i = next;
      continue;
    }
    if (f.mark) return undefined;
    reserveUtf8(length, f.text.length + to - next);
    ({ units, starts, ends } = utf8Fold);
    for (let k = 0; k < f.text.length; k++) {
      const unit = f.text.charCodeAt(k);
      if ((unit < 0x80 && dropped[unit] === 1) || WHITE.test(f.text[k]!)) continue;
      units[length] = unit;
      starts[length] = i;
      ends[length++] = next;
    }
    i = next;
  }
  return { units, starts, ends, length };
}

/** The code point whose UTF-8 starts at `bytes[i]`. */
function codePointAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return lead;
  if (lead < 0xe0) return ((lead & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
  if (lead < 0xf0) return ((lead & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
  return ((lead & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
}

/** How many bytes the UTF-8 of a character that starts with `lead` takes. */
const utf8Length = (lead: number) => (lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4);

/**
 * Where, in UTF-8 `bytes` from..to (character boundaries), the first
 * character `foldUtf8` keeps a unit of, or stops at (a combining mark), ends:
 * -1 when there is none.
 */
export function keptUtf8End(bytes: Uint8Array, dropped: Ignored, from: number, to: number): number {
  for (let i = from; i < to; ) {
    const cp = codePointAt(bytes, i);
    const next = i + utf8Length(bytes[i]!);
    const swap = cp < 0x10000 ? oneForOne[cp] || learnUnit(cp) : 1;
    if (swap > 1 ? swap - 2 >= 0x80 || dropped[swap - 2] === 0 : keepsAUnit(foldOf(cp), dropped)) return next;
    i = next;
  }
  return -1;
}

/** Whether `foldUtf8` keeps a unit of a character that folds so, or stops at it. */
function keepsAUnit(f: CodePointFold, dropped: Ignored): boolean {
  if (f.invisible || f.white) return false;
  return f.mark || [...f.text].some((ch) => !(ch.charCodeAt(0) < 0x80 && dropped[ch.charCodeAt(0)] === 1) && !WHITE.test(ch));
}

/**
 * Folds a pattern or term written by a rule author. Terms fold like copy;
 * regular expressions only have their Han characters simplified, so escapes
 * such as `\D` keep their meaning (patterns are compiled case-insensitive).
 */
export function foldTerm(term: string): string {
  return foldText(term);
}

/**
 * Pattern sources folded so far. The folding depends on the source alone, so
 * it is kept for the process, and a built-in pack's snapshot brings those of
 * its patterns, folded at build (see `rememberFoldedSources`).
 */
const foldedSources = new Map<string, string>();

export function foldPatternSource(source: string): string {
  let folded = foldedSources.get(source);
  if (folded === undefined) foldedSources.set(source, (folded = foldPatternSourceAnew(source)));
  return folded;
}

/** The pattern sources folded so far, each with what it folds to, to save. */
export function knownFoldedSources(): Array<[string, string]> {
  return [...foldedSources];
}

/** Takes pattern sources saved, as this same code folded them. */
export function rememberFoldedSources(saved: ReadonlyArray<[string, string]>): void {
  for (const [source, folded] of saved) if (!foldedSources.has(source)) foldedSources.set(source, folded);
}

/** A pattern source folded anew. */
export function foldPatternSourceAnew(source: string): string {
  let out = "";
  for (const ch of source) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp)) out += String.fromCodePoint(toSimplified(cp));
    else if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCharCode(cp - 0xfee0); // full-width ASCII
    else out += ch;
  }
  return out;
}

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

/** Where folded text goes: with the input range of each piece, or (`TextOnly`) without. */
interface Sink {
  push(s: string, start: number, end: number): void;
}

class Mapped implements Sink {
  text = "";
  starts: number[] = [];
  ends: number[] = [];
  push(s: string, start: number, end: number): void {
    this.text += s;
    for (let k = 0; k < s.length; k++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }
  done(): MappedText {
    return { text: this.text, starts: Int32Array.from(this.starts), ends: Int32Array.from(this.ends) };
  }
}

class TextOnly implements Sink {
  text = "";
  push(s: string): void {
    this.text += s;
  }
}

/** Folds `input`; the result maps each code unit back to a range of `input`. */
export function fold(input: string): MappedText {
  const out = new Mapped();
  foldInto(input, out);
  return out.done();
}

/** The folded text alone, for a look that needs no positions: what `fold(input).text` is, sooner. */
export function foldText(input: string): string {
  const out = new TextOnly();
  foldInto(input, out);
  return out.text;
}

function foldInto(input: string, out: Sink): void {
  // A run of white space waits until we know what follows it.
  let spaceStart = -1;
  let spaceEnd = -1;
  let spaceHasNewline = false;
  let last: Tight;

  for (let i = 0; i < input.length; ) {
    const cp = input.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const f = foldOf(cp);
    // A combining mark on a Han character only disguises it.
    if (f.invisible || (f.mark && last === "han" && spaceStart < 0)) {
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
      if (!joins(last, f.tight)) out.push(spaceHasNewline ? "\n" : " ", spaceStart, spaceEnd);
      spaceStart = -1;
      spaceHasNewline = false;
    }
    out.push(f.text, i, i + len);
    last = f.tight;
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
  return fold(term).text;
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

// Maps a parser's decoded string (escapes removed, entities decoded, line
// prefixes stripped) back onto the raw source slice it came from, one code
// unit at a time.
import { decodeNamedCharacterReference } from "decode-named-character-reference";
import { decodeNumericCharacterReference } from "micromark-util-decode-numeric-character-reference";

const REFERENCE = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

/** The character reference at `p`, decoded as the Markdown parser decodes it; none where it reads `&` as text. */
function referenceAt(source: string, p: number): { text: string; end: number } | undefined {
  REFERENCE.lastIndex = p;
  const m = REFERENCE.exec(source);
  if (!m) return undefined;
  const [whole, decimal, hex, name] = m;
  const text =
    decimal !== undefined
      ? decodeNumericCharacterReference(decimal, 10)
      : hex !== undefined
        ? decodeNumericCharacterReference(hex, 16)
        : decodeNamedCharacterReference(name!);
  return text ? { text, end: p + whole.length } : undefined;
}

export interface Alignment {
  starts: number[];
  ends: number[];
}

/** For each code unit of `value`, the source range [from, to) it was read from. */
export function alignToSource(value: string, source: string, from: number, to: number): Alignment {
  const starts: number[] = [];
  const ends: number[] = [];
  const put = (start: number, end: number) => {
    starts.push(start);
    ends.push(end);
  };
  /** The code units of `value` from `k`, read at source offset `q`: a character reference, or the character itself. */
  const readAt = (q: number, k: number): Read | undefined => {
    // A character reference first: `&amp;` starts with the very `&` it stands for.
    const reference = source[q] === "&" ? referenceAt(source, q) : undefined;
    if (reference && value.startsWith(reference.text, k)) return { start: q, end: reference.end, units: reference.text.length };
    return source[q] === value[k] ? { start: q, end: q + 1, units: 1 } : undefined;
  };
  /** The character at `k` written escaped at `q`, as `\*`. */
  const escapedAt = (q: number, k: number): Read | undefined =>
    source[q] === "\\" && source[q + 1] === value[k] ? { start: q, end: q + 2, units: 1 } : undefined;

  let p = from;
  for (let k = 0; k < value.length; ) {
    let read = readAt(p, k) ?? escapedAt(p, k);
    // Stripped line prefixes, markup the parser dropped and the like: skip ahead to the character, or a reference to it.
    for (let q = p + 1; !read && q < to; q++) read = readAt(q, k);
    if (!read) {
      const at = Math.min(p, to - 1);
      put(at, at + 1);
      k++;
      continue;
    }
    // A reference's one or two code units all map to the whole of it.
    for (let i = 0; i < read.units; i++) put(read.start, read.end);
    k += read.units;
    p = read.end;
  }
  return { starts, ends };
}

interface Read {
  start: number;
  end: number;
  /** Code units of the value it stands for. */
  units: number;
}

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
  let p = from;
  for (let k = 0; k < value.length; k++) {
    const ch = value[k]!;
    // A character reference first: `&amp;` starts with the very `&` it stands for.
    const reference = source[p] === "&" ? referenceAt(source, p) : undefined;
    if (reference && value.startsWith(reference.text, k)) {
      // Its one or two code units all map to the whole reference.
      for (let i = 0; i < reference.text.length; i++) put(p, reference.end);
      k += reference.text.length - 1;
      p = reference.end;
      continue;
    }
    if (source[p] === ch) {
      put(p, ++p);
      continue;
    }
    if (source[p] === "\\" && source[p + 1] === ch) {
      put(p, p + 2);
      p += 2;
      continue;
    }
    // Stripped line prefixes, carriage returns and the like: skip ahead to the character.
    const q = source.indexOf(ch, p);
    if (q >= 0 && q < to) {
      put(q, q + 1);
      p = q + 1;
    } else {
      const at = Math.min(p, to - 1);
      put(at, at + 1);
    }
  }
  return { starts, ends };
}

// Maps a parser's decoded string (escapes removed, entities decoded, line
// prefixes stripped) back onto the raw source slice it came from, one code
// unit at a time.

const ENTITY = /^&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});/;

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
    if (source[p] === ch) {
      put(p, ++p);
      continue;
    }
    if (source[p] === "\\" && source[p + 1] === ch) {
      put(p, p + 2);
      p += 2;
      continue;
    }
    const entity = source[p] === "&" ? ENTITY.exec(source.slice(p, p + 40)) : null;
    if (entity) {
      // A character reference: its one or two code units all map to the whole reference.
      const end = p + entity[0].length;
      put(p, end);
      const code = value.charCodeAt(k);
      if (code >= 0xd800 && code <= 0xdbff && k + 1 < value.length) put(p, end), k++;
      p = end;
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

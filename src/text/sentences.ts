// Sentence scope for evidence and allow contexts, on folded text: a sentence
// ends at 。!?; (folded from their full-width forms), an ellipsis or a newline.
// Commas do not end a sentence: Chinese copy chains clauses with them.

/** 。 ! ? ; … and a newline. */
function isEnd(c: number): boolean {
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x2026 || c === 0x0a;
}

/**
 * The sentence ends of the text last asked about. Every candidate of a segment
 * asks about the same text, so a long sentence is read once, not once per
 * candidate (a 100 KB sentence with thousands of matches stays linear).
 */
let last: { text: string; ends: number[] } | undefined;

function sentenceEnds(text: string): number[] {
  if (last?.text === text) return last.ends;
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) if (isEnd(text.charCodeAt(i))) ends.push(i);
  last = { text, ends };
  return ends;
}

/** The index in `ends` of the first end at or after `at`. */
function firstEndFrom(ends: number[], at: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The half-open range of the sentence that holds [start, end). */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const ends = sentenceEnds(text);
  const before = firstEndFrom(ends, start) - 1;
  const a = before >= 0 ? ends[before]! + 1 : 0;
  const after = firstEndFrom(ends, Math.max(end, start));
  // The sentence keeps its end mark.
  const b = after < ends.length ? ends[after]! + 1 : text.length;
  return [a, b];
}

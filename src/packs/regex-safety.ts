// Refuses regular expressions that can backtrack without bound in V8:
// a repeated group whose body itself repeats, such as `(a+)+` or
// `(?:\d+\s?)+%`. Bounded repeats of single atoms (`.{0,20}`) are fine.

export interface RegexHazard {
  /** Index in the pattern source of the quantifier that makes it unsafe. */
  index: number;
  reason: string;
}

/** `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` or `(?<name>`. */
const GROUP_OPENING = /^\((\?(:|=|!|<=|<!|<[^>]*>))?/;

interface Group {
  repeats: boolean;
}

/** Reads a quantifier at `i`; returns its length and whether it repeats more than once. */
function quantifierAt(source: string, i: number): { length: number; repeats: boolean } | undefined {
  const c = source[i];
  let length = 0;
  let repeats = false;
  if (c === "*" || c === "+") {
    length = 1;
    repeats = true;
  } else if (c === "?") {
    length = 1;
  } else if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    length = m[0].length;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3]);
    repeats = max > 1;
  } else {
    return undefined;
  }
  if (source[i + length] === "?") length++; // lazy
  return { length, repeats };
}

export function findRegexHazard(source: string): RegexHazard | undefined {
  const stack: Group[] = [{ repeats: false }];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let closed: Group | undefined;
    if (c === "\\") {
      i += source[i + 1] === "u" || source[i + 1] === "p" || source[i + 1] === "P" ? escapeLength(source, i) : 2;
    } else if (c === "[") {
      i = classEnd(source, i);
    } else if (c === "(") {
      stack.push({ repeats: false });
      i += GROUP_OPENING.exec(source.slice(i, i + 64))![0].length;
      continue;
    } else if (c === ")") {
      closed = stack.length > 1 ? stack.pop() : undefined;
      i++;
    } else {
      i++;
    }
    const q = quantifierAt(source, i);
    if (q) {
      if (q.repeats && closed?.repeats)
        return { index: i, reason: "a repeated group contains another repetition, which can backtrack exponentially" };
      if (q.repeats) stack[stack.length - 1]!.repeats = true;
      i += q.length;
    }
    if (closed?.repeats) stack[stack.length - 1]!.repeats = true;
  }
  return undefined;
}

function escapeLength(source: string, i: number): number {
  if (source[i + 2] === "{") {
    const close = source.indexOf("}", i + 2);
    return close < 0 ? 2 : close - i + 1;
  }
  return source[i + 1] === "u" ? 6 : 2;
}

function classEnd(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === "^") j++;
  if (source[j] === "]") j++;
  while (j < source.length && source[j] !== "]") j += source[j] === "\\" ? 2 : 1;
  return j + 1;
}

// Refuses regular expressions that can backtrack without bound in V8. A pack's
// patterns run on copy anyone can write, so a pattern that takes exponential
// time on a crafted line would let one file stall a whole run.
//
// A repeated group is where backtracking explodes: when the same text can be
// split into iterations in more than one way, a failing match tries them all.
// Under a repeat (`*`, `+`, `{2,}`, `{1,3}`…) this module refuses
//   - a body that itself repeats, unless its iterations are forced apart: it
//     ends with a character its repeating parts cannot match (`([^，]+，)+`),
//     or what its repeating end can match never starts it (`(ab*)+`);
//   - alternatives that can start with the same character (`(a|aa)+`);
//   - two repeating parts that can match the same characters with nothing
//     between them that the first cannot match (`(\d+\d+，)+`).
// Bodies of fixed length (`(a{2})+`, `(?:a|b)+`) are fine. Outside a repeat,
// overlaps cost at most polynomial time and are accepted. When unsure (a back
// reference, a character set too large to compare), it refuses.
//
// Patterns are compiled with the `iu` flags, so the analysis reads them as
// Unicode and treats letters of either case as the same character.

export interface RegexHazard {
  /** Index in the pattern source of the quantifier that makes it unsafe. */
  index: number;
  reason: string;
}

const NESTED = "a repeated group contains another repetition, which can backtrack exponentially";
const ALTERNATIVES = "a repeated group has alternatives that can start with the same character, which can backtrack exponentially";
const ADJACENT = "a repeated group holds two repetitions that can match the same characters, which can backtrack exponentially";

// ---------------------------------------------------------------------------
// Character sets: sorted, disjoint, inclusive code point ranges.

type Ranges = Array<[number, number]>;
const MAX = 0x10ffff;

function normalize(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(ranges: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

function intersects(a: Ranges, b: Ranges): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [alo, ahi] = a[i]!;
    const [blo, bhi] = b[j]!;
    if (alo <= bhi && blo <= ahi) return true;
    if (ahi < bhi) i++;
    else j++;
  }
  return false;
}

/** Adds the other case of every letter (`iu` matching), so `k` also stands for `K` and the Kelvin sign. */
function withCases(ranges: Ranges): Ranges {
  const out: Ranges = [...ranges];
  let budget = 0x20000;
  for (const [lo, hi] of ranges)
    for (let cp = lo; cp <= hi && budget-- > 0; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      for (const other of [ch.toLowerCase(), ch.toUpperCase()]) {
        const o = other.codePointAt(0)!;
        if (other.length === String.fromCodePoint(o).length && o !== cp) out.push([o, o]);
      }
    }
  // The two characters whose case partners are not their simple upper/lower case.
  if (intersects(normalize(out), [[0x6b, 0x6b], [0x4b, 0x4b]])) out.push([0x212a, 0x212a]);
  if (intersects(normalize(out), [[0x73, 0x73], [0x53, 0x53]])) out.push([0x17f, 0x17f]);
  return normalize(out);
}

const single = (cp: number): Ranges => [[cp, cp]];
const DIGIT: Ranges = [[0x30, 0x39]];
const WORD: Ranges = normalize([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a], [0x17f, 0x17f], [0x212a, 0x212a]]);
const SPACE: Ranges = normalize(
  [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff].map((c): [number, number] => [c, c]).concat([[0x2000, 0x200a]]),
);
const LINE_ENDS: Ranges = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];
const DOT = complement(LINE_ENDS);
const ANY: Ranges = [[0, MAX]];

const propertyCache = new Map<string, Ranges>();

/** The code points of `\p{…}` (or `\P{…}`), read once from the engine itself. */
function property(escape: string): Ranges {
  const cached = propertyCache.get(escape);
  if (cached) return cached;
  const re = new RegExp(`^${escape}$`, "iu");
  const out: Ranges = [];
  for (let cp = 0; cp <= MAX; cp++) {
    if (!re.test(String.fromCodePoint(cp))) continue;
    const last = out[out.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else out.push([cp, cp]);
  }
  propertyCache.set(escape, out);
  return out;
}

// ---------------------------------------------------------------------------
// A small parser for the `u`-mode syntax (the loader has already checked that
// the pattern compiles, so this one need not report errors).

/** A character set, or how to compute it when it is first needed (`\p{…}` takes a scan of Unicode). */
type CharSet = Ranges | (() => Ranges);

function lazyChar(set: CharSet): Node {
  if (typeof set !== "function") return { type: "char", set };
  let ranges: Ranges | undefined;
  return {
    type: "char",
    get set() {
      return (ranges ??= set());
    },
  };
}

type Node =
  | { type: "char"; readonly set: Ranges }
  | { type: "seq"; items: Node[] }
  | { type: "alt"; options: Node[] }
  | { type: "look"; body: Node }
  | { type: "repeat"; body: Node; min: number; max: number; at: number }
  | { type: "empty" }
  | { type: "backref" };

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    return this.alternation();
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.s[this.i] === "|") {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { type: "alt", options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== "|" && this.s[this.i] !== ")") {
      let atom = this.atom();
      for (;;) {
        const q = this.quantifier();
        if (!q) break;
        atom = { type: "repeat", body: atom, ...q };
      }
      items.push(atom);
    }
    return items.length === 1 ? items[0]! : { type: "seq", items };
  }

  private quantifier(): { min: number; max: number; at: number } | undefined {
    const at = this.i;
    const c = this.s[at];
    let min: number;
    let max: number;
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(at));
      if (!m) return undefined;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return undefined;
    this.i++;
    if (this.s[this.i] === "?") this.i++; // lazy: the same choices, tried in another order
    return { min, max, at };
  }

  private atom(): Node {
    const s = this.s;
    const c = s[this.i]!;
    if (c === "(") {
      const opening = /^\((\?(:|=|!|<=|<!|<[^>]*>))?/.exec(s.slice(this.i, this.i + 64))![0];
      this.i += opening.length;
      const body = this.alternation();
      this.i++; // )
      return opening === "(?=" || opening === "(?!" || opening === "(?<=" || opening === "(?<!" ? { type: "look", body } : body;
    }
    if (c === "^" || c === "$") {
      this.i++;
      return { type: "empty" };
    }
    if (c === ".") {
      this.i++;
      return { type: "char", set: DOT };
    }
    if (c === "[") return lazyChar(this.charClass());
    if (c === "\\") {
      const e = this.escape(false);
      return e === "assertion" ? { type: "empty" } : e === "backref" ? { type: "backref" } : lazyChar(e);
    }
    const cp = s.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return { type: "char", set: withCases(single(cp)) };
  }

  /** Reads an escape at `\`; in a class, `\b` is a backspace and `\B` does not occur. */
  private escape(inClass: boolean): CharSet | "assertion" | "backref" {
    const s = this.s;
    const n = s[this.i + 1]!;
    this.i += 2;
    // In a class, cases are added once the whole class is read, so ranges keep their ends.
    const literal = (cp: number): Ranges => (inClass ? single(cp) : withCases(single(cp)));
    switch (n) {
      case "d": return DIGIT;
      case "D": return complement(DIGIT);
      case "w": return WORD;
      case "W": return complement(WORD);
      case "s": return SPACE;
      case "S": return complement(SPACE);
      case "b": return inClass ? single(8) : "assertion";
      case "B": return "assertion";
      case "n": return single(0x0a);
      case "r": return single(0x0d);
      case "t": return single(0x09);
      case "v": return single(0x0b);
      case "f": return single(0x0c);
      case "0": return single(0);
      case "c": {
        const letter = s.charCodeAt(this.i++);
        return single(letter % 32);
      }
      case "x": {
        const cp = parseInt(s.slice(this.i, this.i + 2), 16);
        this.i += 2;
        return literal(cp);
      }
      case "u": {
        let cp: number;
        if (s[this.i] === "{") {
          const close = s.indexOf("}", this.i);
          cp = parseInt(s.slice(this.i + 1, close), 16);
          this.i = close + 1;
        } else {
          cp = parseInt(s.slice(this.i, this.i + 4), 16);
          this.i += 4;
          const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(s.slice(this.i));
          if (cp >= 0xd800 && cp <= 0xdbff && low) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00);
            this.i += 6;
          }
        }
        return literal(cp);
      }
      case "p":
      case "P": {
        const close = s.indexOf("}", this.i);
        const escape = s.slice(this.i - 2, close + 1);
        this.i = close + 1;
        return () => property(escape);
      }
      case "k": {
        this.i = s.indexOf(">", this.i) + 1;
        return "backref";
      }
      default:
        if (n >= "1" && n <= "9") {
          while (/[0-9]/.test(s[this.i] ?? "")) this.i++;
          return "backref";
        }
        return literal(n.codePointAt(0)!);
    }
  }

  private charClass(): CharSet {
    const s = this.s;
    this.i++; // [
    const negated = s[this.i] === "^";
    if (negated) this.i++;
    const members: Ranges = [];
    const properties: Array<() => Ranges> = [];
    const one = (): Ranges => {
      if (s[this.i] === "\\") {
        const e = this.escape(true);
        if (typeof e === "function") {
          properties.push(e);
          return [];
        }
        return typeof e === "string" ? ANY : e;
      }
      const cp = s.codePointAt(this.i)!;
      this.i += cp > 0xffff ? 2 : 1;
      return single(cp);
    };
    while (this.i < s.length && s[this.i] !== "]") {
      const from = one();
      if (s[this.i] === "-" && s[this.i + 1] !== "]" && from.length === 1 && from[0]![0] === from[0]![1]) {
        this.i++;
        const to = one();
        members.push([from[0]![0], to[to.length - 1]![1]]);
      } else members.push(...from);
    }
    this.i++; // ]
    // Case partners are added before negating, so a negated class stays a superset of what it matches.
    const set = () => {
      const all = normalize([...members, ...properties.flatMap((p) => p())]);
      return negated ? complement(all) : withCases(all);
    };
    return properties.length ? set : set();
  }
}

// ---------------------------------------------------------------------------
// What a node can match.

function minLength(n: Node): number {
  switch (n.type) {
    case "char": return 1;
    case "seq": return n.items.reduce((sum, item) => sum + minLength(item), 0);
    case "alt": return Math.min(...n.options.map(minLength));
    case "repeat": return n.min * minLength(n.body);
    case "look":
    case "empty":
    case "backref": return 0;
  }
}

const nullable = (n: Node) => minLength(n) === 0;

/** Whether the node contains a repeat that can match a varying number of times (or a back reference). */
function variable(n: Node): boolean {
  switch (n.type) {
    case "seq": return n.items.some(variable);
    case "alt": return n.options.some(variable);
    case "repeat": return n.min !== n.max || variable(n.body);
    case "backref": return true;
    default: return false;
  }
}

/** Every character the node can consume. */
function chars(n: Node): Ranges {
  switch (n.type) {
    case "char": return n.set;
    case "seq": return normalize(n.items.flatMap(chars));
    case "alt": return normalize(n.options.flatMap(chars));
    case "repeat": return n.max === 0 ? [] : chars(n.body);
    case "backref": return ANY;
    default: return [];
  }
}

/** The characters a match of the node can start with. */
function first(n: Node): Ranges {
  switch (n.type) {
    case "char": return n.set;
    case "seq": {
      const out: Ranges = [];
      for (const item of n.items) {
        out.push(...first(item));
        if (!nullable(item)) break;
      }
      return normalize(out);
    }
    case "alt": return normalize(n.options.flatMap(first));
    case "repeat": return n.max === 0 ? [] : first(n.body);
    case "backref": return ANY;
    default: return [];
  }
}

/** The characters a variable part can consume, within reach of the end of `items` through optional parts. */
function tailChars(items: Node[]): Ranges {
  const out: Ranges = [];
  for (let k = items.length - 1; k >= 0; k--) {
    const item = items[k]!;
    if (variable(item) || nullable(item)) out.push(...chars(item));
    if (!nullable(item)) break;
  }
  return normalize(out);
}

/** The parts of a body read one after another. */
const itemsOf = (n: Node): Node[] => (n.type === "seq" ? n.items : [n]);

// ---------------------------------------------------------------------------
// The checks.

/** Whether iterations of `body` are forced apart (its ends cannot move). */
function iterationsForced(body: Node): boolean {
  if (!variable(body)) return true;
  if (body.type === "alt") return body.options.every((o) => forcedSequence(itemsOf(o), first(body), body));
  return forcedSequence(itemsOf(body), first(body), body);
}

function forcedSequence(items: Node[], bodyFirst: Ranges, body: Node): boolean {
  let last = -1;
  items.forEach((item, k) => {
    if (variable(item)) last = k;
  });
  if (last < 0) return true;
  const after = items.slice(last + 1).find((item) => !nullable(item));
  // A closing character the repeating parts cannot match: each iteration ends at its first occurrence.
  if (after) return !intersects(first(after), repeatingChars(body));
  // Ending in a repetition: the next iteration must start with something it cannot match.
  return !intersects(tailChars(items), bodyFirst);
}

/** Characters consumed by every variable part of a node, however deep. */
function repeatingChars(n: Node): Ranges {
  switch (n.type) {
    case "seq": return normalize(n.items.flatMap(repeatingChars));
    case "alt": return normalize(n.options.flatMap(repeatingChars));
    case "repeat": return variable(n) ? chars(n) : [];
    case "backref": return ANY;
    default: return [];
  }
}

/** The characters of a node that reads one character after another (`爸妈`, `a\d{2}`), or undefined. */
function spelled(n: Node): Ranges[] | undefined {
  switch (n.type) {
    case "char": return [n.set];
    case "seq": {
      const out: Ranges[] = [];
      for (const item of n.items) {
        const part = spelled(item);
        if (!part) return undefined;
        out.push(...part);
      }
      return out;
    }
    case "repeat": {
      const part = n.min === n.max && n.min <= 64 ? spelled(n.body) : undefined;
      return part && Array.from({ length: n.min }, () => part).flat();
    }
    default: return undefined;
  }
}

/**
 * Whether two alternatives can match the same text, or one a beginning of the
 * other. Spelled-out alternatives are compared character by character
 * (`爸爸|爸妈` differ at the second); others by their first characters.
 */
function mayOverlap(a: Node, b: Node): boolean {
  const sa = spelled(a);
  const sb = spelled(b);
  if (!sa || !sb) return intersects(first(a), first(b));
  for (let k = 0; k < Math.min(sa.length, sb.length); k++) if (!intersects(sa[k]!, sb[k]!)) return false;
  return true;
}

/** An alternation, anywhere in `n` outside lookarounds, whose alternatives can start alike. */
function overlappingAlternatives(n: Node): boolean {
  switch (n.type) {
    case "alt": {
      const options = n.options;
      for (let a = 0; a < options.length; a++)
        for (let b = a + 1; b < options.length; b++) if (mayOverlap(options[a]!, options[b]!)) return true;
      return n.options.some(overlappingAlternatives);
    }
    case "seq": return n.items.some(overlappingAlternatives);
    case "repeat": return overlappingAlternatives(n.body);
    default: return false;
  }
}

/** Two variable parts of a sequence in `n` that can take the same characters, with no separator between them. */
function overlappingNeighbours(n: Node): boolean {
  switch (n.type) {
    case "seq": {
      const items = n.items;
      for (let a = 0; a < items.length; a++) {
        if (!variable(items[a]!)) continue;
        const taken = repeatingChars(items[a]!);
        for (let b = a + 1; b < items.length; b++) {
          const between = items.slice(a + 1, b);
          if (between.some((item) => !nullable(item) && !variable(item) && !intersects(chars(item), taken))) break;
          if (variable(items[b]!) && intersects(taken, repeatingChars(items[b]!))) return true;
        }
      }
      return items.some(overlappingNeighbours);
    }
    case "alt": return n.options.some(overlappingNeighbours);
    case "repeat": return overlappingNeighbours(n.body);
    default: return false;
  }
}

function check(n: Node): RegexHazard | undefined {
  switch (n.type) {
    case "seq":
      for (const item of n.items) {
        const h = check(item);
        if (h) return h;
      }
      return undefined;
    case "alt":
      for (const option of n.options) {
        const h = check(option);
        if (h) return h;
      }
      return undefined;
    case "look":
      return check(n.body);
    case "repeat": {
      const inner = check(n.body);
      if (inner) return inner;
      if (n.max <= 1) return undefined;
      if (!iterationsForced(n.body)) return { index: n.at, reason: NESTED };
      if (overlappingAlternatives(n.body)) return { index: n.at, reason: ALTERNATIVES };
      if (overlappingNeighbours(n.body)) return { index: n.at, reason: ADJACENT };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The first hazard in a pattern (one that compiles with the `u` flag), or undefined when it is safe. */
export function findRegexHazard(source: string): RegexHazard | undefined {
  return check(new Parser(source).parse());
}

// Literal prefilter for pattern rules: the strings one of which every match
// of a regular expression must contain. They go into the one automaton with
// the terms, so a text is scanned once and a rule's expression runs only on
// texts where one of its literals occurs — instead of every expression of
// every rule scanning every text.
import { RegExpParser } from "@eslint-community/regexpp";
import type { AST } from "@eslint-community/regexpp";

/** Beyond this many alternatives a set of strings stops being a useful filter. */
const MAX_STRINGS = 64;

type Strings = string[] | undefined;

const parser = new RegExpParser({ ecmaVersion: 2024 });

function cross(a: string[], b: string[]): Strings {
  if (a.length * b.length > MAX_STRINGS) return undefined;
  return a.flatMap((x) => b.map((y) => x + y));
}

function union(sets: Strings[]): Strings {
  const out = new Set<string>();
  for (const s of sets) {
    if (!s) return undefined;
    for (const x of s) out.add(x);
  }
  return out.size > MAX_STRINGS ? undefined : [...out];
}

/** Every string `el` can match, when there are few: `最`, `[佳好]`, `(全网|全国)`. */
function exact(el: AST.Element): Strings {
  switch (el.type) {
    case "Character":
      return [String.fromCodePoint(el.value).toLowerCase()];
    case "CharacterClass": {
      if (el.negate || el.unicodeSets) return undefined;
      const out: string[] = [];
      for (const e of el.elements) {
        if (e.type === "Character") out.push(String.fromCodePoint(e.value).toLowerCase());
        else if (e.type === "CharacterClassRange" && e.max.value - e.min.value < 16)
          for (let c = e.min.value; c <= e.max.value; c++) out.push(String.fromCodePoint(c).toLowerCase());
        else return undefined;
      }
      return out.length && out.length <= MAX_STRINGS ? [...new Set(out)] : undefined;
    }
    case "Group":
    case "CapturingGroup":
      return union(el.alternatives.map(exactSequence));
    case "Quantifier": {
      if (el.min !== el.max || el.max > 4) return undefined;
      const inner = exact(el.element);
      let out: Strings = [""];
      for (let i = 0; i < el.min && out && inner; i++) out = cross(out, inner);
      return inner ? out : undefined;
    }
    case "Assertion":
      return [""]; // consumes nothing
    default:
      return undefined;
  }
}

function exactSequence(alt: AST.Alternative): Strings {
  let out: Strings = [""];
  for (const el of alt.elements) {
    const e = exact(el);
    out = e && out ? cross(out, e) : undefined;
    if (!out) return undefined;
  }
  return out;
}

/** Strings one of which every match of `el` contains; undefined when `el` may match without any. */
function required(el: AST.Element): Strings {
  switch (el.type) {
    case "Group":
    case "CapturingGroup":
      return union(el.alternatives.map(requiredInSequence));
    case "Quantifier":
      return el.min >= 1 ? (exact(el.element) ?? required(el.element)) : undefined;
    default:
      return exact(el);
  }
}

/** A filter is better when its shortest string is longer: it occurs less often by chance. */
function better(a: string[], b: Strings): boolean {
  if (!b) return true;
  const shortest = (s: string[]) => Math.min(...s.map((x) => x.length));
  return shortest(a) > shortest(b) || (shortest(a) === shortest(b) && a.length < b.length);
}

function requiredInSequence(alt: AST.Alternative): Strings {
  return bestOf(requiredSets(alt));
}

function bestOf(sets: string[][]): Strings {
  let best: Strings;
  for (const s of sets) if (better(s, best)) best = s;
  return best;
}

/** Every set of strings one of which each match of `alt` contains, from left to right. */
function requiredSets(alt: AST.Alternative): string[][] {
  const sets: string[][] = [];
  // White space at either end of a literal is left off: the fold keeps or drops it by what lies around it,
  // which a look at raw text does not see as a segment does. Copy holds what is left whenever it holds the whole.
  const consider = (s: Strings) => {
    const trimmed = s?.map((x) => x.trim());
    if (trimmed && trimmed.every((x) => x.length > 0)) sets.push([...new Set(trimmed)]);
  };
  // Consecutive exact elements join into longer strings: 最(佳|好) gives 最佳, 最好.
  let run: Strings = [""];
  for (const el of alt.elements) {
    const e = exact(el);
    const joined: Strings = e && run ? cross(run, e) : undefined;
    if (joined) {
      run = joined;
      continue;
    }
    consider(run);
    consider(required(el));
    run = e ?? [""];
  }
  consider(run);
  return sets;
}

export interface PatternLiterals {
  /** The strings one of which every match contains; undefined when it can match without one and must always run. */
  literals: string[] | undefined;
  /**
   * For each alternative at the top of the pattern, the sets of literals its
   * matches contain one of each: `\d+天[^。]{0,8}(见效|变白)` needs 天 and one of
   * 见效 and 变白. A text without them all, for every alternative, has no match.
   */
  sets: string[][][];
}

/**
 * What each pattern source read so far needs. The reading depends on the
 * source alone, so it is kept for the process, and a built-in pack's snapshot
 * brings those of its patterns, read at build (see `rememberLiterals`).
 */
const read = new Map<string, PatternLiterals>();

/** What a pattern (folded source, compiled with flags `iu`) needs to match, read from one parse of it. */
export function patternLiterals(source: string): PatternLiterals {
  let known = read.get(source);
  if (known === undefined) read.set(source, (known = readLiterals(source)));
  return known;
}

/** What a pattern needs, read anew. */
export function readLiterals(source: string): PatternLiterals {
  const pattern = parse(source);
  if (!pattern) return { literals: undefined, sets: [] };
  const sets = pattern.alternatives.map(requiredSets);
  const literals = union(sets.map(bestOf));
  return { literals: literals && literals.every((l) => l.length > 0) ? literals : undefined, sets };
}

/** The readings made so far, to save. */
export function knownLiterals(): Array<[string, PatternLiterals]> {
  return [...read];
}

/** Takes readings saved by this same code as made. */
export function rememberLiterals(saved: ReadonlyArray<[string, PatternLiterals]>): void {
  for (const [source, literals] of saved) if (!read.has(source)) read.set(source, literals);
}

export function requiredLiterals(source: string): string[] | undefined {
  return patternLiterals(source).literals;
}

function parse(source: string): AST.Pattern | undefined {
  try {
    return parser.parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return undefined;
  }
}

// Finds candidate matches in one folded text: term hits from the automaton
// and per-rule pattern hits, before any judging.
import { HitList } from "./automaton.js";
import type { CompiledRule, Expression, PatternRef, RuleSet } from "./rule-set.js";

export interface Candidate {
  rule: CompiledRule;
  start: number;
  end: number;
}

/** Filled by each scan for candidates: a scan never runs inside another. */
const hits = new HitList();

/**
 * For each set of literals that patterns need (`PatternRef.needSets`), the
 * number of the last scan that found one of them: `scans` when the text at
 * hand holds one.
 */
let foundIn = new Int32Array(1024);
let scans = 0;

/** For each pattern (`PatternRef.index`), the number of the last scan that listed it to run. */
let listedIn = new Int32Array(256);

/** For each key of the automaton, the number of the last scan that took in what it is a literal of: a key found again adds only its terms. */
let keyFoundIn = new Int32Array(4096);

/** Starts the notes of a scan: of which sets of needed literals and which keys it found, and which patterns it listed. */
function newScan(rules: RuleSet): void {
  if (foundIn.length < rules.needSetCount) foundIn = new Int32Array(rules.needSetCount);
  if (listedIn.length < rules.patternCount) listedIn = new Int32Array(rules.patternCount);
  if (keyFoundIn.length < rules.keys.length) keyFoundIn = new Int32Array(rules.keys.length);
  if (++scans === 0x7fffffff) {
    foundIn.fill(0);
    listedIn.fill(0);
    keyFoundIn.fill(0);
    scans = 1;
  }
}

/** Whether the text last scanned holds, for one of the pattern's alternatives, one literal of each set it needs. */
function holdsNeeded(p: PatternRef): boolean {
  if (p.needSets.length === 0) return true;
  alternatives: for (const alternative of p.needSets) {
    for (const s of alternative) if (foundIn[s] !== scans) continue alternatives;
    return true;
  }
  return false;
}

/**
 * All candidates of the enabled rules, leftmost-longest and non-overlapping per
 * rule. With `reads`, also gathers the rules whose document-level checks read
 * a literal that `text` holds.
 */
export function findCandidates(text: string, rules: RuleSet, enabled: (rule: CompiledRule) => boolean, reads?: Set<number>): Candidate[] {
  const { automaton } = rules;
  automaton.scanInto(text, hits);
  // Most segments hold no term and no literal: nothing to gather.
  if (hits.count === 0 && rules.unfiltered.length === 0) return [];
  const found: Candidate[] = [];
  // One scan finds the terms, which patterns have a literal here, and whether the text holds all else they need.
  newScan(rules);
  const toRun: PatternRef[] = [];
  const list = (ref: PatternRef) => {
    if (listedIn[ref.index] === scans) return;
    listedIn[ref.index] = scans;
    toRun.push(ref);
  };
  for (let h = 0; h < hits.count; h++) {
    const term = hits.terms[h]!;
    const end = hits.ends[h]!;
    const key = rules.keys[term]!;
    for (const r of key.termRules) {
      const rule = rules.rules[r]!;
      if (enabled(rule)) found.push({ rule, start: end - automaton.termLength(term), end });
    }
    if (keyFoundIn[term] === scans) continue;
    keyFoundIn[term] = scans;
    for (const s of key.inSets) foundIn[s] = scans;
    for (const ref of key.patterns) list(ref);
    if (reads) for (const r of key.documentRules) reads.add(r);
  }
  for (const ref of rules.unfiltered) list(ref);
  for (const ref of toRun) {
    const rule = rules.rules[ref.rule]!;
    if (!enabled(rule) || !holdsNeeded(ref)) continue;
    // As `regexHits` yields them, without a generator: most patterns run here.
    const re = rule.patterns[ref.pattern]!;
    re.lastIndex = 0;
    for (let m = nextMatch(re, text); m; m = nextMatch(re, text)) {
      const [start, end] = rangeOf(m);
      found.push({ rule, start, end });
    }
  }
  if (found.length <= 1) return found;
  const perRule = new Map<CompiledRule, Candidate[]>();
  for (const c of found) {
    const list = perRule.get(c.rule);
    if (list) list.push(c);
    else perRule.set(c.rule, [c]);
  }
  const out: Candidate[] = [];
  for (const list of perRule.values()) out.push(...leftmostLongest(list));
  return out.sort((a, b) => a.start - b.start || b.end - a.end || a.rule.id.localeCompare(b.rule.id));
}

/**
 * Whether an enabled rule may match `text`: a term of it occurs, or one of
 * each set of literals one of its patterns needs; with `documentReads`, also
 * whether `text` holds a literal that an enabled rule's document-level check
 * reads. Stops at the first sign, and runs no expression. A pattern with no
 * literal is not looked at: its rule is among `rules.unsure`. A literal a
 * pattern needs counts as there when `assumed` says so.
 */
export function mayMatch(
  text: string,
  rules: RuleSet,
  enabled: (rule: CompiledRule) => boolean,
  { documentReads = false, assumed }: { documentReads?: boolean; assumed?: (literal: string) => boolean } = {},
): boolean {
  // A pattern's literal sets are looked for once, whichever of its literals comes first (most texts hold none).
  let ruledOut: Set<PatternRef> | undefined;
  const mayRun = (p: PatternRef) => {
    if (ruledOut?.has(p) || !enabled(rules.rules[p.rule]!)) return false;
    if (holdsNeeds(p, text, assumed)) return true;
    (ruledOut ??= new Set()).add(p);
    return false;
  };
  return rules.automaton.some(text, (k) => {
    const key = rules.keys[k]!;
    const on = (r: number) => enabled(rules.rules[r]!);
    return key.termRules.some(on) || key.patterns.some(mayRun) || (documentReads && key.documentRules.some(on));
  });
}

/** Whether `text` holds, for one of the pattern's alternatives, one literal of each set it needs (or one `assumed` there). */
function holdsNeeds(p: PatternRef, text: string, assumed?: (literal: string) => boolean): boolean {
  const has = (set: string[]) => set.some((literal) => text.includes(literal) || assumed?.(literal) === true);
  return p.needs.length === 0 || p.needs.some((alternative) => alternative.every(has));
}

/**
 * Ranges matched by a global regex; a named group `hit` narrows the range to
 * the part that carries the violation. Empty matches are skipped.
 */
export function* regexHits(re: RegExp, text: string): Generator<[number, number]> {
  re.lastIndex = 0;
  for (let m = nextMatch(re, text); m; m = nextMatch(re, text)) yield rangeOf(m);
}

/** The next non-empty match of a global regex from its `lastIndex`. */
function nextMatch(re: RegExp, text: string): RegExpExecArray | null {
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length > 0) return m;
    re.lastIndex++;
  }
  return null;
}

/** The range a match reports: its `hit` group, or the whole of it. */
function rangeOf(m: RegExpExecArray): [number, number] {
  return m.indices?.groups?.["hit"] ?? [m.index, m.index + m[0].length];
}

/** Whether `text` holds one of the literals the expression needs, or it needs none: only then can it match. */
export function mayHold(e: Expression, text: string): boolean {
  return e.anyLiteral === undefined || e.anyLiteral.test(text);
}

/** Ranges an expression matches, as `regexHits`; none, without running it, in text that lacks its literals. */
export function expressionHits(e: Expression, text: string): Iterable<[number, number]> {
  return mayHold(e, text) ? regexHits(e.re, text) : [];
}

export function anyMatch(expressions: readonly Expression[], text: string): boolean {
  return expressions.some((e) => {
    if (!mayHold(e, text)) return false;
    e.re.lastIndex = 0;
    return e.re.test(text);
  });
}

function leftmostLongest(list: Candidate[]): Candidate[] {
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let reach = -1;
  for (const c of list) {
    if (c.start < reach) continue;
    kept.push(c);
    reach = c.end;
  }
  return kept;
}

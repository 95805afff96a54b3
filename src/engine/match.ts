// Finds candidate matches in one folded text: term hits from the automaton
// and per-rule pattern hits, before any judging.
import type { CompiledRule, RuleSet } from "./rule-set.js";

export interface Candidate {
  rule: CompiledRule;
  start: number;
  end: number;
}

/** All candidates of the enabled rules, leftmost-longest and non-overlapping per rule. */
export function findCandidates(text: string, rules: RuleSet, enabled: (rule: CompiledRule) => boolean): Candidate[] {
  const perRule = new Map<CompiledRule, Candidate[]>();
  const add = (c: Candidate) => {
    const list = perRule.get(c.rule);
    if (list) list.push(c);
    else perRule.set(c.rule, [c]);
  };
  for (const hit of rules.automaton.scan(text)) {
    for (const r of rules.termRules[hit.term]!) {
      const rule = rules.rules[r]!;
      if (enabled(rule)) add({ rule, start: hit.start, end: hit.end });
    }
  }
  for (const rule of rules.rules) {
    if (rule.patterns.length === 0 || rule.spec.kind === "require" || !enabled(rule)) continue;
    for (const re of rule.patterns) for (const [start, end] of regexHits(re, text)) add({ rule, start, end });
  }
  const out: Candidate[] = [];
  for (const list of perRule.values()) out.push(...leftmostLongest(list));
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Ranges matched by a global regex; a named group `hit` narrows the range to
 * the part that carries the violation. Empty matches are skipped.
 */
export function* regexHits(re: RegExp, text: string): Generator<[number, number]> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const hit = m.indices?.groups?.["hit"];
    if (hit) yield hit;
    else yield [m.index, m.index + m[0].length];
  }
}

export function anyMatch(res: readonly RegExp[], text: string): boolean {
  return res.some((re) => {
    re.lastIndex = 0;
    return re.test(text);
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

// Decides whether a candidate is a violation: allow contexts cancel it, and a
// claim stands only when no evidence is found within its scope.
import { sentenceAround } from "../text/sentences.js";
import type { Candidate } from "./match.js";
import { anyMatch, expressionHits } from "./match.js";
import type { CompiledRule, Expression } from "./rule-set.js";

/** The folded texts of one document, for evidence at document scope. */
export interface DocumentTexts {
  folded: string[];
}

/**
 * What an expression, or a rule's expressions, found in the last scope asked
 * about. The candidates of one sentence share it, so hostile copy (one endless
 * sentence with thousands of matches) is read once, not once per candidate;
 * and rules that share an allow expression (the packs' "quoting the law" and
 * "reporting a penalty" contexts) share its reading.
 */
interface Remembered<T> {
  scope: unknown;
  text: string;
  a: number;
  b: number;
  value: T;
}

function remember<K extends object, T>(memo: WeakMap<K, Remembered<T>>, key: K, scope: unknown, text: string, a: number, b: number, compute: () => T): T {
  const last = memo.get(key);
  if (last && last.scope === scope && last.text === text && last.a === a && last.b === b) return last.value;
  const value = compute();
  memo.set(key, { scope, text, a, b, value });
  return value;
}

const allowHits = new WeakMap<Expression, Remembered<Array<[number, number]>>>();
const evidenceFound = new WeakMap<CompiledRule, Remembered<boolean>>();

/** True when an allow context around the candidate contains it. */
export function isAllowed(text: string, c: Candidate): boolean {
  if (c.rule.allow.length === 0) return false;
  const [a, b] = sentenceAround(text, c.start, c.end);
  const hitsOf = (e: Expression) => remember(allowHits, e, undefined, text, a, b, () => [...expressionHits(e, text.slice(a, b))]);
  return c.rule.allow.some((e) => hitsOf(e).some(([from, to]) => a + from <= c.start && c.end <= a + to));
}

/** True when a claim's evidence is present in the rule's scope. */
export function hasEvidence(text: string, c: Candidate, doc: DocumentTexts): boolean {
  const rule: CompiledRule = c.rule;
  switch (rule.spec.within) {
    case "sentence": {
      const [a, b] = sentenceAround(text, c.start, c.end);
      return remember(evidenceFound, rule, undefined, text, a, b, () => anyMatch(rule.evidence, text.slice(a, b)));
    }
    case "segment":
      return remember(evidenceFound, rule, undefined, text, 0, text.length, () => anyMatch(rule.evidence, text));
    case "document":
      return remember(evidenceFound, rule, doc, "", 0, 0, () => doc.folded.some((f) => anyMatch(rule.evidence, f)));
  }
}

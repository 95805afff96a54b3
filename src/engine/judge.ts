// Decides whether a candidate is a violation: allow contexts cancel it, and a
// claim stands only when no evidence is found within its scope.
import type { MappedText } from "../core/types.js";
import { sentenceAround } from "../text/sentences.js";
import type { Candidate } from "./match.js";
import { anyMatch, expressionHits } from "./match.js";
import type { CompiledRule } from "./rule-set.js";

/** The folded texts of one document, for evidence at document scope. */
export interface DocumentTexts {
  folded: string[];
}

/**
 * What a rule's regexes found in the last scope it was asked about. The
 * candidates of one sentence share it, so hostile copy (one endless sentence
 * with thousands of matches) is read once per rule, not once per candidate.
 */
interface Remembered<T> {
  scope: unknown;
  text: string;
  a: number;
  b: number;
  value: T;
}

function remember<T>(memo: WeakMap<CompiledRule, Remembered<T>>, rule: CompiledRule, scope: unknown, text: string, a: number, b: number, compute: () => T): T {
  const last = memo.get(rule);
  if (last && last.scope === scope && last.text === text && last.a === a && last.b === b) return last.value;
  const value = compute();
  memo.set(rule, { scope, text, a, b, value });
  return value;
}

const allowHits = new WeakMap<CompiledRule, Remembered<Array<[number, number]>>>();
const evidenceFound = new WeakMap<CompiledRule, Remembered<boolean>>();

/** True when an allow context around the candidate contains it. */
export function isAllowed(text: string, c: Candidate): boolean {
  if (c.rule.allow.length === 0) return false;
  const [a, b] = sentenceAround(text, c.start, c.end);
  const hits = remember(allowHits, c.rule, undefined, text, a, b, () => {
    const sentence = text.slice(a, b);
    return c.rule.allow.flatMap((e) => [...expressionHits(e, sentence)]);
  });
  return hits.some(([s, e]) => a + s <= c.start && c.end <= a + e);
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

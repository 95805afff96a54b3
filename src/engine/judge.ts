// Decides whether a candidate is a violation: allow contexts cancel it, and a
// claim stands only when no evidence is found within its scope.
import type { MappedText } from "../core/types.js";
import { sentenceAround } from "../text/sentences.js";
import type { Candidate } from "./match.js";
import { anyMatch, regexHits } from "./match.js";
import type { CompiledRule } from "./rule-set.js";

/** The folded texts of one document, for evidence at document scope. */
export interface DocumentTexts {
  folded: MappedText[];
}

/** True when an allow context around the candidate contains it. */
export function isAllowed(text: string, c: Candidate): boolean {
  if (c.rule.allow.length === 0) return false;
  const [a, b] = sentenceAround(text, c.start, c.end);
  const sentence = text.slice(a, b);
  for (const re of c.rule.allow)
    for (const [s, e] of regexHits(re, sentence)) if (a + s <= c.start && c.end <= a + e) return true;
  return false;
}

/** True when a claim's evidence is present in the rule's scope. */
export function hasEvidence(text: string, c: Candidate, doc: DocumentTexts): boolean {
  const rule: CompiledRule = c.rule;
  switch (rule.spec.within) {
    case "sentence": {
      const [a, b] = sentenceAround(text, c.start, c.end);
      return anyMatch(rule.evidence, text.slice(a, b));
    }
    case "segment":
      return anyMatch(rule.evidence, text);
    case "document":
      return doc.folded.some((f) => anyMatch(rule.evidence, f.text));
  }
}

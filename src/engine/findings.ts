// Runs the compiled rules over a parsed document: fold each segment, find
// candidates, judge them, and check document-level requirements.
import type { DocumentMeta, Segment } from "../core/types.js";
import type { ParsedDocument } from "../sources/document.js";
import { foldedOrigin, foldText } from "../text/fold.js";
import { hasEvidence, isAllowed, type DocumentTexts } from "./judge.js";
import { findBacking, isExpired, type EvidenceEntry, type EvidenceRegistry } from "../evidence/registry.js";
import { readPatentNumber } from "../evidence/patent-number.js";
import { sentenceAround } from "../text/sentences.js";
import { anyMatch, expressionHits, findCandidates } from "./match.js";
import type { CompiledRule, RuleSet } from "./rule-set.js";

/** A violation, located in the source, before it becomes a diagnostic. */
export interface Finding {
  rule: CompiledRule;
  /** Source offsets, UTF-16, end exclusive. */
  range: [number, number];
  /** The matched text after folding, for fixes keyed by term. */
  folded: string;
  /** The subtitle cue it is in. */
  cueStart?: string;
  /** The registry entry that backed the claim until it expired. */
  expired?: EvidenceEntry;
}

/** What judging may consult beyond the copy itself. */
export interface JudgeContext {
  evidence?: EvidenceRegistry;
  /** The date evidence is checked against, YYYY-MM-DD. */
  today: string;
}

/** A candidate that a named check in code can clear: a well-formed patent number is not a finding. */
function passesValidation(rule: CompiledRule, folded: string): boolean {
  switch (rule.spec.validate) {
    case "cn-patent-number":
      return !("problem" in readPatentNumber(folded));
    case undefined:
      return false;
  }
}

/** Whether a rule applies to a document, by its channel and its product category. */
export function appliesTo(rule: CompiledRule, doc: ParsedDocument): boolean {
  return ruleAppliesTo(rule, doc.meta);
}

export function ruleAppliesTo(rule: CompiledRule, meta: DocumentMeta): boolean {
  const { channels, categories, exceptCategories } = rule.spec;
  const { channel, category } = meta;
  if (channels && (channel === undefined || !channels.includes(channel))) return false;
  if (categories && (category === undefined || !categories.includes(category))) return false;
  if (exceptCategories && category !== undefined && exceptCategories.includes(category)) return false;
  return true;
}

/** A rule limited to speakers hears only what they say; copy nobody says is not on air. */
function spokenBy(rule: CompiledRule, segment: Segment): boolean {
  const speakers = rule.spec.speakers;
  return !speakers || (segment.speaker !== undefined && speakers.includes(segment.speaker));
}

/** Where in the source the folded range `start..end` of a segment's text comes from; positions are worked out only for what is reported. */
function sourceRange(segment: Segment, start: number, end: number): [number, number] {
  const [from, to] = foldedOrigin(segment.text, start, end);
  return [segment.starts[from]!, segment.ends[Math.max(from, to - 1)]!];
}

export function findViolations(doc: ParsedDocument, rules: RuleSet, context: JudgeContext): Finding[] {
  const enabled = (rule: CompiledRule) => appliesTo(rule, doc);
  const folded = doc.segments.map((s) => foldText(s.text));
  const texts: DocumentTexts = { folded };
  const findings: Finding[] = [];
  // The rules whose document-level expressions (a requirement and its trigger,
  // evidence looked for in the whole document) may match in some segment: one
  // of their literals occurs in it, or they have an expression without literals.
  const bearing = new Set(rules.documentUnfiltered);

  doc.segments.forEach((segment, i) => {
    const text = folded[i]!;
    for (const c of findCandidates(text, rules, enabled, bearing)) {
      if (!spokenBy(c.rule, segment)) continue;
      if (isAllowed(text, c)) continue;
      const matched = text.slice(c.start, c.end);
      if (passesValidation(c.rule, matched)) continue;
      let expired: EvidenceEntry | undefined;
      if (c.rule.spec.kind === "claim") {
        if (hasEvidence(text, c, texts)) continue;
        const [a, b] = sentenceAround(text, c.start, c.end);
        const backing = context.evidence && findBacking(context.evidence, c.rule.id, text.slice(a, b), c.start - a, c.end - a);
        if (backing && !isExpired(backing, context.today)) continue;
        expired = backing;
      }
      findings.push({
        rule: c.rule,
        range: sourceRange(segment, c.start, c.end),
        folded: matched,
        ...(segment.cueStart !== undefined ? { cueStart: segment.cueStart } : {}),
        ...(expired ? { expired } : {}),
      });
    }
  });

  const bears = (r: number) => bearing.has(r);
  rules.rules.forEach((rule, r) => {
    if (rule.spec.kind !== "require" || !enabled(rule) || doc.segments.length === 0) return;
    if (bears(r) && folded.some((f) => anyMatch(rule.require, f))) return;
    if (rule.when.length === 0) {
      const first = doc.segments[0]!;
      findings.push({ rule, range: [first.starts[0]!, first.ends[first.text.length - 1]!], folded: "" });
      return;
    }
    if (!bears(r)) return;
    // The requirement is missing: report it where the copy triggers it, once.
    trigger: for (const [i, f] of folded.entries())
      for (const expression of rule.when)
        for (const [s, e] of expressionHits(expression, f)) {
          findings.push({ rule, range: sourceRange(doc.segments[i]!, s, e), folded: f.slice(s, e) });
          break trigger;
        }
  });
  return findings.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

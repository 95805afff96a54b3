// The evidence registry (evidence.yaml), kept by the compliance group: what
// backs a claim, where it comes from, and until when. A claim an entry covers
// is not reported; one whose entry has expired is a warning naming the entry.
import { readFileSync } from "node:fs";
import { AdlintError } from "../core/errors.js";
import { escapeRegExp } from "../core/regexp.js";
import { asEnum, asSeq, asString, asStringList, asText, checkKeys, mapEntries, YamlSource } from "../core/yaml-source.js";
import { foldTerm } from "../text/fold.js";
import { readPatentNumber } from "./patent-number.js";

export const EVIDENCE_KINDS = ["statistic", "patent", "test-report", "award", "endorsement-contract", "other"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface EvidenceEntry {
  id: string;
  kind: EvidenceKind;
  /** The phrases it supports, folded as copy is, matched with any spacing between characters. */
  supports: RegExp[];
  source: string;
  /** The last day it is valid, YYYY-MM-DD. */
  validUntil?: string;
  patent?: string;
  /** Only claims of these rules; all claim rules when absent. */
  rules?: string[];
  line: number;
}

export interface EvidenceRegistry {
  file: string;
  entries: EvidenceEntry[];
}

/** A phrase that matches however the copy spaces its characters (满意度98% reads 满意度 98%). */
function phrasePattern(phrase: string): RegExp {
  const chars = [...phrase.replace(/\s+/g, "")].map(escapeRegExp);
  return new RegExp(chars.join("\\s*"), "gu");
}

const ENTRY_KEYS = ["id", "kind", "supports", "source", "validUntil", "patent", "rules", "note"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseEvidence(file: string, text: string): EvidenceRegistry {
  const src = new YamlSource(file, text);
  const top = mapEntries(src, src.root, "an evidence registry");
  checkKeys(src, top, ["evidence"], "evidence registry");
  const list = top.find((e) => e.key === "evidence");
  if (!list) throw src.error(src.root, 'an evidence registry needs an "evidence" list');
  const ids = new Map<string, number>();
  const entries = asSeq(src, list.value, "evidence").map((node): EvidenceEntry => {
    const fields = mapEntries(src, node, "an evidence entry");
    checkKeys(src, fields, ENTRY_KEYS, "evidence entry");
    const get = (key: string) => fields.find((f) => f.key === key)?.value ?? null;
    const has = (key: string) => fields.some((f) => f.key === key);
    for (const key of ["id", "kind", "supports", "source"])
      if (!has(key)) throw src.error(node, `an evidence entry needs "${key}"`);
    const id = asString(src, get("id"), "id");
    const line = src.lineOf(node);
    const earlier = ids.get(id);
    if (earlier) throw src.error(get("id"), `evidence ${id} is listed twice (first at line ${earlier})`);
    ids.set(id, line);
    const what = `evidence ${id}`;
    const entry: EvidenceEntry = {
      id,
      kind: asEnum(src, get("kind"), `${what}: kind`, EVIDENCE_KINDS),
      supports: asStringList(src, get("supports"), `${what}: supports`).map((s) => phrasePattern(foldTerm(s.value))),
      source: asString(src, get("source"), `${what}: source`),
      line,
    };
    if (has("validUntil")) {
      const until = asText(src, get("validUntil"), `${what}: validUntil`);
      if (!DATE.test(until) || Number.isNaN(Date.parse(until)))
        throw src.error(get("validUntil"), `${what}: validUntil must be a date written YYYY-MM-DD, not "${until}"`);
      entry.validUntil = until;
    }
    if (has("patent")) {
      const patent = asText(src, get("patent"), `${what}: patent`);
      const read = readPatentNumber(patent);
      if ("problem" in read)
        throw src.error(get("patent"), `${what}: "${patent}" is not a valid Chinese patent number (${PROBLEMS[read.problem]})`);
      entry.patent = patent;
    }
    if (has("rules")) entry.rules = asStringList(src, get("rules"), `${what}: rules`).map((r) => r.value);
    return entry;
  });
  return { file, entries };
}

const PROBLEMS: Record<string, string> = {
  form: "expected ZL, 12 or 8 digits, a dot and a check character",
  type: "the type digit must be 1, 2, 3, 8 or 9",
  check: "the check character does not match the digits",
};

export function loadEvidence(file: string): EvidenceRegistry {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new AdlintError(`cannot read the evidence registry (${(e as NodeJS.ErrnoException).code ?? "error"})`, { file, line: 1, column: 1 });
  }
  return parseEvidence(file, text);
}

/**
 * The entry that backs a claim: one whose supported phrase appears in the
 * claim's sentence and overlaps the claim. `sentence` is folded text, and
 * [start, end) is the claim within it.
 */
export function findBacking(
  registry: EvidenceRegistry,
  ruleId: string,
  sentence: string,
  start: number,
  end: number,
): EvidenceEntry | undefined {
  for (const entry of registry.entries) {
    if (entry.rules && !entry.rules.includes(ruleId)) continue;
    for (const phrase of entry.supports)
      for (const m of sentence.matchAll(phrase)) if (m.index < end && start < m.index + m[0].length) return entry;
  }
  return undefined;
}

/** Whether an entry has expired on `today` (YYYY-MM-DD). */
export function isExpired(entry: EvidenceEntry, today: string): boolean {
  return entry.validUntil !== undefined && entry.validUntil < today;
}

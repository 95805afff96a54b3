// Compares the rules in force at two revisions: which were removed, which were
// lowered (error -> warn -> off), which were added or raised. A change to the
// packs or the config that loosens the gate is named before it is merged.
import type { Level } from "../core/types.js";
import type { Project } from "../project.js";
import { openProjectAt, type RevisionOptions } from "./revision.js";

const RANK: Record<Level, number> = { off: 0, warn: 1, error: 2 };

export interface RuleChange {
  id: string;
  law: string;
  from?: Level;
  to?: Level;
}

export interface RulesDiff {
  base: string;
  head: string;
  removed: RuleChange[];
  lowered: RuleChange[];
  added: RuleChange[];
  raised: RuleChange[];
}

/** Each rule of the project's packs with the level it runs at once the config has had its say. */
export function effectiveRules(project: Project): Map<string, { level: Level; law: string }> {
  const out = new Map<string, { level: Level; law: string }>();
  for (const pack of project.packs)
    for (const rule of pack.rules) out.set(rule.id, { level: project.config.rules.get(rule.id) ?? rule.level, law: rule.law });
  return out;
}

export function diffRules(
  base: Map<string, { level: Level; law: string }>,
  head: Map<string, { level: Level; law: string }>,
  revisions: { base: string; head: string } = { base: "base", head: "head" },
): RulesDiff {
  const diff: RulesDiff = { ...revisions, removed: [], lowered: [], added: [], raised: [] };
  for (const [id, was] of base) {
    const now = head.get(id);
    if (!now) {
      if (was.level !== "off") diff.removed.push({ id, law: was.law, from: was.level });
    } else if (RANK[now.level] < RANK[was.level]) diff.lowered.push({ id, law: now.law, from: was.level, to: now.level });
    else if (RANK[now.level] > RANK[was.level]) diff.raised.push({ id, law: now.law, from: was.level, to: now.level });
  }
  for (const [id, now] of head) if (!base.has(id)) diff.added.push({ id, law: now.law, to: now.level });
  for (const list of [diff.removed, diff.lowered, diff.added, diff.raised]) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return diff;
}

/** The rules diff between the configs (and the packs they name) of two revisions. */
export async function diffRevisionRules(base: string, head: string, options: RevisionOptions = {}): Promise<RulesDiff> {
  const opened = await Promise.allSettled([openProjectAt(base, options), openProjectAt(head, options)]);
  try {
    const [before, after] = opened.map((o) => {
      if (o.status === "rejected") throw o.reason;
      return o.value;
    });
    return diffRules(effectiveRules(before!.project), effectiveRules(after!.project), { base, head });
  } finally {
    for (const o of opened) if (o.status === "fulfilled") o.value.close();
  }
}

/** True when the change loosens the gate: a rule removed or lowered. */
export const loosens = (diff: RulesDiff): boolean => diff.removed.length > 0 || diff.lowered.length > 0;

/** The diff as lines a person reads; empty when nothing changed. */
export function formatRulesDiff(diff: RulesDiff): string {
  const lines: string[] = [];
  for (const r of diff.removed) lines.push(`- ${r.id} (${r.from}) removed  ${r.law}`);
  for (const r of diff.lowered) lines.push(`v ${r.id} ${r.from} -> ${r.to}  ${r.law}`);
  for (const r of diff.added) lines.push(`+ ${r.id} (${r.to}) added  ${r.law}`);
  for (const r of diff.raised) lines.push(`^ ${r.id} ${r.from} -> ${r.to}  ${r.law}`);
  return lines.length ? `${lines.join("\n")}\n` : "";
}

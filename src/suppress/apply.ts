// Applies inline directives to a file's diagnostics, and reports directives
// that give no reason or suppress nothing.
import type { Diagnostic, Locale } from "../core/types.js";
import { positioned } from "../engine/diagnostics.js";
import type { LineIndex } from "../text/offsets.js";
import type { Directive } from "./directives.js";

export const UNUSED_DIRECTIVE = "adlint/unused-directive";
export const DIRECTIVE_REASON = "adlint/directive-reason";

interface Coverage {
  directive: Directive;
  used: boolean;
  covers: (d: Diagnostic) => boolean;
}

function names(directive: Directive, id: string | null): boolean {
  if (id === null) return false;
  return directive.rules.length === 0 || directive.rules.includes(id);
}

function coverages(directives: Directive[], lines: LineIndex): Coverage[] {
  const out: Coverage[] = [];
  const sorted = [...directives].sort((a, b) => a.range[0] - b.range[0]);
  for (const [i, directive] of sorted.entries()) {
    const line = lines.position(directive.range[0]).line;
    const endLine = lines.position(directive.range[1]).line;
    switch (directive.kind) {
      case "disable-line":
        out.push({ directive, used: false, covers: (d) => d.line >= line && d.line <= endLine && names(directive, d.ruleId) });
        break;
      case "disable-next-line":
        out.push({ directive, used: false, covers: (d) => d.line === endLine + 1 && names(directive, d.ruleId) });
        break;
      case "disable": {
        const from = directive.range[1];
        // The region ends at the first later `enable` that re-enables these rules.
        const end = sorted
          .slice(i + 1)
          .find((e) => e.kind === "enable" && (e.rules.length === 0 || directive.rules.every((r) => e.rules.includes(r))));
        const to = end ? end.range[0] : Infinity;
        out.push({ directive, used: false, covers: (d) => d.range[0] >= from && d.range[0] < to && names(directive, d.ruleId) });
        break;
      }
      case "enable":
        break;
    }
  }
  return out;
}

export function applyDirectives(
  diagnostics: Diagnostic[],
  directives: Directive[],
  lines: LineIndex,
  locale: Locale,
): Diagnostic[] {
  if (directives.length === 0) return diagnostics;
  const cover = coverages(directives, lines);
  const kept = diagnostics.filter((d) => {
    let suppressed = false;
    for (const c of cover)
      if (c.covers(d)) {
        c.used = true;
        suppressed = true;
      }
    return !suppressed;
  });
  const zh = locale === "zh";
  for (const directive of directives) {
    if (directive.kind === "enable" || directive.reason) continue;
    kept.push({
      ruleId: DIRECTIVE_REASON,
      severity: 1,
      message: zh
        ? `adlint-${directive.kind} 缺少理由：请在规则后写上「-- 理由」`
        : `adlint-${directive.kind} gives no reason: add "-- reason" after the rules`,
      ...positioned(lines, directive.range),
    });
  }
  for (const c of cover) {
    if (c.used) continue;
    const what = c.directive.rules.length ? c.directive.rules.join(", ") : zh ? "任何规则" : "any rule";
    kept.push({
      ruleId: UNUSED_DIRECTIVE,
      severity: 1,
      message: zh
        ? `adlint-${c.directive.kind} 没有屏蔽任何问题（${what}），请删除`
        : `adlint-${c.directive.kind} suppresses nothing (${what}); remove it`,
      ...positioned(lines, c.directive.range),
    });
  }
  return kept;
}

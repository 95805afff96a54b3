// Turns findings into diagnostics: positions in lines and columns, the
// message in the chosen locale with the rule's law, and fixes.
import type { Diagnostic, Fix, Locale, Suggestion } from "../core/types.js";
import { LineIndex } from "../text/offsets.js";
import type { EvidenceEntry } from "../evidence/registry.js";
import type { Finding } from "./findings.js";

export function renderTemplate(template: string, data: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => data[key] ?? whole);
}

/** The message text with its law, as every report shows it. */
export function withLaw(text: string, law: string, locale: Locale): string {
  return locale === "zh" ? `${text}（${law}）` : `${text} (${law})`;
}

export function positioned(
  lines: LineIndex,
  range: [number, number],
): Pick<Diagnostic, "line" | "column" | "endLine" | "endColumn" | "range"> {
  const start = lines.position(range[0]);
  const end = lines.position(range[1]);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, range };
}

function expiredMessage(match: string, entry: EvidenceEntry, locale: Locale): string {
  return locale === "zh"
    ? `「${match}」所依据的证据 ${entry.id}（${entry.source}）已于 ${entry.validUntil} 到期，请更新证据或修改文案`
    : `the evidence ${entry.id} (${entry.source}) behind "${match}" expired on ${entry.validUntil}; renew it or change the copy`;
}

export function toDiagnostic(finding: Finding, source: string, lines: LineIndex, locale: Locale): Diagnostic {
  const { rule, range } = finding;
  const spec = rule.spec;
  const match = source.slice(range[0], range[1]);
  const template = (locale === "en" && spec.message.en) || spec.message.zh;
  const text = finding.expired ? expiredMessage(match, finding.expired, locale) : renderTemplate(template, { match });
  const diagnostic: Diagnostic = {
    ruleId: rule.id,
    // Evidence that has lapsed is a reminder to renew it, not a violation found in the copy.
    severity: finding.expired ? 1 : rule.severity,
    message: withLaw(text, spec.law, locale),
    law: spec.law,
    ...positioned(lines, range),
    ...(finding.cueStart !== undefined ? { cueStart: finding.cueStart } : {}),
  };
  const replacement = rule.fix.get(finding.folded) ?? rule.fix.get("*");
  if (replacement !== undefined && replacement !== match) diagnostic.fix = { range, text: replacement };
  const suggestions: Suggestion[] = spec.suggest
    .filter((text) => text !== match)
    .map((text) => {
      const fix: Fix = { range, text };
      return { desc: locale === "zh" ? `改为「${text}」` : `Replace with "${text}"`, fix };
    });
  if (suggestions.length) diagnostic.suggestions = suggestions;
  return diagnostic;
}

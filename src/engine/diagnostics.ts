// Turns findings into diagnostics: positions in lines and columns, the
// message in the chosen locale with the rule's law, and fixes.
import type { Diagnostic, Fix, Locale, Suggestion } from "../core/types.js";
import { LineIndex } from "../text/offsets.js";
import type { EvidenceEntry } from "../evidence/registry.js";
import type { Finding } from "./findings.js";

/** Each template cut at its placeholders, once: odd places hold the keys. A rule's template is filled in for every finding of it. */
const cutTemplates = new Map<string, string[]>();

/** A server that reads packs again as they are edited meets new templates for as long as it runs: past this many, the cuts start over. */
const MOST_TEMPLATES = 4096;

/** `template` with each `{key}` that `data` has replaced by its value; any other stays as written. */
export function renderTemplate(template: string, data: Readonly<Record<string, string>>): string {
  let parts = cutTemplates.get(template);
  if (parts === undefined) {
    if (cutTemplates.size >= MOST_TEMPLATES) cutTemplates.clear();
    cutTemplates.set(template, (parts = template.split(/\{(\w+)\}/)));
  }
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    text += (Object.hasOwn(data, key) ? data[key] : `{${key}}`) + parts[i + 1]!;
  }
  return text;
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
  // Built field by field: a diagnostic is made for every finding, and spread objects cost each one more.
  const at = positioned(lines, range);
  const diagnostic: Diagnostic = {
    ruleId: rule.id,
    // Evidence that has lapsed is a reminder to renew it, not a violation found in the copy.
    severity: finding.expired ? 1 : rule.severity,
    message: withLaw(text, spec.law, locale),
    law: spec.law,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    range,
  };
  if (finding.cueStart !== undefined) diagnostic.cueStart = finding.cueStart;
  const replacement = rule.fix.get(finding.folded) ?? rule.fix.get("*");
  if (replacement !== undefined && replacement !== match) diagnostic.fix = { range, text: replacement };
  const suggestions: Suggestion[] = [];
  for (const text of spec.suggest) {
    if (text === match) continue;
    const fix: Fix = { range, text };
    suggestions.push({ desc: locale === "zh" ? `改为「${text}」` : `Replace with "${text}"`, fix });
  }
  if (suggestions.length) diagnostic.suggestions = suggestions;
  return diagnostic;
}

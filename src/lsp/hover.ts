// Hover text for a diagnostic: the rule, its level and law, the articles it
// rests on, its description and a few examples, as Markdown.
import type { Diagnostic, Locale } from "../core/types.js";
import type { RuleSpec } from "../packs/pack.js";

const EXAMPLES = 3;

/** Markdown that shows text as written: no emphasis, links or HTML from the copy. */
const escape = (text: string): string => text.replace(/([\\`*_{}[\]()#+\-.!<>|~])/g, "\\$1");

export function hoverMarkdown(d: Diagnostic, rule: RuleSpec | undefined, locale: Locale): string {
  const zh = locale === "zh";
  const level = d.severity === 2 ? (zh ? "错误" : "error") : zh ? "警告" : "warning";
  const out: string[] = [];
  const law = d.law ?? rule?.law;
  out.push(`**${d.ruleId ?? "adlint"}** · ${level}${law ? ` · ${law}` : ""}`);
  out.push(escape(d.message));
  for (const article of rule?.articles ?? []) if (article.text) out.push(`**${escape(article.ref)}**\n\n> ${escape(article.text).replace(/\n/g, "\n> ")}`);
  if (rule?.description) out.push(escape(rule.description));
  const list = (title: string, examples: RuleSpec["examples"]["invalid"]) =>
    examples.length ? `${title}\n\n${examples.slice(0, EXAMPLES).map((e) => `- ${escape(e.text)}`).join("\n")}` : undefined;
  if (rule) {
    const invalid = list(zh ? "**违规示例**" : "**Invalid**", rule.examples.invalid);
    const valid = list(zh ? "**合规示例**" : "**Valid**", rule.examples.valid);
    if (invalid) out.push(invalid);
    if (valid) out.push(valid);
  }
  return out.join("\n\n");
}

// The job summary: totals by rule and by file, then every finding with its
// place, rule, law and message. GitHub refuses a step summary over 1 MiB, so
// the table stops short of that and says how many findings it left out.
import type { Locale } from "../core/types.js";
import { FILE_PROBLEM } from "../report/github.js";
import type { RulesDiff } from "../git/rules-diff.js";
import type { Located } from "./filter.js";

/** GitHub's limit for one step's summary, in bytes. */
export const SUMMARY_LIMIT = 1024 * 1024;

export interface SummaryInput {
  results: Located[];
  locale: Locale;
  /** What the rules were read from, for the reader: "base abc1234" or "head". */
  rulesFrom: string;
  filterMode: string;
  rulesDiff?: RulesDiff;
  /** Findings the baseline accepted. */
  baselined?: number;
  limit?: number;
}

/** A table cell: one line, pipes and markup escaped. */
function cell(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|");
}

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

export function renderSummary(input: SummaryInput): string {
  const zh = input.locale === "zh";
  const limit = input.limit ?? SUMMARY_LIMIT;
  const findings = input.results.flatMap(({ path, result }) => result.messages.map((m) => ({ path, m })));
  const errors = findings.filter((f) => f.m.severity === 2).length;
  const warnings = findings.length - errors;

  let head = `## adlint\n\n`;
  head += zh
    ? `${errors} 个错误，${warnings} 个警告。规则取自 ${input.rulesFrom}；筛选方式 \`${input.filterMode}\`。`
    : `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}. Rules from ${input.rulesFrom}; filter mode \`${input.filterMode}\`.`;
  if (input.baselined) head += zh ? `基线已接受 ${input.baselined} 个已知问题。` : ` The baseline accepted ${input.baselined} known finding${input.baselined === 1 ? "" : "s"}.`;
  head += "\n\n";

  const diff = input.rulesDiff;
  if (diff && diff.removed.length + diff.lowered.length + diff.added.length + diff.raised.length > 0) {
    head += zh ? `### 本次变更修改了规则（检查仍按 ${input.rulesFrom} 的规则进行）\n\n` : `### This change edits the rules (the check still used those of ${input.rulesFrom})\n\n`;
    head += zh ? "| 规则 | 变化 | 法律依据 |\n| --- | --- | --- |\n" : "| rule | change | law |\n| --- | --- | --- |\n";
    for (const r of diff.removed) head += `| ${cell(r.id)} | ${zh ? "删除" : "removed"} (${r.from}) | ${cell(r.law)} |\n`;
    for (const r of diff.lowered) head += `| ${cell(r.id)} | ${zh ? "降级" : "lowered"} ${r.from} → ${r.to} | ${cell(r.law)} |\n`;
    for (const r of diff.added) head += `| ${cell(r.id)} | ${zh ? "新增" : "added"} (${r.to}) | ${cell(r.law)} |\n`;
    for (const r of diff.raised) head += `| ${cell(r.id)} | ${zh ? "升级" : "raised"} ${r.from} → ${r.to} | ${cell(r.law)} |\n`;
    head += "\n";
  }
  if (findings.length === 0) return head;

  const tally = (key: (f: (typeof findings)[number]) => string) => {
    const counts = new Map<string, { errors: number; warnings: number }>();
    for (const f of findings) {
      const c = counts.get(key(f)) ?? { errors: 0, warnings: 0 };
      if (f.m.severity === 2) c.errors++;
      else c.warnings++;
      counts.set(key(f), c);
    }
    return [...counts].sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings) || (a[0] < b[0] ? -1 : 1));
  };
  const totals = (title: string, rows: ReturnType<typeof tally>) =>
    `### ${title}\n\n| ${title} | ${zh ? "错误" : "errors"} | ${zh ? "警告" : "warnings"} |\n| --- | ---: | ---: |\n` +
    rows.map(([k, c]) => `| ${cell(k)} | ${c.errors} | ${c.warnings} |\n`).join("") +
    "\n";
  head += totals(zh ? "规则" : "rule", tally((f) => f.m.ruleId ?? FILE_PROBLEM));
  head += totals(zh ? "文件" : "file", tally((f) => f.path));

  head += zh ? "### 全部问题\n\n| 位置 | 级别 | 规则 | 法律依据 | 说明 |\n| --- | --- | --- | --- | --- |\n" : "### Findings\n\n| where | level | rule | law | message |\n| --- | --- | --- | --- | --- |\n";
  const cutNote = (left: number) =>
    zh
      ? `\n**摘要已截断：还有 ${left} 个问题未列出（GitHub 限制摘要不超过 1 MiB）。完整结果见 SARIF 文件或 \`adlint --format json\`。**\n`
      : `\n**The summary was cut: ${left} more finding${left === 1 ? " is" : "s are"} not listed (GitHub limits a summary to 1 MiB). The SARIF file or \`adlint --format json\` has them all.**\n`;
  // Room for the note, whatever number it ends up naming.
  const budget = limit - bytes(cutNote(findings.length)) - 16;
  let out = head;
  let size = bytes(out);
  let shown = 0;
  for (const { path, m } of findings) {
    const row = `| \`${cell(path)}:${m.line}\` | ${m.severity === 2 ? (zh ? "错误" : "error") : zh ? "警告" : "warning"} | ${cell(m.ruleId ?? FILE_PROBLEM)} | ${cell(m.law ?? "")} | ${cell(m.message)} |\n`;
    const n = bytes(row);
    if (size + n > budget) break;
    out += row;
    size += n;
    shown++;
  }
  if (shown < findings.length) out += cutNote(findings.length - shown);
  return out;
}

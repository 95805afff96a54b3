// The action's pure parts: the job summary and its size limit, which findings
// each filter mode keeps, and the order and cap of annotations.
import { describe, expect, it } from "vitest";
import type { Diagnostic, LintResult } from "../src/core/types.js";
import { planAnnotations } from "../src/action/annotations.js";
import { keepFinding, type Located } from "../src/action/filter.js";
import { readInputs } from "../src/action/inputs.js";
import { renderSummary, SUMMARY_LIMIT } from "../src/action/summary.js";

const finding = (line: number, severity: 1 | 2 = 2, message = "「最好」属于绝对化用语（广告法第九条第三项）"): Diagnostic => ({
  ruleId: severity === 2 ? "ad-law/absolute-term" : "ad-law/statistic-source",
  severity,
  message,
  law: "广告法第九条第三项",
  line,
  column: 1,
  endLine: line,
  endColumn: 3,
  range: [0, 2],
});

const located = (path: string, messages: Diagnostic[]): Located => {
  const result: LintResult = {
    filePath: `/repo/${path}`,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  return { path, result };
};

describe("summary", () => {
  it("totals by rule and file, and a row per finding with its place, rule, law and message", () => {
    const md = renderSummary({
      results: [located("a|b.md", [finding(3), finding(9, 1, "数据「36%」须注明出处\n第二行")]), located("c.md", [finding(1)])],
      locale: "en",
      rulesFrom: "base abc1234",
      filterMode: "added",
    });
    expect(md).toContain("2 errors, 1 warning. Rules from base abc1234; filter mode `added`.");
    expect(md).toContain("| ad-law/absolute-term | 2 | 0 |");
    expect(md).toContain("| a\\|b.md | 1 | 1 |");
    expect(md).toContain("| `a\\|b.md:9` | warning | ad-law/statistic-source | 广告法第九条第三项 | 数据「36%」须注明出处 第二行 |");
    expect(md).not.toContain("cut");
  });

  it("stays under GitHub's 1 MiB and says how many findings it left out", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => finding(i + 1, 2, `「最好」属于绝对化用语，第${i}处`.repeat(3)));
    const md = renderSummary({ results: [located("long.md", many)], locale: "zh", rulesFrom: "head", filterMode: "nofilter" });
    const size = Buffer.byteLength(md, "utf8");
    expect(size).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(size).toBeGreaterThan(SUMMARY_LIMIT * 0.9);
    const rows = md.match(/^\| `long\.md:\d+` \|/gm)!.length;
    expect(md).toContain(`**摘要已截断：还有 ${20_000 - rows} 个问题未列出`);
  });
});

describe("filter modes", () => {
  const changed = new Map([["a.md", new Set([10])]]);
  it.each([
    ["added", 10, true],
    ["added", 11, false],
    ["diff_context", 13, true],
    ["diff_context", 14, false],
    ["file", 99, true],
    ["nofilter", 99, true],
  ] as const)("%s keeps a finding on line %i of a changed file: %s", (mode, line, kept) => {
    expect(keepFinding(mode, "a.md", finding(line), changed)).toBe(kept);
  });

  it("a finding spanning a changed line is on it", () => {
    expect(keepFinding("added", "a.md", { ...finding(9), endLine: 11 }, changed)).toBe(true);
  });

  it("no mode but nofilter keeps findings in a file the change did not touch; without a base all count", () => {
    expect(keepFinding("file", "b.md", finding(1), changed)).toBe(false);
    expect(keepFinding("nofilter", "b.md", finding(1), changed)).toBe(true);
    expect(keepFinding("added", "b.md", finding(1), undefined)).toBe(true);
  });
});

describe("annotations", () => {
  it("errors on changed lines first, then the rest, 10 of each kind", () => {
    const results = [located("a.md", [...Array.from({ length: 8 }, (_, i) => finding(i + 1)), ...Array.from({ length: 4 }, (_, i) => finding(50 + i, 1))]), located("b.md", Array.from({ length: 5 }, (_, i) => finding(i + 1)))];
    const plan = planAnnotations(results, new Map([["b.md", new Set([1, 2, 3, 4, 5])]]));
    expect(plan.annotations.map((a) => `${a.kind} ${a.file}:${a.line}`)).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `error b.md:${n}`),
      ...[1, 2, 3, 4, 5].map((n) => `error a.md:${n}`),
      ...[50, 51, 52, 53].map((n) => `warning a.md:${n}`),
    ]);
    expect(plan.omitted).toBe(3);
  });

  it("gives columns only to a finding on one line", () => {
    const plan = planAnnotations([located("a.md", [{ ...finding(1), endLine: 2 }, finding(3)])], undefined);
    expect(plan.annotations[0]).not.toHaveProperty("column");
    expect(plan.annotations[1]).toMatchObject({ column: 1, endColumn: 3, title: "ad-law/absolute-term" });
  });
});

describe("inputs", () => {
  const inputs = (values: Record<string, string>) => readInputs((name) => values[name] ?? "");
  it("has defaults, and splits paths on spaces and new lines", () => {
    expect(inputs({})).toEqual({ paths: ["."], failLevel: "error", filterMode: "added" });
    expect(inputs({ paths: "content/\n  drafts/**/*.md  pages/" }).paths).toEqual(["content/", "drafts/**/*.md", "pages/"]);
  });
  it("names the input it cannot read", () => {
    expect(() => inputs({ "filter-mode": "lines" })).toThrow('input filter-mode must be one of added, diff_context, file, nofilter, not "lines"');
    expect(() => inputs({ "trusted-config": "pr" })).toThrow(/trusted-config/);
  });
});

// Runs the examples written inside each rule, as ESLint's RuleTester runs
// valid and invalid cases: invalid copy must be flagged by the rule, valid
// copy must not be, and no example may be written twice.
import type { Level } from "../core/types.js";
import type { Example, Pack, RuleSpec } from "../packs/pack.js";
import { Linter } from "./linter.js";
import { RuleSet } from "./rule-set.js";

export interface ExampleFailure {
  file: string;
  line: number;
  ruleId: string;
  problem: "not-flagged" | "flagged" | "no-examples" | "duplicate";
  text?: string;
  /** What the rule reported, for valid copy it flagged. */
  messages?: string[];
}

export interface ExampleReport {
  rules: number;
  examples: number;
  failures: ExampleFailure[];
}

function lintExample(linter: Linter, rule: RuleSpec, example: Example) {
  return linter
    .lintSource(example.text, {
      format: "text",
      ...(example.channel ? { channel: example.channel } : {}),
      ...(example.category ? { category: example.category } : {}),
    })
    .filter((d) => d.ruleId === rule.id);
}

export function runExamples(packs: Pack[]): ExampleReport {
  const report: ExampleReport = { rules: 0, examples: 0, failures: [] };
  for (const pack of packs) {
    // Every rule of the pack is on, so a rule that is off by default is still tested.
    const levels = new Map<string, Level>(pack.rules.map((r) => [r.id, r.level === "off" ? "warn" : r.level]));
    const linter = new Linter(new RuleSet([pack], levels), { locale: "zh" });
    for (const rule of pack.rules) {
      report.rules++;
      const fail = (f: Omit<ExampleFailure, "file" | "ruleId">) => report.failures.push({ file: pack.file, ruleId: rule.id, ...f });
      if (rule.examples.invalid.length === 0) fail({ line: rule.line, problem: "no-examples" });
      const seen = new Set<string>();
      for (const [kind, list] of [["invalid", rule.examples.invalid], ["valid", rule.examples.valid]] as const) {
        for (const example of list) {
          report.examples++;
          const key = `${example.channel ?? ""}\u0000${example.category ?? ""}\u0000${example.text}`;
          if (seen.has(key)) fail({ line: example.line, problem: "duplicate", text: example.text });
          seen.add(key);
          const found = lintExample(linter, rule, example);
          if (kind === "invalid" && found.length === 0) fail({ line: example.line, problem: "not-flagged", text: example.text });
          if (kind === "valid" && found.length > 0)
            fail({ line: example.line, problem: "flagged", text: example.text, messages: found.map((d) => d.message) });
        }
      }
    }
  }
  return report;
}

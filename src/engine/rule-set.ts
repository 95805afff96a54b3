// Compiles loaded packs into what the matcher runs: one automaton over all
// terms, and per-rule regular expressions over folded text.
import { severityOf, type Level, type Severity } from "../core/types.js";
import type { Pack, RuleSpec } from "../packs/pack.js";
import { foldPatternSource, foldTerm } from "../text/fold.js";
import { TermAutomaton } from "./automaton.js";

export interface CompiledRule {
  readonly spec: RuleSpec;
  readonly id: string;
  readonly severity: Severity;
  readonly patterns: RegExp[];
  readonly allow: RegExp[];
  readonly evidence: RegExp[];
  readonly when: RegExp[];
  readonly require: RegExp[];
  /** Replacements keyed by folded match text; "*" for any. */
  readonly fix: Map<string, string>;
}

/** Patterns are matched case-insensitively on folded text; `d` gives the `hit` group's indices. */
export function compilePattern(source: string): RegExp {
  return new RegExp(foldPatternSource(source), "gdiu");
}

function compileRule(spec: RuleSpec, level: Level): CompiledRule {
  const regexes = (list: RuleSpec["patterns"]) => list.map((p) => compilePattern(p.value));
  return {
    spec,
    id: spec.id,
    severity: severityOf[level],
    patterns: regexes(spec.patterns),
    allow: regexes(spec.allow),
    evidence: regexes(spec.evidence),
    when: regexes(spec.when),
    require: regexes(spec.require),
    fix: new Map([...spec.fix].map(([k, v]) => [k === "*" ? k : foldTerm(k), v])),
  };
}

export class RuleSet {
  readonly rules: CompiledRule[];
  readonly automaton: TermAutomaton;
  /** For each automaton term, the rules that listed it. */
  readonly termRules: number[][];
  private readonly byId: Map<string, CompiledRule>;

  constructor(
    readonly packs: Pack[],
    levels: ReadonlyMap<string, Level> = new Map(),
  ) {
    this.rules = packs
      .flatMap((pack) => pack.rules)
      .map((spec) => compileRule(spec, levels.get(spec.id) ?? spec.level))
      .filter((rule) => rule.severity > 0);
    this.byId = new Map(this.rules.map((r) => [r.id, r]));

    const termIndex = new Map<string, number>();
    this.termRules = [];
    this.rules.forEach((rule, r) => {
      for (const term of rule.spec.terms) {
        const folded = foldTerm(term.value);
        let t = termIndex.get(folded);
        if (t === undefined) {
          t = termIndex.size;
          termIndex.set(folded, t);
          this.termRules.push([]);
        }
        if (!this.termRules[t]!.includes(r)) this.termRules[t]!.push(r);
      }
    });
    this.automaton = new TermAutomaton([...termIndex.keys()]);
  }

  rule(id: string): CompiledRule | undefined {
    return this.byId.get(id);
  }

  /** Every rule id the packs define, enabled or not. */
  get knownIds(): Set<string> {
    return new Set(this.packs.flatMap((p) => p.rules.map((r) => r.id)));
  }
}

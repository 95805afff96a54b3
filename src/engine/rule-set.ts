// Compiles loaded packs into what the matcher runs: one automaton over all
// terms, and per-rule regular expressions over folded text.
import { escapeRegExp } from "../core/regexp.js";
import { severityOf, type Level, type Severity } from "../core/types.js";
import type { Pack, RuleSpec } from "../packs/pack.js";
import { foldPatternSource, foldTerm } from "../text/fold.js";
import { TermAutomaton } from "./automaton.js";
import { patternLiterals, requiredLiterals } from "./literals.js";

export interface CompiledRule {
  readonly spec: RuleSpec;
  readonly id: string;
  readonly severity: Severity;
  readonly patterns: RegExp[];
  readonly allow: Expression[];
  readonly evidence: Expression[];
  readonly when: Expression[];
  readonly require: Expression[];
  /** Replacements keyed by folded match text; "*" for any. */
  readonly fix: Map<string, string>;
}

/**
 * A rule's expression that is run on the copy around a candidate, or on the
 * whole document, rather than found by the automaton: with the literals one
 * of which every match of it contains, when they are known, so that copy
 * without any of them is not run through it.
 */
export interface Expression {
  readonly re: RegExp;
  readonly literals: readonly string[] | undefined;
  /** Matches where one of `literals` is: a text is asked for them all at once. */
  readonly anyLiteral: RegExp | undefined;
}

/**
 * Patterns are matched case-insensitively on folded text. `d` gives the `hit`
 * group's indices; it costs every match the indices of every group, so only a
 * pattern with that group has it.
 */
export function compilePattern(source: string): RegExp {
  const folded = foldPatternSource(source);
  return new RegExp(folded, folded.includes("(?<hit>") ? "gdiu" : "giu");
}

function compileExpression(source: string): Expression {
  const re = compilePattern(source);
  const literals = requiredLiterals(re.source);
  return { re, literals, anyLiteral: literals && new RegExp(literals.map(escapeRegExp).join("|")) };
}

/** Compiles each expression source once, so that rules written with the same one share it, and what it found. */
function expressionCompiler(): (source: string) => Expression {
  const compiled = new Map<string, Expression>();
  return (source) => {
    let e = compiled.get(source);
    if (e === undefined) compiled.set(source, (e = compileExpression(source)));
    return e;
  };
}

function compileRule(spec: RuleSpec, level: Level, compile: (source: string) => Expression): CompiledRule {
  const expressions = (list: RuleSpec["patterns"]) => list.map((p) => compile(p.value));
  return {
    spec,
    id: spec.id,
    severity: severityOf[level],
    patterns: spec.patterns.map((p) => compilePattern(p.value)),
    allow: expressions(spec.allow),
    evidence: expressions(spec.evidence),
    when: expressions(spec.when),
    require: expressions(spec.require),
    fix: new Map([...spec.fix].map(([k, v]) => [k === "*" ? k : foldTerm(k), v])),
  };
}

/** A pattern of a rule: `rules[rule].patterns[pattern]`. */
export interface PatternRef {
  /** Its place among the patterns of the rule set, from 0 to `RuleSet.patternCount`. */
  index: number;
  rule: number;
  pattern: number;
  /** For each of the pattern's top alternatives, sets of literals it needs one of each; none when unknown. */
  needs: string[][][];
  /**
   * For each top alternative, the sets of `needs` the scan looks for, by their
   * number among the rule set's (see `KeyUse.inSets`): the pattern runs only
   * where, for one alternative, a key of each of its sets was found.
   */
  needSets: number[][];
}

/**
 * What one automaton key stands for: a term of some rules, a literal of some
 * patterns or of document-level checks, or several. A key may stand for none
 * of these and be only among what a pattern needs (`PatternRef.needSets`).
 */
export interface KeyUse {
  /** The key, folded. */
  text: string;
  termRules: number[];
  patterns: PatternRef[];
  /** The sets of literals that patterns need (`PatternRef.needSets`) that hold this key. */
  inSets: number[];
  /**
   * Rules with a document-level check that reads this literal: a requirement
   * and its trigger, evidence looked for in the whole document. Copy without
   * any of their literals cannot change such a check's outcome.
   */
  documentRules: number[];
}

export class RuleSet {
  readonly rules: CompiledRule[];
  /** For each automaton key, what it is a term or literal of. */
  readonly keys: KeyUse[];
  /** How many patterns the rules have, outside requirements. */
  readonly patternCount: number;
  /** How many sets of literals patterns need the scan looks for (see `PatternRef.needSets`). */
  readonly needSetCount: number;
  /** Patterns with no literal to filter on: they run on every text. */
  readonly unfiltered: PatternRef[];
  /** Rules with a document-level check that reads no literal: any copy may change its outcome. */
  readonly documentUnfiltered: number[];
  /**
   * Rules whose matches a look at a document's raw text cannot rule out, as it
   * sees the copy whole and not segment by segment: a pattern with no literal
   * (`^`, `$` and white space read where a segment starts and ends), or a term
   * that starts or ends with white space.
   */
  readonly unsure: number[];
  private readonly byId: Map<string, CompiledRule>;
  private built: TermAutomaton | undefined;

  constructor(
    readonly packs: Pack[],
    levels: ReadonlyMap<string, Level> = new Map(),
  ) {
    const compile = expressionCompiler();
    this.rules = packs
      .flatMap((pack) => pack.rules)
      .map((spec) => compileRule(spec, levels.get(spec.id) ?? spec.level, compile))
      .filter((rule) => rule.severity > 0);
    this.byId = new Map(this.rules.map((r) => [r.id, r]));

    const index = new Map<string, number>();
    this.keys = [];
    this.unfiltered = [];
    const use = (key: string): KeyUse => {
      let k = index.get(key);
      if (k === undefined) {
        k = index.size;
        index.set(key, k);
        this.keys.push({ text: key, termRules: [], patterns: [], inSets: [], documentRules: [] });
      }
      return this.keys[k]!;
    };
    const unsure = new Set<number>();
    const refs: PatternRef[] = [];
    this.rules.forEach((rule, r) => {
      for (const term of rule.spec.terms) {
        const folded = foldTerm(term.value);
        const at = use(folded);
        if (!at.termRules.includes(r)) at.termRules.push(r);
        if (/^\s|\s$/.test(folded)) unsure.add(r);
      }
      if (rule.spec.kind === "require") return;
      rule.patterns.forEach((re, p) => {
        const { literals, sets } = patternLiterals(re.source);
        const ref: PatternRef = { index: refs.length, rule: r, pattern: p, needs: sets, needSets: [] };
        refs.push(ref);
        if (literals) for (const literal of literals) use(literal).patterns.push(ref);
        else {
          this.unfiltered.push(ref);
          unsure.add(r);
        }
      });
    });
    this.unsure = [...unsure];
    const read = documentReads(this.rules);
    // The prescan looks for candidates and for what document-level checks read in one pass.
    for (const [literal, users] of read.index) use(literal).documentRules.push(...users);
    // The scan that finds a pattern's literals also finds the rest of what it needs, so that the pattern runs only where
    // all of it is there: the sets the scan looks for already, and sets of words. A set of single characters (digits,
    // 人|名|位) would be found in most copy, so it is not looked for, and is taken to be there; nor is one where more
    // than a quarter of its literals are single characters.
    const wordy = (set: string[]) => set.filter((literal) => literal.length === 1).length * 4 <= set.length;
    const looked = new Set(index.keys());
    const found = (set: string[]) => set.every((literal) => looked.has(literal)) || wordy(set);
    const setIds = new Map<string, number>();
    const setOf = (set: string[]) => {
      const literals = [...new Set(set)].sort();
      const id = literals.join("\u0000");
      let s = setIds.get(id);
      if (s === undefined) {
        setIds.set(id, (s = setIds.size));
        for (const literal of literals) use(literal).inSets.push(s);
      }
      return s;
    };
    for (const ref of refs) ref.needSets = ref.needs.map((alternative) => alternative.filter(found).map(setOf));
    this.needSetCount = setIds.size;
    this.patternCount = refs.length;
    this.documentUnfiltered = read.unfiltered;
  }

  /** One automaton over every term and every pattern literal, built when first asked for: a run whose files the cache all knows needs none. */
  get automaton(): TermAutomaton {
    return (this.built ??= new TermAutomaton(this.keys.map((k) => k.text)));
  }

  rule(id: string): CompiledRule | undefined {
    return this.byId.get(id);
  }

  /** Every rule id the packs define, enabled or not. */
  get knownIds(): Set<string> {
    return new Set(this.packs.flatMap((p) => p.rules.map((r) => r.id)));
  }
}

/** The rules reading each literal in document-level checks, and the rules whose checks need none. */
function documentReads(rules: CompiledRule[]): { index: Map<string, number[]>; unfiltered: number[] } {
  const index = new Map<string, number[]>();
  const unfiltered: number[] = [];
  rules.forEach((rule, r) => {
    const read =
      rule.spec.kind === "require" ? [...rule.when, ...rule.require] : rule.spec.kind === "claim" && rule.spec.within === "document" ? rule.evidence : [];
    for (const { literals } of read) {
      if (!literals) {
        if (!unfiltered.includes(r)) unfiltered.push(r);
        continue;
      }
      for (const literal of literals) {
        const users = index.get(literal) ?? [];
        if (!users.includes(r)) users.push(r);
        index.set(literal, users);
      }
    }
  });
  return { index, unfiltered };
}

// A cheap look at a file's raw text before any parsing: when no rule could
// possibly find anything in it, the file is clean and its parser never runs.
// Parsing costs 20 to 140 times the matching, and most copy is clean.
//
// The look must never miss what a full lint would find. It folds the raw text
// twice: as written, and with markup stripped and character references
// decoded, so a term split by emphasis, a tag or an entity still shows. A hit in
// either says "parse it"; only a file with no hit in both is skipped. Where
// the only markup is characters, the stripped look finds all that the look as
// written would, and is the only one: a literal that holds a markup character
// is looked for in it without that character. Fenced code in Markdown, which
// no rule reads, is left out.
import { escapeRegExp } from "../core/regexp.js";
import type { DocumentMeta } from "../core/types.js";
import type { Format } from "../sources/document.js";
import { readFrontMatter } from "../sources/front-matter.js";
import { compatibilityForms } from "../text/compatibility.js";
import { foldText, ignoring } from "../text/fold.js";
import { ruleAppliesTo } from "./findings.js";
import { frontMatterOf, splitBlocks, type Block } from "../sources/markdown-blocks.js";
import { TermAutomaton } from "./automaton.js";
import { mayMatch } from "./match.js";
import type { CompiledRule, RuleSet } from "./rule-set.js";

/** Formats whose files are clean when nothing matches; others may still have a parse error to report. */
export const PRESCANNED = new Set<Format>(["markdown", "text", "html"]);

/** Named references the look decodes: those that stand for white space or for a character of markup; any other reads as nothing. */
const NAMED: Record<string, string> = {
  ...{ nbsp: " ", ensp: " ", emsp: " ", thinsp: " ", zwsp: "", zwnj: "", zwj: "" },
  ...{ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", num: "#", ast: "*", lowbar: "_", grave: "`", verbar: "|", vert: "|", bsol: "\\" },
  ...{ lsqb: "[", lbrack: "[", rsqb: "]", rbrack: "]", lcub: "{", lbrace: "{", rcub: "}", rbrace: "}" },
};

/** Markup characters that copy never needs: the fold of the stripped view reads as if they were not there. */
export const MARKUP_LIST = "*_~`#>|[]\\{}\"'";
export const MARKUP_CHARACTERS = ignoring(MARKUP_LIST);
/** `chars` as written inside a character class. */
const escaped = (chars: string) => chars.replace(/[\\\]^-]/g, "\\$&");

/** Whether a literal holds one of them. */
const MARKUP_CHARACTER = new RegExp(`[${escaped(MARKUP_LIST)}]`);
export const holdsMarkup = (literal: string) => MARKUP_CHARACTER.test(literal);

/** Whether `source` holds markup that takes more than leaving out characters to strip: a reference, an escape, a comment, a tag, a link destination. */
export const CONSTRUCT = /[&<\\]|\]\(/;

/** Link destinations, as a strip takes them out. */
export const DESTINATIONS = /\]\([^()]*\)/g;

/**
 * The raw text with comments, tags and link destinations taken out, and
 * character references and backslash escapes decoded; the values of the
 * tags' attributes, which may be copy, follow it on lines of their own. With
 * its markup characters left out too (`MARKUP_CHARACTERS`), a superset of the
 * joins the Markdown, text and HTML adapters make. (Scripts and data files,
 * whose strings have escapes of their own, are always parsed.)
 */
export function stripConstructs(source: string): string {
  if (!CONSTRUCT.test(source)) return source;
  const values: string[] = [];
  const text = source
    // Comments and tags vanish: an adapter may join the text on either side of one.
    .replace(/<!--[^]*?-->/g, "")
    // Ruby pronunciation is read by no one.
    .replace(/<(rt|rp)\b[^<>]*>[^<]*<\/\1>/gi, "")
    .replace(/<\/?[a-zA-Z][^<>]*>/g, (tag) => {
      const value = tag.replace(/^<\/?[a-zA-Z][\w:-]*|\s[\w:.-]+\s*=\s*|["'>/]/g, " ").trim();
      if (value) values.push(value);
      return "";
    })
    .replace(DESTINATIONS, "");
  // References and escapes last, so that one standing for `<` does not make a tag.
  return [text, ...values]
    .join("\n")
    .replace(/&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?/g, (_m, hex, dec) =>
      String.fromCodePoint(Math.min(hex ? parseInt(hex, 16) : Number(dec), 0x10ffff)),
    )
    .replace(/&([a-zA-Z]{2,8});/g, (_m, name: string) => NAMED[name.toLowerCase()] ?? "")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** Every character the stripped view acts on: without one, it is the text as written. */
const MARKUP = new RegExp(`[&<${escaped(MARKUP_LIST)}]`);

/** What the document says about itself, read without parsing it: Markdown front matter (from `head`, its start), else config. */
export function quickMeta(head: string, format: Format, fallback: DocumentMeta): DocumentMeta {
  const front = format === "markdown" ? frontMatterOf(head) : undefined;
  return { ...fallback, ...(front ? readFrontMatter(front.yaml) : {}) };
}

/** Whether the copy in `text` may matter to an enabled rule: a candidate, or something a document-level check reads. */
function mayMatter(text: string, rules: RuleSet, enabled: (rule: CompiledRule) => boolean, marked: MarkedKeys): boolean {
  const look = (folded: string) => mayMatch(folded, rules, enabled, { documentReads: true, assumed: holdsMarkup });
  // Copy without markup is its own stripped view.
  if (!MARKUP.test(text)) return look(foldText(text));
  const plain = stripConstructs(text);
  const stripped = foldText(plain, MARKUP_CHARACTERS);
  // What the constructs hold may be copy (in a text file), and only the look as written sees it.
  return (CONSTRUCT.test(text) && look(foldText(text))) || look(stripped) || marked.found(stripped, plain, enabled);
}

/**
 * The literals that hold a markup character, looked for without it in the
 * stripped look: an adapter may take out some of the markup in and around
 * one (`#~~1~~` reads `#1` in Markdown) and keep the rest, which neither the
 * look as written nor the stripped one would show as it is. Any other literal
 * shows in the stripped look as in copy, nothing between its ends being left
 * out. (A literal a pattern needs is taken to be there when it holds a markup
 * character; none starts or ends with white space, which what lies around it
 * would keep or drop: see `RuleSet.unsure`.)
 */
interface MarkedKeys {
  /**
   * Whether `stripped` holds one of them, without its markup, of an enabled
   * rule, where `plain` (the copy it was folded from, with its markup) holds
   * it with nothing but markup and white space between its characters: what
   * an adapter leaves out of copy. `plain` is first asked for something that
   * folds to each markup character of it, and folded only then.
   */
  found(stripped: string, plain: string, enabled: (rule: CompiledRule) => boolean): boolean;
  /** Rules with a literal made of markup alone, which no look can rule out. */
  unsure: number[];
}

const markedKeys = new WeakMap<RuleSet, MarkedKeys>();

/**
 * For each of `marks`, an expression for it and every code unit that folds
 * to it (`#`, `＃`, `﹟`). Folding makes punctuation of another character
 * only through NFKC (see `compatibilityForms`).
 */
function writtenForms(marks: Set<string>): Map<string, RegExp> {
  return new Map([...marks].map((mark) => [mark, new RegExp(`[${[mark, ...compatibilityForms(mark)].map((ch) => `\\${ch}`).join("")}]`)]));
}

/** An expression for `literal` with any markup and white space between its characters (code points, so no `u` flag is needed). */
export function spreadOut(literal: string): RegExp {
  const characters = [...literal].filter((ch) => !/\s/.test(ch)).map(escapeRegExp);
  return new RegExp(characters.join(`[*_~\`#>|[\\]\\\\{}"'\\s]*`));
}

function markedKeysOf(rules: RuleSet): MarkedKeys {
  let marked = markedKeys.get(rules);
  if (marked !== undefined) return marked;
  const texts: string[] = [];
  const users: number[][] = [];
  const spread: RegExp[] = [];
  const markupOf: string[][] = [];
  const unsure = new Set<number>();
  for (const key of rules.keys) {
    if (!holdsMarkup(key.text)) continue;
    const rulesOfKey = [...key.termRules, ...key.patterns.map((p) => p.rule), ...key.documentRules];
    const stripped = foldText(key.text, MARKUP_CHARACTERS).trim();
    if (stripped) {
      texts.push(stripped);
      users.push(rulesOfKey);
      spread.push(spreadOut(key.text));
      markupOf.push([...key.text].filter(holdsMarkup));
    } else for (const r of rulesOfKey) unsure.add(r);
  }
  const automaton = texts.length > 0 ? new TermAutomaton(texts) : undefined;
  // Before folding the copy to see the markup, the raw copy must hold something that folds to each markup character.
  const written = writtenForms(new Set(markupOf.flat()));
  const present = texts.map((_, k) => [...new Set(markupOf[k]!)].map((mark) => written.get(mark)!));
  marked = {
    found: (stripped, plain, enabled) => {
      let folded: string | undefined;
      const seen = (k: number) => present[k]!.every((forms) => forms.test(plain)) && spread[k]!.test((folded ??= foldText(plain)));
      return automaton?.some(stripped, (k) => users[k]!.some((r) => enabled(rules.rules[r]!)) && seen(k)) ?? false;
    },
    unsure: [...unsure],
  };
  markedKeys.set(rules, marked);
  return marked;
}

const readingEvery = new WeakMap<RuleSet, CompiledRule[]>();

/** The rules that read every document they apply to, whatever copy it holds. */
function rulesReadingEvery(rules: RuleSet): CompiledRule[] {
  let every = readingEvery.get(rules);
  if (every === undefined) {
    const numbers = new Set([...rules.documentUnfiltered, ...rules.unsure, ...markedKeysOf(rules).unsure]);
    // A requirement with no trigger applies to every document of its channels and categories.
    every = rules.rules.filter((rule, r) => numbers.has(r) || (rule.spec.kind === "require" && rule.when.length === 0));
    readingEvery.set(rules, every);
  }
  return every;
}

/** Whether an enabled rule reads every document, whatever copy it holds, so that no look can rule one out. */
export function readsEveryDocument(rules: RuleSet, enabled: (rule: CompiledRule) => boolean): boolean {
  return rulesReadingEvery(rules).some(enabled);
}

/** The text of `block` without the fenced code in it, which no rule reads: a line break stands for each. */
export function copyOf(source: string, block: Block, code: readonly Block[]): string {
  let text = "";
  let at = block.start;
  for (const fence of code) {
    if (fence.end <= block.start || fence.start >= block.end) continue;
    text += `${source.slice(at, fence.start)}\n`;
    at = fence.end;
  }
  return at === block.start ? source.slice(block.start, block.end) : text + source.slice(at, block.end);
}

/**
 * How much of a document to read: none of it (no rule can find anything), its
 * Markdown blocks (those of plain copy read without the parser, the others
 * parsed only when worth it: they may hold something a rule reads), or all of
 * it at once (a document that cannot be cut into blocks).
 */
export type ParsePlan =
  | { parse: "none" }
  | { parse: "blocks"; blocks: Block[]; worthParsing?: (block: Block) => boolean }
  | { parse: "whole" };

/**
 * With `literalSeen` (the file's bytes showed a literal an enabled rule uses:
 * see `lookAtBytes`), there is no look for one again: the document is read.
 */
export function planParse(source: string, format: Format, rules: RuleSet, meta: DocumentMeta = {}, literalSeen = false): ParsePlan {
  if (!PRESCANNED.has(format)) return { parse: "whole" };
  const split = format === "markdown" ? splitBlocks(source) : undefined;
  const all: ParsePlan = split ? { parse: "blocks", blocks: split.blocks } : { parse: "whole" };
  // Directives are judged too: one that suppresses nothing is reported.
  if (source.includes("adlint-")) return all;
  const known = quickMeta(source, format, meta);
  const enabled = (rule: CompiledRule) => ruleAppliesTo(rule, known);
  if (readsEveryDocument(rules, enabled)) return all;
  const marked = markedKeysOf(rules);
  if (!split) return literalSeen || mayMatter(source, rules, enabled, marked) ? all : { parse: "none" };
  const matters = (b: Block) => mayMatter(copyOf(source, b, split.code), rules, enabled, marked);
  if (!literalSeen && !split.blocks.some(matters)) return { parse: "none" };
  // Plain copy costs less to read than to look at twice; the front matter says what the document is.
  const worthParsing = (b: Block) => (b.start === 0 && split.frontMatter !== undefined) || matters(b);
  return { parse: "blocks", blocks: split.blocks, worthParsing };
}

/** False only when no rule can find anything in `source`, so parsing it is wasted work. */
export function mayHaveFindings(source: string, format: Format, rules: RuleSet, meta: DocumentMeta = {}): boolean {
  return planParse(source, format, rules, meta).parse !== "none";
}

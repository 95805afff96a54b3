// A cheap look at a file's raw text before any parsing: when no rule could
// possibly find anything in it, the file is clean and its parser never runs.
// Parsing costs 20 to 140 times the matching, and most copy is clean.
//
// The look must never miss what a full lint would find. It folds the raw text
// twice: as written, and with markup stripped and character references
// decoded, so a term split by emphasis, a tag or an entity still shows. A hit in
// either says "parse it"; only a file with no hit in both is skipped. Where
// the only markup is characters that no literal holds, the stripped look
// finds all the look as written would, and is the only one.
import type { DocumentMeta } from "../core/types.js";
import type { Format } from "../sources/document.js";
import { readFrontMatter } from "../sources/front-matter.js";
import { foldText, ignoring } from "../text/fold.js";
import { ruleAppliesTo } from "./findings.js";
import { frontMatterOf, splitBlocks, type Block } from "../sources/markdown-blocks.js";
import { mayMatch } from "./match.js";
import type { CompiledRule, RuleSet } from "./rule-set.js";

/** Formats whose files are clean when nothing matches; others may still have a parse error to report. */
const PRESCANNED = new Set<Format>(["markdown", "text", "html"]);

/** Named references the look decodes: those that stand for white space or for a character of markup; any other reads as nothing. */
const NAMED: Record<string, string> = { nbsp: " ", ensp: " ", emsp: " ", thinsp: " ", zwsp: "", zwnj: "", zwj: "", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Markup characters that copy never needs: the fold of the stripped view reads as if they were not there. */
const MARKUP_CHARACTERS = ignoring("*_~`#>|[]\\{}\"'");

/** Whether `source` holds markup that takes more than leaving out characters to strip: a reference, an escape, a comment, a tag, a link destination. */
const CONSTRUCT = /[&<\\]|\]\(/;

/**
 * The raw text with comments, tags and link destinations taken out, and
 * character references and backslash escapes decoded; the values of the
 * tags' attributes, which may be copy, follow it on lines of their own. With
 * its markup characters left out too (`MARKUP_CHARACTERS`), a superset of the
 * joins the Markdown, text and HTML adapters make. (Scripts and data files,
 * whose strings have escapes of their own, are always parsed.)
 */
function stripConstructs(source: string): string {
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
    .replace(/\]\([^()]*\)/g, "");
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
const MARKUP = /[&<\]*_~`#>|[\\{}"']/;

/** What the document says about itself, read without parsing it: Markdown front matter, else config. */
function quickMeta(source: string, format: Format, fallback: DocumentMeta): DocumentMeta {
  const front = format === "markdown" ? frontMatterOf(source) : undefined;
  return { ...fallback, ...(front ? readFrontMatter(front.yaml) : {}) };
}

/** Whether the copy in `text` may matter to an enabled rule: a candidate, or something a document-level check reads. */
function mayMatter(text: string, rules: RuleSet, enabled: (rule: CompiledRule) => boolean, keepsMarkup: (text: string) => boolean): boolean {
  const look = (folded: string) => mayMatch(folded, rules, enabled, { documentReads: true });
  // Copy without markup is its own stripped view.
  if (!MARKUP.test(text)) return look(foldText(text));
  if (!CONSTRUCT.test(text)) return (keepsMarkup(text) && look(foldText(text))) || look(foldText(text, MARKUP_CHARACTERS));
  const stripped = stripConstructs(text);
  return look(foldText(text)) || (keepsMarkup(stripped) && look(foldText(stripped))) || look(foldText(stripped, MARKUP_CHARACTERS));
}

const markupTests = new WeakMap<RuleSet, (text: string) => boolean>();

/**
 * Whether the markup characters in `text` may be part of what a rule looks
 * for, so that a look with them left out may miss it: a literal holds one of
 * them.
 *
 * Otherwise a look with them left out finds all that a look with them kept
 * would: an occurrence of a literal with none of them in it folds the same in
 * both, nothing between its ends being left out. (No literal starts or ends
 * with white space, which what lies around it would keep or drop: see
 * `RuleSet.unsure`.)
 */
function markupMatters(rules: RuleSet): (text: string) => boolean {
  let test = markupTests.get(rules);
  if (test !== undefined) return test;
  const held = new Set<string>();
  const read = (literal: string) => {
    for (const ch of literal) if (MARKUP_CHARACTERS[ch.charCodeAt(0)] === 1) held.add(ch);
  };
  for (const key of rules.keys) read(key.text);
  // A pattern is listed under each of its literals: its needs are read once.
  for (const ref of new Set(rules.keys.flatMap((key) => key.patterns))) for (const literal of ref.needs.flat(2)) read(literal);
  if (held.size === 0) test = () => false;
  else {
    const re = new RegExp(`[${[...held].map((ch) => `\\${ch}`).join("")}]`);
    test = (text) => re.test(text);
  }
  markupTests.set(rules, test);
  return test;
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

export function planParse(source: string, format: Format, rules: RuleSet, meta: DocumentMeta = {}): ParsePlan {
  if (!PRESCANNED.has(format)) return { parse: "whole" };
  const split = format === "markdown" ? splitBlocks(source) : undefined;
  const all: ParsePlan = split ? { parse: "blocks", blocks: split.blocks } : { parse: "whole" };
  // Directives are judged too: one that suppresses nothing is reported.
  if (source.includes("adlint-")) return all;
  const known = quickMeta(source, format, meta);
  const enabled = (rule: CompiledRule) => ruleAppliesTo(rule, known);
  // A requirement with no trigger applies to every document of its channels and categories.
  if (rules.rules.some((r) => r.spec.kind === "require" && r.when.length === 0 && ruleAppliesTo(r, known))) return all;
  if (rules.documentUnfiltered.some((r) => enabled(rules.rules[r]!))) return all;
  if (rules.unsure.some((r) => enabled(rules.rules[r]!))) return all;
  const keepsMarkup = markupMatters(rules);
  if (!split) return mayMatter(source, rules, enabled, keepsMarkup) ? all : { parse: "none" };
  const matters = (b: Block) => mayMatter(source.slice(b.start, b.end), rules, enabled, keepsMarkup);
  if (!split.blocks.some(matters)) return { parse: "none" };
  // Plain copy costs less to read than to look at twice; the front matter says what the document is.
  const worthParsing = (b: Block) => (b.start === 0 && split.frontMatter !== undefined) || matters(b);
  return { parse: "blocks", blocks: split.blocks, worthParsing };
}

/** False only when no rule can find anything in `source`, so parsing it is wasted work. */
export function mayHaveFindings(source: string, format: Format, rules: RuleSet, meta: DocumentMeta = {}): boolean {
  return planParse(source, format, rules, meta).parse !== "none";
}

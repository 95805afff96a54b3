// A cheap look at a file's raw text before any parsing: when no rule could
// possibly find anything in it, the file is clean and its parser never runs.
// Parsing costs 20 to 140 times the matching, and most copy is clean.
//
// The look must never miss what a full lint would find. It folds the raw text
// twice: as written, and with markup stripped and character references
// decoded, so a term split by emphasis, a tag or an entity still shows. A hit in
// either says "parse it"; only a file with no hit in both is skipped.
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

const NAMED_SPACES: Record<string, string> = { nbsp: " ", ensp: " ", emsp: " ", thinsp: " ", zwsp: "", zwnj: "", zwj: "" };

/** Markup characters that copy never needs: the fold of the stripped view reads as if they were not there. */
const MARKUP_CHARACTERS = ignoring("*_~`#>|[]\\{}\"'");

/** Whether `source` holds markup that takes more than leaving out characters to strip: a reference, a comment, a tag, a link destination. */
const CONSTRUCT = /[&<]|\]\(/;

/**
 * The raw text with character references decoded, and comments, tags and
 * link destinations taken out; with its markup characters left out too
 * (`MARKUP_CHARACTERS`), a superset of the joins the Markdown, text and HTML
 * adapters make. (Scripts and data files, whose strings have escapes of their
 * own, are always parsed.)
 */
function stripConstructs(source: string): string {
  if (!CONSTRUCT.test(source)) return source;
  return source
    .replace(/&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?/g, (_m, hex, dec) =>
      String.fromCodePoint(Math.min(hex ? parseInt(hex, 16) : Number(dec), 0x10ffff)),
    )
    .replace(/&([a-zA-Z]{2,8});/g, (_m, name: string) => NAMED_SPACES[name.toLowerCase()] ?? "")
    // Comments vanish: an adapter may join the text on either side of one.
    .replace(/<!--[^]*?-->/g, "")
    // Ruby pronunciation is read by no one; a tag keeps its attribute values, which may be copy.
    .replace(/<(rt|rp)\b[^<>]*>[^<]*<\/\1>/gi, "")
    .replace(/<\/?[a-zA-Z][^<>]*>/g, (tag) => tag.replace(/^<\/?[a-zA-Z][\w:-]*|\s[\w:.-]+\s*=\s*|["'>/]/g, " "))
    .replace(/\]\([^()]*\)/g, "");
}

/** Every character the stripped view acts on: without one, it is the text as written. */
const MARKUP = /[&<\]*_~`#>|[\\{}"']/;

/** What the document says about itself, read without parsing it: Markdown front matter, else config. */
function quickMeta(source: string, format: Format, fallback: DocumentMeta): DocumentMeta {
  const front = format === "markdown" ? frontMatterOf(source) : undefined;
  return { ...fallback, ...(front ? readFrontMatter(front.yaml) : {}) };
}

/** Whether the copy in `text` may matter to an enabled rule: a candidate, or something a document-level check reads. */
function mayMatter(text: string, rules: RuleSet, enabled: (rule: CompiledRule) => boolean): boolean {
  return mayMatterAsWritten(text, rules, enabled) || mayMatterStripped(text, rules, enabled);
}

/** The look at the text as written: most candidates show in it. */
function mayMatterAsWritten(text: string, rules: RuleSet, enabled: (rule: CompiledRule) => boolean): boolean {
  return mayMatch(foldText(text), rules, enabled, { documentReads: true });
}

/** The look at the text without its markup, for a term split by emphasis, a tag or an entity. */
function mayMatterStripped(text: string, rules: RuleSet, enabled: (rule: CompiledRule) => boolean): boolean {
  // Copy without markup characters is its own stripped view.
  return MARKUP.test(text) && mayMatch(foldText(stripConstructs(text), MARKUP_CHARACTERS), rules, enabled, { documentReads: true });
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
  if (!split) return mayMatter(source, rules, enabled) ? all : { parse: "none" };
  const matters = (b: Block) => mayMatter(source.slice(b.start, b.end), rules, enabled);
  const texts = split.blocks.map((b) => source.slice(b.start, b.end));
  // Every block as written, then every block without its markup: a candidate mostly shows as written, and so sooner.
  const asWritten = (text: string) => mayMatterAsWritten(text, rules, enabled);
  const stripped = (text: string) => mayMatterStripped(text, rules, enabled);
  if (!texts.some(asWritten) && !texts.some(stripped)) return { parse: "none" };
  // Plain copy costs less to read than to look at twice; the front matter says what the document is.
  const worthParsing = (b: Block) => (b.start === 0 && split.frontMatter !== undefined) || matters(b);
  return { parse: "blocks", blocks: split.blocks, worthParsing };
}

/** False only when no rule can find anything in `source`, so parsing it is wasted work. */
export function mayHaveFindings(source: string, format: Format, rules: RuleSet, meta: DocumentMeta = {}): boolean {
  return planParse(source, format, rules, meta).parse !== "none";
}

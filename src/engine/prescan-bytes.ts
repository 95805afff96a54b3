// A look at a file's bytes before they are decoded. When it shows that the
// look at the decoded copy (planParse) could find nothing, the file is clean
// without being decoded, cut into blocks, or folded into strings: most of the
// time a clean file took went there.
//
// It folds the UTF-8 bytes as they are and reads them without white space and
// markup characters, and looks for each literal read the same way (`最 佳`
// and `**最**佳` both read 最佳; `top 1` is looked for as `top1`). Whatever a
// look at the copy finds, as written or stripped, block by block, is then
// there too, for taking characters out of a text keeps what was on either side
// of them together. Anything found, whether or not a rule would report it,
// sends the file on to the look at its copy. So do bytes that are not UTF-8, a
// combining mark (it folds by what stands before it), and a directive.
import { isUtf8 } from "node:buffer";
import { escapeRegExp } from "../core/regexp.js";
import type { DocumentMeta } from "../core/types.js";
import { hasUtf8Bom } from "../files/decode.js";
import type { Format } from "../sources/document.js";
import { frontMatterOf, splitBlocks, type Block, type SplitDocument } from "../sources/markdown-blocks.js";
import { foldText, foldUtf8, ignoring, keptUtf8End, type FoldedBytes, type Ignored } from "../text/fold.js";
import { TermAutomaton } from "./automaton.js";
import { ruleAppliesTo } from "./findings.js";
import { CONSTRUCT, copyOf, DESTINATIONS, holdsMarkup, MARKUP_CHARACTERS, MARKUP_LIST, PRESCANNED, quickMeta, readsEveryDocument, spreadOut, stripConstructs } from "./prescan.js";
import type { CompiledRule, RuleSet } from "./rule-set.js";

const DIRECTIVE = Buffer.from("adlint-");
const LINK_DESTINATION = Buffer.from("](");
const FENCE = Buffer.from("```");
const TILDES = Buffer.from("~~~");
const DASHES = Buffer.from("---");
/** Where front matter may close. */
const CLOSING = Buffer.from("\n---");

/** The literals of a rule set as the byte look reads them, and what each stands for. */
interface ByteLiterals {
  automaton: TermAutomaton;
  /** For each literal read without white space and markup, the keys of the rule set it stands for; none when literal k is key k. */
  keysOf: number[][] | undefined;
  /** For each key that holds markup, what it reads as in a file. */
  marked: Map<number, MarkedLiteral>;
  /** How many code units the longest literal has. */
  longest: number;
}

/** A literal that holds markup, as the byte look finds it. */
interface MarkedLiteral {
  /** Its characters with any markup and white space between them. */
  spread: RegExp;
  /** Its markup characters, as ASCII (`ignoring`): one of them, or a character beyond ASCII, must be left out around it. */
  marks: Ignored;
}

const byteLiterals = new WeakMap<RuleSet, ByteLiterals | null>();

/** White space and markup characters, which `foldUtf8` leaves out of copy. */
const LEFT_OUT = new RegExp(`[\\s${escapeRegExp(MARKUP_LIST)}]`, "gu");

/** `text` without white space and markup characters, as `foldUtf8` reads copy. */
const bare = (text: string) => text.replace(LEFT_OUT, "");

/** How many code units the longest of `texts` has. */
const longestOf = (texts: Iterable<string>) => {
  let most = 0;
  for (const text of texts) most = Math.max(most, text.length);
  return most;
};

/** Null when some literal is nothing but white space and markup: then no file can be ruled out from its bytes. */
function byteLiteralsOf(rules: RuleSet): ByteLiterals | null {
  let known = byteLiterals.get(rules);
  if (known === undefined) byteLiterals.set(rules, (known = readLiterals(rules)));
  return known;
}

function readLiterals(rules: RuleSet): ByteLiterals | null {
  // Most packs' literals hold neither white space nor markup: they are read as they are, by the automaton the rule set has.
  const texts = rules.keys.map((key) => key.text);
  if (texts.every((text) => bare(text) === text)) return { automaton: rules.automaton, keysOf: undefined, marked: new Map(), longest: longestOf(texts) };
  const index = new Map<string, number[]>();
  const marked = new Map<number, MarkedLiteral>();
  let empty = false;
  rules.keys.forEach(({ text }, k) => {
    // A literal with markup is also looked for without it (`#1` as `1`), as the look at the copy does.
    const forms = new Set([bare(text), ...(holdsMarkup(text) ? [bare(foldText(text, MARKUP_CHARACTERS))] : [])]);
    for (const form of forms) {
      if (form === "") empty = true;
      index.set(form, [...(index.get(form) ?? []), k]);
    }
    if (holdsMarkup(text)) marked.set(k, { spread: spreadOut(text), marks: ignoring([...text].filter(holdsMarkup).join("")) });
  });
  return empty ? null : { automaton: new TermAutomaton([...index.keys()]), keysOf: [...index.values()], marked, longest: longestOf(index.keys()) };
}

/** Whether an enabled rule has key `k` for a term or a literal. */
function usedBy(rules: RuleSet, k: number, enabled: (rule: CompiledRule) => boolean): boolean {
  const key = rules.keys[k]!;
  const on = (r: number) => enabled(rules.rules[r]!);
  return key.termRules.some(on) || key.patterns.some((p) => on(p.rule)) || key.documentRules.some(on);
}

/**
 * Whether the literal found at folded units `start..end` holds its markup in
 * the `ranges` of `bytes` that are read, between and around its other
 * characters with nothing but markup and white space: what the look at the
 * copy asks of a literal with markup. The markup is among the characters left
 * out of the fold: where none of those around and between them is one of its
 * markup characters or a character beyond ASCII (`＃` folds to `#`), it is not
 * there. (No character folds to a markup character together with another,
 * which would leave no gap: a test holds Unicode to that.)
 */
function markedAt(bytes: Buffer, ranges: readonly Block[], folded: FoldedBytes, start: number, end: number, { spread, marks }: MarkedLiteral): boolean {
  const { starts, ends, length } = folded;
  // Most often nothing at all was left out from the character before it to the one after: no markup is there.
  if (start > 0 && end < length) {
    let k = start;
    while (k <= end && ends[k - 1]! >= starts[k]!) k++;
    if (k > end) return false;
  }
  // From the character before it to the one after, both kept, with all that was left out between, but for what is not read.
  const read = partsOf(ranges, start > 0 ? starts[start - 1]! : 0, end < length ? ends[end]! : keptAfter(bytes, ranges, ends[end - 1]!));
  let at = 0;
  let seen = false;
  for (let k = Math.max(start - 1, 0); k <= Math.min(end, length - 1) && !seen; k++) {
    seen = marksIn(bytes, read, at, starts[k]!, marks);
    at = Math.max(at, ends[k]!);
  }
  if (!seen && !marksIn(bytes, read, at, bytes.length, marks)) return false;
  // Code left out reads as a line break, as in the copy (`copyOf`).
  return spread.test(foldText(read.map((part) => bytes.toString("utf8", part.start, part.end)).join("\n")));
}

/** Where the first character after `at` in the `ranges` of `bytes` that the fold keeps ends (the next piece may not be folded yet); the end of the bytes when none is. */
function keptAfter(bytes: Buffer, ranges: readonly Block[], at: number): number {
  for (const range of ranges) {
    if (range.end <= at) continue;
    const end = keptUtf8End(bytes, MARKUP_CHARACTERS, Math.max(range.start, at), range.end);
    if (end >= 0) return end;
  }
  return bytes.length;
}

/** The parts of `ranges` (in order, apart) within `from..to`. */
function partsOf(ranges: readonly Block[], from: number, to: number): Block[] {
  const parts: Block[] = [];
  for (const range of ranges) if (range.end > from && range.start < to) parts.push({ start: Math.max(range.start, from), end: Math.min(range.end, to) });
  return parts;
}

/** Whether the `parts` of `bytes` hold, within `from..to`, one of `marks` or a byte beyond ASCII. */
function marksIn(bytes: Buffer, parts: readonly Block[], from: number, to: number, marks: Ignored): boolean {
  for (const part of parts)
    for (let b = Math.max(part.start, from); b < Math.min(part.end, to); b++) if (bytes[b]! >= 0x80 || marks[bytes[b]!] === 1) return true;
  return false;
}

/** How many bytes are folded and looked at at a time: most files that hold a literal show one early, and are not folded whole. */
const PIECE = 2048;

/**
 * What a look at a file's bytes shows: that the look at its decoded copy
 * could find nothing ("clean"), that they hold a literal an enabled rule uses
 * ("literal"), or neither ("unread": not UTF-8, a combining mark, a
 * directive, a rule that reads every document).
 */
export type ByteLook = "clean" | "literal" | "unread";

/**
 * Whether the `ranges` of `bytes`, read one after another without white
 * space and markup, hold a literal of an enabled rule ("literal"), none
 * ("clean"), or cannot be read so ("unread": a combining mark); and, when they
 * were read to their end, their fold, valid until the next `foldUtf8`.
 */
function holdsLiteral(
  bytes: Buffer,
  ranges: readonly Block[],
  literals: ByteLiterals,
  rules: RuleSet,
  enabled: (rule: CompiledRule) => boolean,
): { look: ByteLook; folded?: FoldedBytes } {
  const { automaton, keysOf, marked } = literals;
  let folded: FoldedBytes | undefined;
  const stands = (k: number, literal: number, end: number) => {
    const markup = marked.get(k);
    if (markup !== undefined && !markedAt(bytes, ranges, folded!, end - automaton.termLength(literal), end, markup)) return false;
    return usedBy(rules, k, enabled);
  };
  const found = (literal: number, end: number) => (keysOf ? keysOf[literal]!.some((k) => stands(k, literal, end)) : stands(literal, literal, end));
  let node = 0;
  let walked = 0;
  for (const range of ranges)
    for (let from = range.start; from < range.end; ) {
      // A piece ends where a character starts.
      let to = Math.min(range.end, from + PIECE);
      while (to < range.end && (bytes[to]! & 0xc0) === 0x80) to++;
      folded = foldUtf8(bytes, MARKUP_CHARACTERS, from, to, walked);
      if (folded === undefined) return { look: "unread" };
      node = automaton.walkUnits(folded.units, walked, folded.length, node, found);
      if (node < 0) return { look: "literal" };
      walked = folded.length;
      from = to;
    }
  return folded ? { look: "clean", folded } : { look: "clean" };
}

/**
 * The markup in `bytes` that takes more than leaving out characters to strip
 * (what `CONSTRUCT` matches): none, link destinations alone, or more.
 */
function constructsIn(bytes: Buffer): "none" | "links" | "more" {
  if (bytes.includes(0x26) || bytes.includes(0x3c) || bytes.includes(0x5c)) return "more";
  return bytes.includes(LINK_DESTINATION) ? "links" : "none";
}

/**
 * Whether `bytes`, read whole and clean as written (`folded`), hold a literal
 * once their link destinations, their only construct, are taken out. Such a
 * literal joins what stood on either side of one or more of them, so only the
 * bytes around each are read again without them (`holds`). Undefined where
 * this cannot tell: a destination goes over a line break (a Markdown block
 * may end there, and the copy is stripped block by block), or a combining
 * mark.
 */
function holdsAcrossLinks(bytes: Buffer, folded: FoldedBytes, longest: number, holds: (copy: Buffer) => ByteLook): ByteLook | undefined {
  const runs = aroundDestinations(bytes, folded, longest);
  if (runs === undefined) return undefined;
  for (const parts of runs) {
    const look = holds(Buffer.concat(parts.map((part) => bytes.subarray(part.start, part.end))));
    if (look !== "clean") return look === "literal" ? look : undefined;
  }
  return "clean";
}

/**
 * The bytes around the link destinations of `bytes` (as `folded`, their
 * fold, maps them), without the destinations: for each run of destinations
 * near enough for a literal to reach over two, the parts between them, from
 * as many characters the fold keeps as the longest literal has before the
 * first to as many after the last. A literal that a destination taken out
 * makes is in one of them, with the character before it and the one after,
 * which `markedAt` reads. Undefined where a destination goes over a line break.
 */
function aroundDestinations(bytes: Buffer, folded: FoldedBytes, longest: number): Block[][] | undefined {
  const { starts, ends, length } = folded;
  const runs: Block[][] = [];
  let parts: Block[] = [];
  /** The first unit after the last destination met, and the last unit its run reads. */
  let after = 0;
  let reach = 0;
  const close = () => {
    parts[parts.length - 1]!.end = reach < length ? ends[reach]! : bytes.length;
    runs.push(parts);
    parts = [];
  };
  const latin = bytes.toString("latin1");
  for (const m of latin.matchAll(DESTINATIONS)) {
    if (/[\n\r]/.test(m[0])) return undefined;
    const end = m.index + m[0].length;
    // The units of the destination's characters, `taken..after`.
    let taken = after;
    while (taken < length && starts[taken]! < m.index) taken++;
    after = taken;
    while (after < length && starts[after]! < end) after++;
    if (parts.length > 0 && taken - longest > reach) close();
    if (parts.length > 0) parts[parts.length - 1]!.end = m.index;
    else parts.push({ start: taken > longest ? starts[taken - longest]! : 0, end: m.index });
    parts.push({ start: end, end: bytes.length });
    reach = after + longest - 1;
  }
  if (parts.length > 0) close();
  return runs;
}

/** White space beyond ASCII in UTF-8, each byte read as a character: what `\s` holds in the copy and not in its bytes. */
const WIDE_SPACE = String.raw`\xC2\xA0|\xE1\x9A\x80|\xE2\x80[\x80-\x8A\xA8\xA9\xAF]|\xE2\x81\x9F|\xE3\x80\x80|\xEF\xBB\xBF`;

/**
 * What the Markdown cut (`splitBlocks`) reads otherwise in bytes than in the
 * decoded copy: white space beyond ASCII after a list marker or the name of
 * an HTML block, which `\s` holds.
 */
const READ_OTHERWISE = new RegExp(String.raw`^(?:[-*+]|[0-9]{1,9}[.)])[ \t]+(?:${WIDE_SPACE})|<(?:script|pre|style|textarea)(?:${WIDE_SPACE})`, "im");

/** Most copy holds no white space beyond ASCII, and this is quicker to ask than `READ_OTHERWISE`, which tries every line. */
const ANY_WIDE_SPACE = new RegExp(WIDE_SPACE);

/**
 * The Markdown cut of the bytes after the byte order mark, in bytes, each
 * read as a character (latin1). Its syntax is ASCII, which UTF-8 writes as
 * itself and in no other character's bytes, so the cut falls where it falls
 * in the decoded copy but where the bytes read otherwise: undefined there,
 * for the copy to be cut; null where the copy is not cut either.
 */
function cutBytes(bytes: Buffer, bom: number): { latin: string; split: SplitDocument } | null | undefined {
  const latin = bytes.toString("latin1", bom);
  if (ANY_WIDE_SPACE.test(latin) && READ_OTHERWISE.test(latin)) return undefined;
  const split = splitBlocks(latin);
  return split ? { latin, split } : null;
}

/** The ranges of `length` bytes, `shift` after the ranges of `code`, that are not code. */
function outside(code: readonly Block[], shift: number, length: number): Block[] {
  const ranges: Block[] = [];
  let at = 0;
  for (const fence of code) {
    ranges.push({ start: at, end: fence.start + shift });
    at = fence.end + shift;
  }
  ranges.push({ start: at, end: length });
  return ranges;
}

/**
 * The blocks of `text` a strip changes, without their fenced code, stripped
 * as the look at the copy strips them (`decode` gives a block's copy); the
 * others were read as they are.
 */
function strippedBlocks(text: string, split: SplitDocument, decode: (block: string) => string = (block) => block): string {
  return split.blocks
    .map((b) => copyOf(text, b, split.code))
    .filter((block) => CONSTRUCT.test(block))
    .map((block) => stripConstructs(decode(block)))
    .join("\n");
}

/** Bytes read one to a character (latin1), decoded. */
const fromLatin1 = (text: string) => Buffer.from(text, "latin1").toString("utf8");

/**
 * Enough of the start of the bytes, decoded, for `frontMatterOf` to read the
 * front matter as in the whole: a prefix whose front matter closes before its
 * end, or all of them; nothing when they do not start with one.
 */
function headOf(bytes: Buffer): string {
  const body = hasUtf8Bom(bytes) ? 3 : 0;
  if (!bytes.subarray(body, body + 3).equals(DASHES)) return "";
  // Most front matter closes at the next line of dashes: a little past it is then enough.
  const close = bytes.indexOf(CLOSING, body);
  for (let size = close >= 0 ? close + 16 : 1024; ; size *= 4) {
    if (size >= bytes.length) return bytes.toString("utf8");
    let cut = size;
    while ((bytes[cut]! & 0xc0) === 0x80) cut--;
    const head = bytes.toString("utf8", 0, cut);
    const front = frontMatterOf(head);
    if (front === undefined || (front !== null && front.end < head.length)) return head;
  }
}

/**
 * "clean" only when the look at the decoded copy would find nothing in these
 * bytes (`planParse` gives "none", and the bytes decode as UTF-8): then the
 * file is clean. Otherwise the copy is to be looked at; where the bytes were
 * seen to hold a literal, only to choose the blocks to parse.
 */
export function lookAtBytes(bytes: Buffer, format: Format, rules: RuleSet, meta: DocumentMeta = {}): ByteLook {
  if (!PRESCANNED.has(format) || bytes.subarray(0, 8192).includes(0) || !isUtf8(bytes) || bytes.includes(DIRECTIVE)) return "unread";
  const literals = byteLiteralsOf(rules);
  if (literals === null) return "unread";
  // The decoder drops a byte order mark.
  const bom = hasUtf8Bom(bytes) ? 3 : 0;
  let known: DocumentMeta | undefined;
  const enabled = (rule: CompiledRule) => ruleAppliesTo(rule, (known ??= quickMeta(format === "markdown" ? headOf(bytes.subarray(bom)) : "", format, meta)));
  if (readsEveryDocument(rules, enabled)) return "unread";
  const holds = (copy: Buffer, ranges: readonly Block[]) => holdsLiteral(copy, ranges, literals, rules, enabled);
  const holdsWhole = (copy: Buffer) => holds(copy, [{ start: 0, end: copy.length }]).look;
  // Fenced code is left out, and the blocks a strip changes are found, where the bytes can be cut as the copy is.
  // Bytes without a fence are looked at before they are cut, if at all: most that hold a literal are never cut.
  const fenced = format === "markdown" && (bytes.includes(FENCE) || bytes.includes(TILDES));
  let cut = fenced ? cutBytes(bytes, bom) : null;
  const { look, folded } = holds(bytes, outside(cut?.split.code ?? [], bom, bytes.length));
  if (look !== "clean") return look;
  const constructs = constructsIn(bytes);
  if (constructs === "none") return look;
  // Bytes read whole whose only construct is links are looked at where a destination is taken out.
  const acrossLinks = constructs === "links" && !fenced && folded ? holdsAcrossLinks(bytes, folded, literals.longest, holdsWhole) : undefined;
  if (acrossLinks !== undefined) return acrossLinks;
  if (format === "markdown" && !fenced) cut = cutBytes(bytes, bom);
  // What a reference, an escape, a tag or a link destination hides shows once they are stripped, block by block where the copy is cut.
  let copy: string;
  if (cut) copy = strippedBlocks(cut.latin, cut.split, fromLatin1);
  else {
    const text = bytes.toString("utf8", bom);
    const split = cut === undefined ? splitBlocks(text) : undefined;
    copy = split ? strippedBlocks(text, split) : stripConstructs(text);
  }
  return holdsWhole(Buffer.from(copy));
}

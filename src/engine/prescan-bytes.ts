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
import type { DocumentMeta } from "../core/types.js";
import { hasUtf8Bom } from "../files/decode.js";
import type { Format } from "../sources/document.js";
import { frontMatterOf, splitBlocks } from "../sources/markdown-blocks.js";
import { foldText, foldUtf8, type FoldedBytes } from "../text/fold.js";
import { TermAutomaton } from "./automaton.js";
import { ruleAppliesTo } from "./findings.js";
import { CONSTRUCT, holdsMarkup, MARKUP_CHARACTERS, MARKUP_LIST, PRESCANNED, quickMeta, readsEveryDocument, spreadOut, stripConstructs } from "./prescan.js";
import type { CompiledRule, RuleSet } from "./rule-set.js";

const DIRECTIVE = Buffer.from("adlint-");
const LINK_DESTINATION = Buffer.from("](");

/** The literals of a rule set as the byte look reads them, and what each stands for. */
interface ByteLiterals {
  automaton: TermAutomaton;
  /** For each literal read without white space and markup, the keys of the rule set it stands for. */
  keysOf: number[][];
  /** For each key that holds markup, its characters with any markup and white space between them. */
  spread: Map<number, RegExp>;
}

const byteLiterals = new WeakMap<RuleSet, ByteLiterals | null>();

/** `text` without white space and markup characters, as `foldUtf8` reads copy. */
const bare = (text: string) => [...text].filter((ch) => !/\s/.test(ch) && !MARKUP_LIST.includes(ch)).join("");

/** Null when some literal is nothing but white space and markup: then no file can be ruled out from its bytes. */
function byteLiteralsOf(rules: RuleSet): ByteLiterals | null {
  let known = byteLiterals.get(rules);
  if (known !== undefined) return known;
  const index = new Map<string, number[]>();
  const spread = new Map<number, RegExp>();
  let empty = false;
  rules.keys.forEach(({ text }, k) => {
    // A literal with markup is also looked for without it (`#1` as `1`), as the look at the copy does.
    const forms = new Set([bare(text), ...(holdsMarkup(text) ? [bare(foldText(text, MARKUP_CHARACTERS))] : [])]);
    for (const form of forms) {
      if (form === "") empty = true;
      index.set(form, [...(index.get(form) ?? []), k]);
    }
    if (holdsMarkup(text)) spread.set(k, spreadOut(text));
  });
  known = empty ? null : { automaton: new TermAutomaton([...index.keys()]), keysOf: [...index.values()], spread };
  byteLiterals.set(rules, known);
  return known;
}

/** Whether an enabled rule has key `k` for a term or a literal. */
function usedBy(rules: RuleSet, k: number, enabled: (rule: CompiledRule) => boolean): boolean {
  const key = rules.keys[k]!;
  const on = (r: number) => enabled(rules.rules[r]!);
  return key.termRules.some(on) || key.patterns.some((p) => on(p.rule)) || key.documentRules.some(on);
}

/**
 * Whether the literal found at folded units `start..end` holds its markup in
 * `bytes`, between and around its other characters with nothing but markup
 * and white space: what the look at the copy asks of a literal with markup.
 * The markup is among the characters left out of the fold, so where none is
 * left out around and between them, it is not there. (No character folds to
 * a markup character together with another, which would leave no gap: a test
 * holds Unicode to that.)
 */
function markedAt(bytes: Buffer, folded: FoldedBytes, start: number, end: number, spread: RegExp): boolean {
  const { starts, ends, length } = folded;
  let gap = false;
  for (let k = Math.max(start, 1); k <= Math.min(end, length - 1) && !gap; k++) gap = starts[k]! > ends[k - 1]!;
  if (!gap && (start > 0 || starts[0]! === 0) && (end < length || ends[length - 1]! === bytes.length)) return false;
  // From the character before it to the one after, both kept, with all that was left out between.
  const from = start > 0 ? starts[start - 1]! : 0;
  const to = end < length ? ends[end]! : bytes.length;
  return spread.test(foldText(bytes.toString("utf8", from, to)));
}

/** How many bytes are folded and looked at at a time: most files that hold a literal show one early, and are not folded whole. */
const PIECE = 2048;

/** Whether `bytes`, read without white space and markup, hold a literal of an enabled rule; true when they cannot be read so (a combining mark). */
function holdsLiteral(bytes: Buffer, literals: ByteLiterals, rules: RuleSet, enabled: (rule: CompiledRule) => boolean): boolean {
  const { automaton, keysOf, spread } = literals;
  let folded: FoldedBytes | undefined;
  const found = (literal: number, end: number) =>
    keysOf[literal]!.some((k) => {
      const marked = spread.get(k);
      if (marked !== undefined && !markedAt(bytes, folded!, end - automaton.termLength(literal), end, marked)) return false;
      return usedBy(rules, k, enabled);
    });
  let node = 0;
  for (let from = 0, walked = 0; from < bytes.length; ) {
    // A piece ends where a character starts.
    let to = Math.min(bytes.length, from + PIECE);
    while (to < bytes.length && (bytes[to]! & 0xc0) === 0x80) to++;
    folded = foldUtf8(bytes, MARKUP_CHARACTERS, from, to);
    if (folded === undefined) return true;
    node = automaton.walkUnits(folded.units, walked, folded.length, node, found);
    if (node < 0) return true;
    walked = folded.length;
    from = to;
  }
  return false;
}

/** Whether `bytes` hold markup that takes more than leaving out characters to strip: what `CONSTRUCT` matches. */
function holdsConstruct(bytes: Buffer): boolean {
  return bytes.includes(0x26) || bytes.includes(0x3c) || bytes.includes(0x5c) || bytes.includes(LINK_DESTINATION);
}

/**
 * The copy stripped as the look at the copy strips it: block by block in
 * Markdown, which it cuts into blocks, and only the blocks that a strip
 * changes (the others were read as they are).
 */
function strippedCopy(text: string, format: Format): string {
  const split = format === "markdown" ? splitBlocks(text) : undefined;
  if (!split) return stripConstructs(text);
  return split.blocks
    .map((b) => text.slice(b.start, b.end))
    .filter((block) => CONSTRUCT.test(block))
    .map(stripConstructs)
    .join("\n");
}

/**
 * Enough of the start of the bytes, decoded, for `frontMatterOf` to read the
 * front matter as in the whole: a prefix whose front matter closes before its
 * end, or all of them.
 */
function headOf(bytes: Buffer): string {
  for (let size = 1024; ; size *= 4) {
    if (size >= bytes.length) return bytes.toString("utf8");
    let cut = size;
    while ((bytes[cut]! & 0xc0) === 0x80) cut--;
    const head = bytes.toString("utf8", 0, cut);
    const front = frontMatterOf(head);
    if (front === undefined || (front !== null && front.end < head.length)) return head;
  }
}

/**
 * True only when the look at the decoded copy would find nothing in these
 * bytes (`planParse` gives "none", and the bytes decode as UTF-8): then the
 * file is clean. False says nothing; the copy is to be looked at.
 */
export function bytesAreClean(bytes: Buffer, format: Format, rules: RuleSet, meta: DocumentMeta = {}): boolean {
  if (!PRESCANNED.has(format) || bytes.subarray(0, 8192).includes(0) || !isUtf8(bytes) || bytes.includes(DIRECTIVE)) return false;
  const literals = byteLiteralsOf(rules);
  if (literals === null) return false;
  // The decoder drops a byte order mark.
  const bom = hasUtf8Bom(bytes) ? 3 : 0;
  let known: DocumentMeta | undefined;
  const enabled = (rule: CompiledRule) => ruleAppliesTo(rule, (known ??= quickMeta(format === "markdown" ? headOf(bytes.subarray(bom)) : "", format, meta)));
  if (readsEveryDocument(rules, enabled) || holdsLiteral(bytes, literals, rules, enabled)) return false;
  if (!holdsConstruct(bytes)) return true;
  // What a reference, an escape, a tag or a link destination hides shows once they are stripped.
  return !holdsLiteral(Buffer.from(strippedCopy(bytes.toString("utf8", bom), format)), literals, rules, enabled);
}

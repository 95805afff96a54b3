// Reads a Markdown block of plain copy without the parser, exactly as the
// parser reads it: headings, paragraphs, one-line list items, one-paragraph
// block quotes, pipe tables, thematic breaks, fenced code and HTML comments,
// whose inline content is text, strong emphasis (`**…**`), strikethrough
// (`~~…~~`), links and images. That is most of what shops write, and parsing is the
// costly step of a lint. Anything else, or anything in doubt, is left to the
// parser: the reader says so and the block is parsed as before.
//
// "Exactly" is held by a property test against the parser, block by block.
import { classifyCharacter } from "micromark-util-classify-character";
import type { DocumentMeta, Segment } from "../core/types.js";
import { readFrontMatter } from "./front-matter.js";
import { frontMatterOf, type Block } from "./markdown-blocks.js";
import { SegmentBuilder } from "./segment-builder.js";

export interface PlainBlock {
  /** In the order the parser's walk keeps them: an image's alt text before its paragraph. */
  segments: Segment[];
  /** The source ranges of the HTML comments, whose directives the caller reads. */
  comments: Array<[number, number]>;
  /** What front matter at the top of the block says. */
  meta?: DocumentMeta;
}

/**
 * Characters whose reading takes more than this reader knows: escapes, other
 * emphasis, tabs (columns), carriage returns and control characters.
 */
const BEYOND = /[\\_\t\r\0-\x08\x0b\x0c\x0e-\x1f\x7f]/;

const HEADING = /^(#{1,6})(?: +|$)/;
const BULLET_ITEM = /^[-+*] (?=[^ ])/;
const ORDERED_ITEM = /^[0-9]{1,9}[.)] (?=[^ ])/;
/** An ordered list marker, which may interrupt a paragraph or start an item. */
const ORDERED_MARKER = /^[0-9]{1,9}[.)]/;
const THEMATIC_BREAK = /^(?:(?:- *){3,}|(?:\* *){3,})$/;
const FENCE = /^(`{3,}|~{3,})([^]*)$/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const TILDE = 0x7e;
const BACKTICK = 0x60;
const STAR = 0x2a;
const AMPERSAND = 0x26;
const BRACKET = 0x5b;
const BANG = 0x21;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const PIPE = 0x7c;
const SPACE = 0x20;
const EQUALS = 0x3d;
const DASH = 0x2d;
const PLUS = 0x2b;
const HASH = 0x23;
/** The characters inline markup starts with, as far as this reader goes: strong, strikethrough, references, links, images, and what it leaves to the parser. */
const INLINE_MARK = /[*~&[!\]<`]/g;
const DELIMITER_CELL = /^ *:?-+:? *$/;
const LINK = /\[([^[\]\n*~\\`<]+)\]\(([^\s()<>\\*~"']+)(?: "[^"\n\\]*")?\)/y;
/** What may be a character reference, which the parser decodes. */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * The segments and comments of `block`, read as the parser reads them, or
 * undefined when the block holds anything this reader does not know.
 */
export function readPlainBlock(source: string, block: Block): PlainBlock | undefined {
  const out: PlainBlock = { segments: [], comments: [] };
  // The parser drops a byte order mark; front matter opens the document or nothing.
  const top = block.start === 0;
  let from = top && source.charCodeAt(0) === 0xfeff ? 1 : block.start;
  if (top && source.startsWith("---", from)) {
    const front = frontMatterOf(source);
    if (!front) return undefined;
    out.meta = readFrontMatter(front.yaml);
    from = front.end;
  }
  // Lines end in `\n` or `\r\n`; a lone `\r` ends one too, which this reader leaves to the parser.
  if (/\r(?!\n)/.test(source.slice(from, block.end))) return undefined;

  const lines = linesOf(source, from, block.end);
  const isBlank = (j: number) => lines[j]!.start === lines[j]!.end;
  /** A line of plain copy: nothing beyond this reader, no white space at its end (a hard break, or trimmed). */
  const isPlain = (j: number) => {
    const text = source.slice(lines[j]!.start, lines[j]!.end);
    return !BEYOND.test(text) && !text.endsWith(" ");
  };
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (isBlank(i)) {
      i++;
      continue;
    }
    const content = source.slice(line.start, line.end);
    // Most lines cannot open a fence: the expression is run only on those that start as one does.
    // Codes, not one-character strings, throughout: a slice may be any of V8's kinds of string, and code indexing it is compiled for the kinds it has seen.
    const first = content.charCodeAt(0);
    const fence = first === BACKTICK || first === TILDE ? FENCE.exec(content) : null;
    if (fence && !(fence[1]![0] === "`" && fence[2]!.includes("`"))) {
      // Code is not copy. A fence left open runs to the end of the document, and so of this block.
      const [, run] = fence;
      i++;
      while (i < lines.length) {
        const close = CLOSING_FENCE.exec(source.slice(lines[i]!.start, lines[i]!.end));
        i++;
        if (close && close[1]![0] === run![0] && close[1]!.length >= run!.length) break;
      }
      continue;
    }
    if (source.charCodeAt(line.start) === LESS_THAN) {
      i = comment(source, lines, i, out);
      if (i < 0) return undefined;
      continue;
    }
    if (!isPlain(i) || first === SPACE) return undefined;
    if (THEMATIC_BREAK.test(content)) {
      i++;
      continue;
    }
    const heading = HEADING.exec(content);
    if (heading) {
      if (content.endsWith("#") && content.length > heading[1]!.length) return undefined;
      if (!inline(source, [{ start: line.start + heading[0].length, end: line.end }], "heading", out)) return undefined;
      i++;
      continue;
    }
    let last = i + 1;
    while (last < lines.length && !isBlank(last)) {
      if (!isPlain(last)) return undefined;
      last++;
    }
    if (first === PIPE) {
      if (!table(source, lines.slice(i, last), out)) return undefined;
      i = last;
      continue;
    }
    const item = BULLET_ITEM.exec(content) ?? ORDERED_ITEM.exec(content);
    if (item) {
      // One line, whose content starts nothing of its own (a task, a nested list, a heading...),
      // and after it a blank line or a heading, which ends the list.
      const start = line.start + item[0].length;
      if (last !== i + 1 && !HEADING.test(source.slice(lines[i + 1]!.start, lines[i + 1]!.end))) return undefined;
      if (!startsParagraph(source.slice(start, line.end)) || source.charCodeAt(start) === BRACKET) return undefined;
      if (!inline(source, [{ start, end: line.end }], "paragraph", out)) return undefined;
      i++;
      continue;
    }
    // A block quote holding one paragraph, every line marked.
    const quoted = first === GREATER_THAN;
    const prefix = quoted ? 2 : 0;
    const pieces: Piece[] = [];
    for (let j = i; j < last; j++) {
      const { start, end } = lines[j]!;
      if (quoted && !source.startsWith("> ", start)) return undefined;
      const text = source.slice(start + prefix, end);
      if (j === i ? !startsParagraph(text) : !continuesParagraph(text)) return undefined;
      // A pipe may make the paragraph a table's header row.
      if (text.includes("|")) return undefined;
      pieces.push({ start: start + prefix + leadingSpaces(source, start + prefix, end), end });
    }
    if (!inline(source, pieces, "paragraph", out)) return undefined;
    i = last;
  }
  return out;
}

interface Line {
  start: number;
  /** Before the line ending (`\n` or `\r\n`). */
  end: number;
}

/** The lines from `from` to `to`; after front matter, the first is the empty rest of its closing line. */
function linesOf(source: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let at = from;
  while (at <= to) {
    const nl = source.indexOf("\n", at);
    const end = nl < 0 || nl >= to ? to : nl > at && source[nl - 1] === "\r" ? nl - 1 : nl;
    lines.push({ start: at, end });
    if (nl < 0 || nl >= to) break;
    at = nl + 1;
  }
  return lines;
}

function leadingSpaces(source: string, start: number, end: number): number {
  let n = 0;
  while (start + n < end && source[start + n] === " ") n++;
  return n;
}

/** Whether a line at column 0 opens a paragraph and nothing else. */
function startsParagraph(line: string): boolean {
  if (line.length === 0) return false;
  const c = line.charCodeAt(0);
  if (c === SPACE || c === GREATER_THAN || c === LESS_THAN || c === PIPE || c === EQUALS || c === DASH || c === PLUS) return false;
  if (c === HASH) return !HEADING.test(line);
  if ((c === BACKTICK || c === TILDE) && FENCE.test(line)) return false;
  // `**强调**` opens a paragraph; `* `, `***` and `*强调*` are for the parser.
  if (c === STAR) return line.length > 2 && line.charCodeAt(1) === STAR && line.charCodeAt(2) !== STAR && line.charCodeAt(2) !== SPACE;
  return !ORDERED_MARKER.test(line);
}

/** Whether a line, after a paragraph's line, is more of it (not a new block, nor a setext underline). */
function continuesParagraph(line: string): boolean {
  const rest = line.slice(leadingSpaces(line, 0, line.length));
  return rest.length > 0 && startsParagraph(rest);
}

/** An HTML block that is one comment: `<!--` to the line holding `-->`, which this block must hold. The index after it, or -1. */
function comment(source: string, lines: Line[], i: number, out: PlainBlock): number {
  const start = lines[i]!.start;
  if (!source.startsWith("<!--", start) || source.startsWith("<!-->", start) || source.startsWith("<!--->", start)) return -1;
  // Blank lines or not, the comment ends only at its marker.
  const close = source.indexOf("-->", start + 4);
  if (close < 0) return -1;
  for (let j = i; j < lines.length; j++) {
    if (close >= lines[j]!.end) continue;
    out.comments.push([start, lines[j]!.end]);
    return j + 1;
  }
  return -1;
}

/** A GFM table whose every line is `| … |`, with a delimiter row and rows of the header's width. */
function table(source: string, lines: Line[], out: PlainBlock): boolean {
  const rows = lines.map((l) => cellsOf(source, l));
  if (rows.length < 2 || rows.some((r) => !r || r.length !== rows[0]!.length)) return false;
  if (!rows[1]!.every((c) => DELIMITER_CELL.test(source.slice(c.start, c.end)))) return false;
  for (const [r, row] of rows.entries()) {
    if (r === 1) continue;
    for (const cell of row!) {
      const start = cell.start + leadingSpaces(source, cell.start, cell.end);
      let end = cell.end;
      while (end > start && source[end - 1] === " ") end--;
      if (start < end && !inline(source, [{ start, end }], "table-cell", out)) return false;
    }
  }
  return true;
}

/** The cells of `| a | b |`, between its pipes; undefined for a line without both edge pipes. */
function cellsOf(source: string, line: Line): Line[] | undefined {
  if (source[line.start] !== "|" || source[line.end - 1] !== "|" || line.end - line.start < 2) return undefined;
  const cells: Line[] = [];
  let at = line.start + 1;
  while (at < line.end) {
    const bar = source.indexOf("|", at);
    cells.push({ start: at, end: bar });
    at = bar + 1;
  }
  return cells;
}

/** Where a piece of inline content sits in the source. */
interface Piece {
  start: number;
  end: number;
}

/**
 * Reads inline content, made of `pieces` (lines, without their indentation),
 * into a segment of `kind`: text, `**strong**`, `~~strikethrough~~`,
 * `[links](url)` and `![images](url)`. False when it holds anything else.
 */
function inline(source: string, pieces: Piece[], kind: Segment["kind"], out: PlainBlock): boolean {
  // The content as the parser sees it: lines joined by their line endings as written (`\n` or `\r\n`).
  // A line and the ending after it stand together in the source.
  let text = "";
  const lineAt: number[] = [];
  for (const [n, p] of pieces.entries()) {
    if (n > 0) text += source.charCodeAt(pieces[n - 1]!.end) === 0x0d ? "\r\n" : "\n";
    lineAt.push(text.length);
    text += source.slice(p.start, p.end);
  }
  /** The line of `text` that holds offset `k`. */
  const lineOf = (k: number) => {
    let n = lineAt.length - 1;
    while (lineAt[n]! > k) n--;
    return n;
  };
  /** Where the character at `k` of `text` stands in the source. */
  const sourceAt = (k: number) => {
    const n = lineOf(k);
    return pieces[n]!.start + k - lineAt[n]!;
  };
  const builder = new SegmentBuilder(kind);
  const alts: Segment[] = [];
  /** Text from `from` to `to` in `text`, as one text node, placed line by line. */
  const addText = (from: number, to: number) => {
    for (let n = lineOf(from); from < to; n++) {
      const lineEnd = Math.min(to, n + 1 < lineAt.length ? lineAt[n + 1]! : text.length);
      builder.addProse(text.slice(from, lineEnd), pieces[n]!.start + from - lineAt[n]!);
      from = lineEnd;
    }
  };

  /** The `**` and `~~` runs still open, nearest last. Every run must pair, or the block is for the parser. */
  const open: number[] = [];
  let run = 0;
  // Only these characters can start markup; the text between them is read by the expression.
  INLINE_MARK.lastIndex = 0;
  for (let mark = INLINE_MARK.exec(text); mark; mark = INLINE_MARK.exec(text)) {
    let k = mark.index;
    const c = text.charCodeAt(k);
    if (c === STAR || c === TILDE) {
      const start = k;
      // Within the text: a code read past its end would make V8 compile this again.
      while (k < text.length && text.charCodeAt(k) === c) k++;
      if (k - start !== 2) return false;
      // Flanking, as the parser judges it, from the characters around the run in the source.
      const before = sourceAt(start);
      const after = sourceAt(k - 1) + 1;
      const previous = before > 0 ? source.charCodeAt(before - 1) : null;
      const next = after < source.length ? source.charCodeAt(after) : null;
      // 1: white space (or none), 2: punctuation, undefined: anything else.
      const left = previous === null ? 1 : classifyCharacter(previous);
      const right = next === null ? 1 : classifyCharacter(next);
      // Strong emphasis also opens before, and closes after, a strikethrough's `~`.
      const opens = !right || (right === 2 && left !== undefined) || (c === STAR && next === TILDE);
      const closes = !left || (left === 2 && right !== undefined) || (c === STAR && previous === TILDE);
      // A run closes the nearest open one of its kind; they must nest, and each be two long.
      if (closes && open.length > 0) {
        if (open.pop() !== c) return false;
      } else if (opens) open.push(c);
      else return false;
      addText(run, start);
      run = k;
    } else if (c === AMPERSAND) {
      if (REFERENCE.test(text.slice(k, k + 40))) return false;
      k++;
    } else if (c === BRACKET || (c === BANG && k + 1 < text.length && text.charCodeAt(k + 1) === BRACKET)) {
      const image = c === BANG;
      LINK.lastIndex = image ? k + 1 : k;
      const link = LINK.exec(text);
      // `[^1]` is a footnote's call.
      if (!link || link[1]!.startsWith("^") || REFERENCE.test(link[1]!)) return false;
      addText(run, k);
      const label = link[1]!;
      const labelStart = k + (image ? 2 : 1);
      const end = LINK.lastIndex;
      // A link holds no line ending: it stands on one line of the source.
      if (image) {
        const alt = new SegmentBuilder("alt");
        alt.add(label, sourceAt(labelStart));
        const segment = alt.build();
        if (segment) alts.push(segment);
        builder.separate(sourceAt(k), sourceAt(end - 1) + 1);
      } else addText(labelStart, labelStart + label.length);
      k = end;
      run = end;
    } else if (c === BANG) {
      k++;
    } else {
      // Code, inline HTML, autolinks and stray brackets are for the parser.
      return false;
    }
    INLINE_MARK.lastIndex = k;
  }
  if (open.length > 0) return false;
  addText(run, text.length);
  out.segments.push(...alts);
  const segment = builder.build();
  if (segment) out.segments.push(segment);
  return true;
}

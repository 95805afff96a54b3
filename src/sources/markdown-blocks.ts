// Cuts a Markdown document into top-level blocks that parse alone exactly as
// they parse in place, so a file's copy can be parsed only where a rule may
// find something. Parsing is the costly step; most blocks hold nothing.
//
// A cut is made at a blank line followed by a line that starts in column 0,
// and between two item lines of one list. Such a line closes every open container (a list item needs indentation,
// a block quote ends at a blank line, a paragraph cannot continue past one),
// so the text after the cut starts the same blocks alone as in place. Only
// top-level constructs that may hold blank lines survive such a line: fenced
// code, HTML blocks and front matter; the scan follows those and makes no cut
// inside them. Whatever it cannot follow with certainty (link reference
// definitions, whose labels reach into every block; an HTML block that ends
// at a marker; a fence or HTML indented at top level, which may belong to a
// list item) gives no blocks, and the document is parsed whole.

/** A top-level stretch of the source, `[start, end)`; the blocks of a document cover it without gaps. */
export interface Block {
  start: number;
  end: number;
}

/** Front matter as remark-frontmatter reads it: `---` lines around YAML at the very start. */
const FRONT_MATTER = /^---[ \t]*(?:\r\n|\r|\n)(?:([^]*?)(?:\r\n|\r|\n))??---[ \t]*(?=\r\n|\r|\n|$)/;
const NEWLINE = /\r\n|\r|\n/g;
/** An opening fence, with its info string: anything to the end of the line (U+2028 too, which `.` would stop at). */
const FENCE = /^(`{3,}|~{3,})([^]*)$/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const LIST_ITEM = /^(?:([-*+])|[0-9]{1,9}([.)]))[ \t]+\S/;
/** The first character of a list item or a thematic break: most lines of copy have another. */
const MAY_BE_ITEM = /^[-*+_0-9]/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** HTML blocks that end at a marker (script, processing instruction, declaration, CDATA), not at a blank line. */
const HTML_TO_MARKER = /^<(?:(?:script|pre|style|textarea)(?:[\s>]|$)|\?|![A-Za-z]|!\[CDATA\[)/i;

const SPACE = 0x20;
const TAB = 0x09;

/** Columns of leading white space, tabs to the next multiple of four. */
function indentation(line: string): { columns: number; chars: number } {
  let columns = 0;
  let chars = 0;
  for (; chars < line.length; chars++) {
    // Codes, not one-character strings: a line may be held in any of V8's kinds of string, and code indexing it is compiled for the kinds it has seen.
    const c = line.charCodeAt(chars);
    if (c === SPACE) columns++;
    else if (c === TAB) columns += 4 - (columns % 4);
    else break;
  }
  return { columns, chars };
}

export interface SplitDocument {
  blocks: Block[];
  /** The fenced code at top level, fences and all, which is not copy: each within one block, in order. */
  code: Block[];
  /** The YAML between the front matter's fences, as the parser gives it. */
  frontMatter?: string;
}

/**
 * The front matter at the very start of a Markdown document, as
 * remark-frontmatter reads it: its YAML, and where the document goes on.
 * Undefined when there is none; null when the first line opens one that never
 * closes, which the parser reads otherwise.
 */
export function frontMatterOf(source: string): { yaml: string; end: number } | undefined | null {
  const body = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!source.startsWith("---", body)) return undefined;
  const front = FRONT_MATTER.exec(source.slice(body));
  return front ? { yaml: front[1] ?? "", end: body + front[0].length } : null;
}

/** The top-level blocks of `source`, or undefined when it must be parsed whole. */
export function splitBlocks(source: string): SplitDocument | undefined {
  // A definition's label can be used by any block, before or after it.
  if (source.includes("]:")) return undefined;
  const front = frontMatterOf(source);
  if (front === null) return undefined;
  const frontMatter = front?.yaml;
  const from = front?.end ?? (source.charCodeAt(0) === 0xfeff ? 1 : 0);

  const starts = [0];
  let fence: { char: string; length: number; start: number } | undefined;
  const code: Block[] = [];
  let inComment = false;
  /** An HTML block that ends at the next blank line; whether a fence inside it is one depends on what it is. */
  let htmlToBlank = false;
  let afterBlank = false;
  let afterIndented = false;
  /** The marker of the list item the line before was, when it was one: a bullet, or an ordered item's `.` or `)`. */
  let previousItem: string | undefined;

  // Lines end at LF, CRLF or CR; most documents have no CR, and their lines are found without a regular expression.
  const cr = source.includes("\r");
  for (let at = from, next = from; at < source.length; at = next) {
    let end: number;
    if (cr) {
      NEWLINE.lastIndex = at;
      const newline = NEWLINE.exec(source);
      end = newline ? newline.index : source.length;
      next = newline ? end + newline[0].length : end;
    } else {
      end = source.indexOf("\n", at);
      if (end < 0) end = source.length;
      next = end + 1;
    }
    const line = source.slice(at, end);

    // A fence or comment left open runs to the end of the document: no cut after it opens.
    if (fence) {
      const close = CLOSING_FENCE.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) {
        code.push({ start: fence.start, end: next });
        fence = undefined;
      }
      continue;
    }
    if (inComment) {
      if (line.includes("-->")) inComment = false;
      continue;
    }
    const indent = indentation(line);
    if (indent.chars === line.length) {
      afterBlank = true;
      htmlToBlank = false;
      continue;
    }
    // After indented code, remark reads a list marker as text: the line after it is no place to cut.
    if (afterBlank && indent.columns === 0 && !afterIndented) starts.push(at);
    // An item right after an item of the same list starts a block too: alone, each is the same item.
    const item = indent.columns === 0 && MAY_BE_ITEM.test(line) && !THEMATIC_BREAK.test(line) ? LIST_ITEM.exec(line) : null;
    const kind = item ? (item[1] ?? item[2]) : undefined;
    if (!afterBlank && kind !== undefined && kind === previousItem && !afterIndented && !htmlToBlank) starts.push(at);
    // Only a line that starts a block is sure to be an item: `2)` after text is more of the text.
    previousItem = at === from || starts[starts.length - 1] === at ? kind : undefined;
    afterBlank = false;
    afterIndented = indent.columns >= 4;

    // Most lines open neither: they are copy.
    const first = line.charCodeAt(indent.chars);
    if (first !== 0x60 && first !== 0x7e && first !== 0x3c) continue;
    const rest = line.slice(indent.chars);
    const opensFence = FENCE.exec(rest);
    const opensHtml = /^<[A-Za-z/?!]/.test(rest);
    if (!opensFence && !opensHtml) continue;
    // At one to three columns, a fence or HTML block may be top level or inside a list item: which one decides where it ends.
    if (indent.columns > 0) {
      if (indent.columns < 4) return undefined;
      continue;
    }
    if (opensFence) {
      const [, run, info] = opensFence;
      if (run![0] === "`" && info!.includes("`")) continue; // inline code, not a fence
      if (htmlToBlank) return undefined;
      fence = { char: run![0]!, length: run!.length, start: at };
      continue;
    }
    if (rest.startsWith("<!--")) {
      if (htmlToBlank) return undefined;
      const close = rest.indexOf("-->", 4);
      // `<!-->` and `<!--->` end where they start in some readings and not in others.
      if (close < 0 && rest.slice(2).includes("-->")) return undefined;
      inComment = close < 0;
      continue;
    }
    if (HTML_TO_MARKER.test(rest)) return undefined;
    htmlToBlank = true;
  }
  if (fence) code.push({ start: fence.start, end: source.length });
  starts.push(source.length);
  const blocks: Block[] = [];
  for (let i = 0; i + 1 < starts.length; i++) if (starts[i]! < starts[i + 1]!) blocks.push({ start: starts[i]!, end: starts[i + 1]! });
  return { blocks, code, ...(frontMatter !== undefined ? { frontMatter } : {}) };
}

// Markdown: prose, headings, list items, table cells, link text and image alt
// text are copy; code, URLs, HTML and front matter are not. HTML comments may
// hold adlint directives. Front matter says the channel.
import type { Nodes, Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import type { DocumentMeta, Segment } from "../core/types.js";
import { parseDirective, type Directive } from "../suppress/directives.js";
import { alignToSource } from "./align.js";
import type { Block } from "./markdown-blocks.js";
import { readPlainBlock } from "./markdown-plain.js";
import type { ParsedDocument } from "./document.js";
import { readFrontMatter } from "./front-matter.js";
import { SegmentBuilder } from "./segment-builder.js";

/**
 * GFM as GitHub and most shop editors render it: tables, strikethrough,
 * footnotes and task lists. Not its literal autolinks: a URL in text is left
 * out of the copy either way (see SegmentBuilder.addProse), and finding them
 * walks every text node of every tree again.
 */
function gfm(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown());
}

/** The whole-document parser, which the editor's quick fixes use too. */
export const markdownParser = unified().use(remarkParse).use(gfm).use(remarkFrontmatter, ["yaml"]);
/** For blocks after the first: front matter is only ever at the very start. */
const blockParser = unified().use(remarkParse).use(gfm);

const COMMENT = /<!--([^]*?)-->/g;

/** Directives in a stretch of HTML starting at `offset`. */
export function directivesInHtml(html: string, offset: number): Directive[] {
  const out: Directive[] = [];
  for (const m of html.matchAll(COMMENT)) {
    const d = parseDirective(m[1]!, [offset + m.index, offset + m.index + m[0].length]);
    if (d) out.push(d);
  }
  return out;
}

/**
 * Source pieces put end to end, with the way back from an offset in them to
 * one in the source. A piece that does not end in a blank line (one list item
 * cut from the next) gets one, so the next piece starts afresh and is not read
 * as more of it.
 */
function toParsedText(source: string, pieces: ReadonlyArray<{ start: number; end: number }>) {
  let text = "";
  const from: number[] = [];
  for (const p of pieces) {
    // The piece's own line ending: a "\n" after a "\r" would only complete it.
    if (text && !BLANK_LINE_AT_END.test(text)) text += text.endsWith("\r") ? "\r" : "\n";
    from.push(text.length);
    text += source.slice(p.start, p.end);
  }
  return {
    text,
    /** The source offset of `offset`; an end offset (`isEnd`) belongs to the piece it closes. */
    toSource(offset: number, isEnd: boolean): number {
      let lo = 0;
      let hi = pieces.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (isEnd ? from[mid]! < offset : from[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return pieces.length ? pieces[lo]!.start + offset - from[lo]! : offset;
    },
  };
}

/** A line ending, then a line of nothing but spaces or tabs, ended too (the `\r` of a `\r\n` is not one on its own). */
const BLANK_LINE_AT_END = /(?:^|\n|\r(?!\n))[ \t]*(?:\r\n|\r|\n)$/;

/**
 * Reads the document whole, or only the blocks given (from `splitBlocks`),
 * each alone: positions are the same either way. A block of plain copy is read
 * without the parser (see markdown-plain.ts); the others that are
 * `worthParsing` are parsed together, and the rest left out.
 */
export function parseMarkdown(source: string, only?: readonly Block[], worthParsing?: (block: Block) => boolean): ParsedDocument {
  if (!only) return parseWithParser(source);
  const segments: Segment[] = [];
  const directives: Directive[] = [];
  let meta: DocumentMeta = {};
  const rest: Block[] = [];
  for (const block of only) {
    const plain = readPlainBlock(source, block);
    if (!plain) {
      if (!worthParsing || worthParsing(block)) rest.push(block);
      continue;
    }
    segments.push(...plain.segments);
    for (const [start, end] of plain.comments) directives.push(...directivesInHtml(source.slice(start, end), start));
    if (plain.meta) meta = plain.meta;
  }
  if (rest.length === only.length) return parseWithParser(source, rest);
  if (rest.length > 0) {
    const parsed = parseWithParser(source, rest);
    segments.push(...parsed.segments);
    directives.push(...parsed.directives);
    if (rest[0]!.start === 0) meta = parsed.meta;
  }
  segments.sort((a, b) => a.starts[0]! - b.starts[0]!);
  directives.sort((a, b) => a.range[0] - b.range[0]);
  return { source, segments, directives, meta };
}

/** Parses the document whole, or the blocks given, with remark: the reading every other one is held to. */
export function parseWithParser(source: string, only?: readonly Block[]): ParsedDocument {
  const segments: Segment[] = [];
  const directives: Directive[] = [];
  let meta: DocumentMeta = {};

  // The parser drops a byte order mark and counts positions after it.
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const pieces = (only ?? [{ start: 0, end: source.length }]).map(({ start, end }) => ({ start: Math.max(start, bom), end }));
  const parsed = toParsedText(source, pieces);
  const offsets = (node: Nodes): [number, number] | undefined => {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    return s === undefined || e === undefined ? undefined : [parsed.toSource(s, false), parsed.toSource(e, e > s)];
  };

  const keep = (segment: Segment | undefined) => {
    if (segment) segments.push(segment);
  };

  /** Inline content of a block, as one segment; alt texts become their own. */
  const inline = (nodes: Nodes[], into: SegmentBuilder) => {
    for (const node of nodes) {
      const at = offsets(node);
      switch (node.type) {
        case "text":
          if (at) into.addProse(node.value, alignToSource(node.value, source, at[0], at[1]));
          break;
        case "link":
          // An autolink's text is its URL, not copy.
          if (at && source[at[0]] === "<") into.separate(at[0], at[1]);
          else inline(node.children as Nodes[], into);
          break;
        case "break":
          if (at) into.add("\n", { starts: [at[0]], ends: [at[1]] });
          break;
        case "inlineCode":
          if (at) into.separate(at[0], at[1]);
          break;
        case "html":
          if (at) {
            directives.push(...directivesInHtml(node.value, at[0]));
            into.separate(at[0], at[1]);
          }
          break;
        case "image":
        case "imageReference":
          if (at && node.alt) {
            const alt = new SegmentBuilder("alt");
            const from = at[0] + 2; // after `![`
            alt.add(node.alt, alignToSource(node.alt, source, from, at[1]));
            keep(alt.build());
          }
          if (at) into.separate(at[0], at[1]);
          break;
        default:
          if ("children" in node) inline(node.children as Nodes[], into);
      }
    }
  };

  const block = (node: Nodes) => {
    switch (node.type) {
      case "yaml":
        meta = readFrontMatter(node.value);
        return;
      case "code":
      case "definition":
        return;
      case "html": {
        const at = offsets(node);
        if (at) directives.push(...directivesInHtml(node.value, at[0]));
        return;
      }
      case "paragraph":
      case "heading":
      case "tableCell": {
        const b = new SegmentBuilder(node.type === "tableCell" ? "table-cell" : node.type);
        inline(node.children as Nodes[], b);
        keep(b.build());
        return;
      }
      default:
        if ("children" in node) for (const child of node.children as Nodes[]) block(child);
    }
  };
  // Blocks parse alone as in place, and so one after another: one parse, not one per block.
  block((pieces[0]?.start === bom ? markdownParser : blockParser).parse(parsed.text) as Root);
  segments.sort((a, b) => a.starts[0]! - b.starts[0]!);
  // A paragraph line or list item may open with a speaker label (`主播：`).
  return { source, segments, directives, meta };
}

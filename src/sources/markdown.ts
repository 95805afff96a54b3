// Markdown: prose, headings, list items, table cells, link text and image alt
// text are copy; code, URLs, HTML and front matter are not. HTML comments may
// hold adlint directives. Front matter says the channel.
import type { Nodes, Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { DocumentMeta, Segment } from "../core/types.js";
import { parseDirective, type Directive } from "../suppress/directives.js";
import { alignToSource } from "./align.js";
import type { ParsedDocument } from "./document.js";
import { readFrontMatter } from "./front-matter.js";
import { SegmentBuilder } from "./segment-builder.js";

// GFM: tables, strikethrough and autolinks parse as GitHub and most shop editors render them.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

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

const offsets = (node: Nodes): [number, number] | undefined => {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : [s, e];
};

export function parseMarkdown(source: string): ParsedDocument {
  const tree = parser.parse(source) as Root;
  const segments: Segment[] = [];
  const directives: Directive[] = [];
  let meta: DocumentMeta = {};

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
  block(tree);
  segments.sort((a, b) => a.starts[0]! - b.starts[0]!);
  // A paragraph line or list item may open with a speaker label (`主播：`).
  return { source, segments, directives, meta };
}

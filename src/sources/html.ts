// HTML: the text of the page and the attributes people read (alt, title,
// placeholder, aria-label, labels, button values, the page description and
// its social cards) are copy; scripts, styles, code and other attributes are
// not. Inline elements stay in the sentence around them, so 最<b>佳</b> reads
// 最佳; block elements end it. Comments may hold adlint directives.
import { parse, type DefaultTreeAdapterTypes as T } from "parse5";
import type { Segment } from "../core/types.js";
import { parseDirective, type Directive } from "../suppress/directives.js";
import { alignToSource } from "./align.js";
import type { ParsedDocument } from "./document.js";
import { SegmentBuilder } from "./segment-builder.js";

/** Elements that flow inside a line of text; every other element starts and ends a block. */
const INLINE = new Set([
  "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i",
  "img", "ins", "kbd", "label", "mark", "nobr", "q", "ruby", "rb", "rp", "rt", "s", "samp", "small", "span",
  "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "picture", "svg", "math",
]);

/** Elements whose content is code or data, not copy. */
const NOT_COPY = new Set(["script", "style", "code", "pre", "kbd", "samp", "xmp", "plaintext", "iframe", "noembed", "noframes"]);

/** Pronunciation guides read alongside their base text; they neither count nor split it. */
const SILENT = new Set(["rt", "rp"]);

/** Inline elements that stand for something other than text, so words do not join across them. */
const REPLACED = new Set(["img", "picture", "svg", "math", "video", "audio", "object", "embed", "canvas"]);

/** Attributes that are read wherever they appear. */
const READ_ATTRIBUTES: Record<string, string> = {
  alt: "alt",
  title: "attribute",
  placeholder: "attribute",
  "aria-label": "attribute",
  "aria-description": "attribute",
  "aria-roledescription": "attribute",
  "aria-valuetext": "attribute",
  label: "attribute",
};

/** <meta name|property="…" content="…"> whose content a search page or a shared card shows. */
const READ_META = new Set([
  "description",
  "keywords",
  "og:title",
  "og:description",
  "og:image:alt",
  "twitter:title",
  "twitter:description",
  "twitter:image:alt",
]);

function kindOf(tag: string): string {
  if (/^h[1-6]$/.test(tag)) return "heading";
  if (tag === "td" || tag === "th") return "table-cell";
  if (tag === "title") return "title";
  if (tag === "li" || tag === "dt" || tag === "dd") return "list-item";
  return "paragraph";
}

const attr = (el: T.Element, name: string): string | undefined => el.attrs.find((a) => a.name === name && !a.prefix)?.value;

export function parseHtml(source: string): ParsedDocument {
  let document: T.Document;
  try {
    document = parse(source, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  } catch (e) {
    // parse5 recovers from every markup error; this is for the unexpected.
    return { source, segments: [], directives: [], meta: {}, parseError: { message: e instanceof Error ? e.message : String(e), offset: 0 } };
  }

  const segments: Segment[] = [];
  const directives: Directive[] = [];
  const keep = (segment: Segment | undefined) => {
    if (segment) segments.push(segment);
  };

  let current = new SegmentBuilder("paragraph");
  const flush = (kind: string) => {
    keep(current.build());
    current = new SegmentBuilder(kind);
  };

  /** An attribute value as its own segment, mapped through quotes and character references. */
  const attribute = (el: T.Element, name: string, kind: string) => {
    const value = attr(el, name);
    const at = el.sourceCodeLocation?.attrs?.[name];
    if (!value || !at) return;
    const written = source.slice(at.startOffset, at.endOffset);
    const eq = written.indexOf("=");
    if (eq < 0) return;
    let from = at.startOffset + eq + 1;
    while (/\s/.test(source[from] ?? "")) from++;
    let to = at.endOffset;
    if (source[from] === '"' || source[from] === "'") {
      from++;
      to--;
    }
    const b = new SegmentBuilder(kind);
    b.add(value, alignToSource(value, source, from, to));
    keep(b.build());
  };

  const attributes = (el: T.Element) => {
    for (const [name, kind] of Object.entries(READ_ATTRIBUTES)) attribute(el, name, kind);
    if (el.tagName === "meta") {
      const names = [attr(el, "name"), attr(el, "property")];
      if (names.some((n) => n !== undefined && READ_META.has(n.toLowerCase()))) attribute(el, "content", "meta");
    }
    if (el.tagName === "input" && /^(?:button|submit|reset)$/i.test(attr(el, "type") ?? "")) attribute(el, "value", "attribute");
  };

  const children = (nodes: T.ChildNode[], kind: string) => {
    for (const node of nodes) visit(node, kind);
  };

  const visit = (node: T.ChildNode, kind: string): void => {
    const at = node.sourceCodeLocation;
    switch (node.nodeName) {
      case "#text": {
        const text = node as T.TextNode;
        if (at) current.add(text.value, alignToSource(text.value, source, at.startOffset, at.endOffset));
        return;
      }
      case "#comment": {
        const comment = node as T.CommentNode;
        const d = at ? parseDirective(comment.data, [at.startOffset, at.endOffset]) : undefined;
        if (d) directives.push(d);
        return;
      }
      case "#documentType":
        return;
    }
    const el = node as T.Element;
    const tag = el.tagName;
    attributes(el);
    if (SILENT.has(tag)) return;
    if (tag === "br") {
      if (at) current.add("\n", { starts: [at.startOffset], ends: [at.endOffset] });
      return;
    }
    const inline = INLINE.has(tag);
    if (NOT_COPY.has(tag) || REPLACED.has(tag)) {
      if (!inline) flush(kind);
      else if (at) current.separate(at.startOffset, at.endOffset);
      // Alt text and titles inside an <svg> or <picture> are still read.
      if (!NOT_COPY.has(tag)) for (const child of el.childNodes) if (child.nodeName !== "#text") visit(child, kind);
      return;
    }
    if (inline) {
      children(el.childNodes, kind);
      return;
    }
    const inner = kindOf(tag);
    flush(inner);
    // A <template>'s markup is cloned into the page, so its text is copy too.
    children(tag === "template" ? (el as T.Template).content.childNodes : el.childNodes, inner);
    flush(kind);
  };

  children(document.childNodes, "paragraph");
  flush("paragraph");
  segments.sort((a, b) => a.starts[0]! - b.starts[0]!);
  return { source, segments, directives, meta: {} };
}

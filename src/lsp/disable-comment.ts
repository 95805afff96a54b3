// The "disable for this line" quick fix: where a directive for one diagnostic
// goes in each format, written so the format still parses and the copy still
// reads the same. Plain text, SRT and JSON have no comments: no edit there.
import { extname } from "node:path";
import { parse as parseScript } from "@typescript-eslint/typescript-estree";
import type { Nodes, Root } from "mdast";
import { isScalar, parseDocument as parseYaml, visit } from "yaml";
import type { Format } from "../sources/document.js";
import { markdownParser } from "../sources/markdown.js";
import { OffsetConverter } from "./positions.js";

/** A replacement of source offsets [start, end) by `text`. */
export interface OffsetEdit {
  range: [number, number];
  text: string;
}

export interface DisableRequest {
  source: string;
  /** The document's path, for JSX and WebVTT. */
  path: string;
  format: Format;
  ruleId: string;
  /** Source offsets of the diagnostic. */
  range: [number, number];
  /** The reason placeholder written after `--`. */
  reason: string;
}

const eolOf = (source: string): string => (source.includes("\r\n") ? "\r\n" : !source.includes("\n") && source.includes("\r") ? "\r" : "\n");

interface Line {
  /** 0-based. */
  index: number;
  start: number;
  end: number;
  text: string;
}

function lineAt(conv: OffsetConverter, offset: number): Line {
  const index = conv.position(offset).line;
  return lineNumbered(conv, index);
}

function lineNumbered(conv: OffsetConverter, index: number): Line {
  const start = conv.lineStart(index);
  const end = conv.lineEnd(index);
  return { index, start, end, text: conv.text.slice(start, end) };
}

const indentOf = (text: string): string => /^[ \t]*/.exec(text)![0];

/** A new line above `line`, with its indentation. */
function lineAbove(line: Line, body: string, eol: string, indent = indentOf(line.text)): OffsetEdit[] {
  return [{ range: [line.start, line.start], text: `${indent}${body}${eol}` }];
}

/** The edits that disable `ruleId` for the diagnostic's line, or undefined where the format has no safe place for a comment. */
export function disableEdits(req: DisableRequest): OffsetEdit[] | undefined {
  const conv = new OffsetConverter(req.source);
  const line = lineAt(conv, req.range[0]);
  const eol = eolOf(req.source);
  const what = `${req.ruleId} -- ${req.reason}`;
  switch (req.format) {
    case "markdown":
      return markdownEdits(req, conv, line, what, eol);
    case "html":
      return lineAbove(line, `<!-- adlint-disable-next-line ${what} -->`, eol);
    case "script":
      return scriptEdits(req, line, what, eol);
    case "yaml":
      return yamlEdits(req, conv, line, what, eol);
    case "subtitles":
      return extname(req.path).toLowerCase() === ".vtt" || /^\ufeff?WEBVTT/.test(req.source) ? vttEdits(conv, line, what, eol) : undefined;
    case "text":
    case "json":
      return undefined;
  }
}


/**
 * Markdown: a comment line above starts a new HTML block, which would split a
 * hard-wrapped paragraph, end a list or break a table. So a line that starts
 * a block gets the comment above (keeping `>` quote markers and indentation);
 * a list item's first line or a paragraph's later line gets `disable-line` at
 * its end; a table row gets it inside the cell, before the cell's pipe.
 */
function markdownEdits(req: DisableRequest, conv: OffsetConverter, line: Line, what: string, eol: string): OffsetEdit[] {
  const comment = (kind: string) => `<!-- adlint-${kind} ${what} -->`;
  const lineNo = line.index + 1;
  let place: "above" | "end" | "cell" = "above";
  const walk = (node: Nodes, parent: Nodes | undefined): void => {
    const p = node.position;
    if (!p || p.start.line > lineNo || p.end.line < lineNo) return;
    if (node.type === "table") place = "cell";
    else if (node.type === "paragraph" && place === "above") {
      if (p.start.line < lineNo || (parent?.type === "listItem" && parent.position?.start.line === lineNo)) place = "end";
    }
    if ("children" in node) for (const child of node.children as Nodes[]) walk(child, node);
  };
  walk(markdownParser.parse(req.source) as Root, undefined);

  if (place === "above") return lineAbove(line, comment("disable-next-line"), eol, /^(?:[ \t]*>)*[ \t]*/.exec(line.text)![0]);
  if (place === "end") {
    const trimmed = line.start + line.text.trimEnd().length;
    return [{ range: [trimmed, trimmed], text: ` ${comment("disable-line")}` }];
  }
  // The first pipe after the diagnostic that is not escaped closes its cell.
  let at = -1;
  for (let i = Math.max(req.range[1], line.start); i < line.end; i++) {
    const c = req.source[i];
    if (c === "\\") i++;
    else if (c === "|") {
      at = i;
      break;
    }
  }
  if (at < 0) {
    const trimmed = line.start + line.text.trimEnd().length;
    return [{ range: [trimmed, trimmed], text: ` ${comment("disable-line")}` }];
  }
  const spaced = req.source[at - 1] === " " || req.source[at - 1] === "\t";
  return [{ range: [at, at], text: `${spaced ? "" : " "}${comment("disable-line")} ` }];
}

interface EstreeNode {
  type: string;
  range: [number, number];
}

const isNode = (value: unknown): value is EstreeNode =>
  typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string" && Array.isArray((value as { range?: unknown }).range);

/** The innermost node that strictly contains `offset`. */
function innermost(node: EstreeNode, offset: number): EstreeNode {
  for (const [key, value] of Object.entries(node)) {
    if (key === "parent" || key === "range" || key === "loc") continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child) && child.range[0] < offset && offset < child.range[1]) return innermost(child, offset);
    }
  }
  return node;
}

/**
 * JS/TS: a `//` line above, or `{/* … *\/}` when the line is JSX children,
 * where `//` would be text. A line that continues a string or template
 * literal has no place for a comment that would not change the string.
 */
function scriptEdits(req: DisableRequest, line: Line, what: string, eol: string): OffsetEdit[] | undefined {
  const ext = extname(req.path).toLowerCase();
  const jsx = ext !== ".ts" && ext !== ".mts" && ext !== ".cts";
  let context = "code";
  try {
    const ast = parseScript(req.source, { range: true, loc: false, comment: false, jsx, suppressDeprecatedPropertyWarnings: true });
    const node = innermost(ast as unknown as EstreeNode, line.start);
    if (node.type === "JSXText" || node.type === "JSXElement" || node.type === "JSXFragment") context = "jsx";
    else if (node.type === "Literal" || node.type === "TemplateLiteral" || node.type === "TemplateElement" || node.type === "JSXAttribute")
      context = "string";
  } catch {
    // A file that does not parse has no rule diagnostics to disable; a line comment is the best guess.
  }
  if (context === "string") return undefined;
  const body = context === "jsx" ? `{/* adlint-disable-next-line ${what} */}` : `// adlint-disable-next-line ${what}`;
  return lineAbove(line, body, eol);
}

/**
 * YAML: a `#` line above. Inside a scalar that spans lines a `#` line would be
 * part of the string, so the scalar is wrapped in a disable/enable region instead.
 */
function yamlEdits(req: DisableRequest, conv: OffsetConverter, line: Line, what: string, eol: string): OffsetEdit[] {
  let scalar: [number, number] | undefined;
  try {
    visit(parseYaml(req.source), {
      Scalar(_key, node) {
        const r = node.range;
        if (isScalar(node) && r && r[0] <= req.range[0] && req.range[0] < r[1]) scalar = [r[0], r[1]];
      },
    });
  } catch {
    scalar = undefined;
  }
  if (scalar) {
    const owner = lineAt(conv, scalar[0]);
    let last = scalar[1];
    while (last > scalar[0] && /\s/.test(req.source[last - 1]!)) last--;
    const lastLine = lineAt(conv, Math.max(scalar[0], last - 1));
    if (owner.index < line.index) {
      const indent = indentOf(owner.text);
      const ruleId = what.split(" -- ")[0];
      return [
        ...lineAbove(owner, `# adlint-disable ${what}`, eol, indent),
        { range: [lastLine.end, lastLine.end], text: `${eol}${indent}# adlint-enable ${ruleId}` },
      ];
    }
  }
  return lineAbove(line, `# adlint-disable-next-line ${what}`, eol);
}

/** WebVTT: a NOTE block before the cue; a NOTE for the next line covers the whole cue. */
function vttEdits(conv: OffsetConverter, line: Line, what: string, eol: string): OffsetEdit[] {
  let first = line;
  while (first.index > 0) {
    const above = lineNumbered(conv, first.index - 1);
    if (/^\s*$/.test(above.text)) break;
    first = above;
  }
  return [{ range: [first.start, first.start], text: `NOTE adlint-disable-next-line ${what}${eol}${eol}` }];
}

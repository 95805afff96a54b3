// YAML and JSON content files (poster specs, CMS exports, i18n catalogs):
// every string value is copy, keys are not, and neither are values that are
// plainly not words (URLs, paths, e-mail addresses, colours, identifiers).
// `# adlint-…` comments are directives; a top-level field names the channel.
import { extname } from "node:path";
import { isAlias, isMap, isPair, isScalar, isSeq, Parser, parseAllDocuments, Scalar, type Document, type Node } from "yaml";
import type { DocumentMeta, Segment } from "../core/types.js";
import { parseDirective, type Directive } from "../suppress/directives.js";
import { alignToSource, type Alignment } from "./align.js";
import type { ParsedDocument } from "./document.js";
import { SegmentBuilder } from "./segment-builder.js";

export interface DataOptions {
  /** Read the file as JSON; by default a `.json` path is. */
  json?: boolean;
  /** The top-level field that names the document's channel; default `channel`. */
  channelField?: string;
}

export function parseData(source: string, path: string, options: DataOptions = {}): ParsedDocument {
  const json = options.json ?? extname(path).toLowerCase() === ".json";
  const empty = (parseError?: ParsedDocument["parseError"]): ParsedDocument => ({
    source,
    segments: [],
    directives: [],
    meta: {},
    ...(parseError ? { parseError } : {}),
  });
  if (json) {
    const error = checkJson(source);
    if (error) return empty(error);
  }
  // JSON allows a key twice (the last one wins); YAML does not.
  const docs = parseAllDocuments(source, { uniqueKeys: !json }) as Document[];
  for (const doc of docs)
    for (const error of doc.errors) return empty({ message: error.message.split("\n")[0]!, offset: error.pos[0] });

  const channelField = options.channelField ?? "channel";
  const meta = readMeta(docs[0], channelField);
  const segments: Segment[] = [];
  const visit = (node: Node | null | undefined, topLevel: boolean) => {
    if (!node || isAlias(node)) return;
    if (isScalar(node)) {
      const segment = scalarSegment(source, node);
      if (segment) segments.push(segment);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (topLevel && (key === channelField || key === "category")) continue;
        visit(pair.value as Node | null, false);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item as Node | null, false);
    }
  };
  for (const doc of docs) visit(doc.contents, true);
  segments.sort((a, b) => a.starts[0]! - b.starts[0]!);
  return { source, segments, directives: json ? [] : yamlDirectives(source), meta };
}

function readMeta(doc: Document | undefined, channelField: string): DocumentMeta {
  const meta: DocumentMeta = {};
  if (!doc || !isMap(doc.contents)) return meta;
  const channel = doc.get(channelField);
  const category = doc.get("category");
  if (typeof channel === "string") meta.channel = channel;
  if (typeof category === "string") meta.category = category;
  return meta;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/\/|www\.|mailto:|tel:|data:)/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COLOUR = /^(?:#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|(?:rgba?|hsla?)\([^)]*\))$/i;
const PATH = /^(?:\.{0,2}\/|~\/|[a-z]:\\)|^[^\s]*[/\\][^\s]*$|^[^\s]+\.(?:png|jpe?g|gif|webp|svg|avif|bmp|ico|mp[34]|mov|webm|pdf|psd|ai|html?|css|js|json|ya?ml|txt|md|zip|ttf|otf|woff2?)$/i;

/** Whether a string value is plainly not copy: a link, a file, a colour or an identifier. */
export function isNotCopy(value: string): boolean {
  const text = value.trim();
  if (text === "") return true;
  if (URL.test(text) || EMAIL.test(text) || COLOUR.test(text) || PATH.test(text)) return true;
  // `sku-123`, `btn_primary`, `2024-11-11`: no words a reader would read.
  return !/\s/.test(text) && !CJK.test(text);
}

function scalarSegment(source: string, node: Scalar): Segment | undefined {
  if (typeof node.value !== "string" || !node.range || isNotCopy(node.value)) return undefined;
  const value = node.value;
  const [from, to] = node.range;
  const at = alignScalar(value, source, from, to, node.type) ?? alignToSource(value, source, from, to);
  const b = new SegmentBuilder("string-value");
  b.add(value, at);
  return b.build();
}

/** A piece of scalar source: a character (or escape) read as `text`, or white space and line breaks that folding may drop. */
interface Unit {
  text: string;
  start: number;
  end: number;
  kind: "char" | "space" | "break";
}

const ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b", " ": " ",
  '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029",
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A line break as the YAML parser reads one: `\n` or `\r\n`; a lone `\r` is an ordinary character to it. */
function isBreakAt(source: string, p: number): boolean {
  return source[p] === "\n" || source.startsWith("\r\n", p);
}

/** The units of a scalar's source, from its quote or block header to its end. */
function scalarUnits(source: string, from: number, to: number, type: Scalar["type"]): Unit[] | undefined {
  const units: Unit[] = [];
  let p = from;
  let end = to;
  if (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE) {
    p++;
    end--;
  } else if (type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED) {
    // The header (`|-`, `>2 # note`) ends at the first line break.
    while (p < end && !isBreakAt(source, p)) p++;
    p += source.startsWith("\r\n", p) ? 2 : 1;
  }
  while (p < end) {
    const ch = source[p]!;
    if (isBreakAt(source, p)) {
      const len = source.startsWith("\r\n", p) ? 2 : 1;
      units.push({ text: "\n", start: p, end: p + len, kind: "break" });
      p += len;
    } else if (ch === " " || ch === "\t") {
      units.push({ text: ch, start: p, end: p + 1, kind: "space" });
      p++;
    } else if (type === Scalar.QUOTE_SINGLE && ch === "'" && source[p + 1] === "'") {
      units.push({ text: "'", start: p, end: p + 2, kind: "char" });
      p += 2;
    } else if (type === Scalar.QUOTE_DOUBLE && ch === "\\") {
      const e = source[p + 1];
      if (e === undefined) return undefined;
      if (isBreakAt(source, p + 1)) {
        // An escaped line break joins the lines; the next line's indentation goes too.
        p += 1 + (source.startsWith("\r\n", p + 1) ? 2 : 1);
        while (p < end && (source[p] === " " || source[p] === "\t")) p++;
        continue;
      }
      const digits = HEX_DIGITS[e];
      if (digits !== undefined) {
        const hex = source.slice(p + 2, p + 2 + digits);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
        units.push({ text: String.fromCodePoint(parseInt(hex, 16)), start: p, end: p + 2 + digits, kind: "char" });
        p += 2 + digits;
      } else if (ESCAPES[e] !== undefined) {
        units.push({ text: ESCAPES[e]!, start: p, end: p + 2, kind: "char" });
        p += 2;
      } else return undefined;
    } else {
      const cp = source.codePointAt(p)!;
      const len = cp > 0xffff ? 2 : 1;
      units.push({ text: source.slice(p, p + len), start: p, end: p + len, kind: "char" });
      p += len;
    }
  }
  return units;
}

/**
 * Maps the parsed value onto the scalar's source units. Indentation and the
 * white space around folded line breaks are dropped by the parser; a folded
 * break reads as a space or a newline. Undefined when the two do not agree.
 */
function alignScalar(value: string, source: string, from: number, to: number, type: Scalar["type"]): Alignment | undefined {
  const units = scalarUnits(source, from, to, type);
  if (!units) return undefined;
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (let k = 0; k < value.length; ) {
    const c = value[k]!;
    let j = i;
    if (units[j]?.text.startsWith(c) && value.startsWith(units[j]!.text, k)) {
      // A character or escape, possibly two code units (an emoji, `\U0001F600`).
    } else if (c === " " || c === "\n") {
      while (units[j]?.kind === "space") j++;
      // A block scalar's final newline, when the file ends without one, stands for its last character.
      if (j >= units.length && c === "\n" && units.length > 0 && value.slice(k).trim() === "") j = units.length - 1;
      else if (units[j]?.kind !== "break") return undefined;
    } else {
      while (units[j] && units[j]!.kind !== "char") j++;
      if (!units[j] || !value.startsWith(units[j]!.text, k)) return undefined;
    }
    const unit = units[j]!;
    const len = unit.kind === "break" ? 1 : unit.text.length;
    for (let n = 0; n < len; n++) {
      starts.push(unit.start);
      ends.push(unit.end);
    }
    k += len;
    i = j + 1;
  }
  return units.slice(i).every((u) => u.kind !== "char") ? { starts, ends } : undefined;
}

/** `# adlint-…` comments, found by the YAML parser so `#` inside strings is never one. */
function yamlDirectives(source: string): Directive[] {
  const directives: Directive[] = [];
  const seen = new Set<number>();
  const walk = (token: unknown): void => {
    if (!token || typeof token !== "object") return;
    if (Array.isArray(token)) {
      for (const t of token) walk(t);
      return;
    }
    const t = token as { type?: string; offset?: number; source?: string };
    if (t.type === "comment" && typeof t.offset === "number" && typeof t.source === "string" && !seen.has(t.offset)) {
      seen.add(t.offset);
      const d = parseDirective(t.source.slice(1), [t.offset, t.offset + t.source.length]);
      if (d) directives.push(d);
      return;
    }
    for (const value of Object.values(token)) walk(value);
  };
  for (const token of new Parser().parse(source)) walk(token);
  return directives.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * Where a JSON text stops being JSON. YAML reads most JSON mistakes (a
 * trailing comma, a bare word) as something else, so JSON is checked on its own.
 */
function checkJson(source: string): { message: string; offset: number } | undefined {
  let p = 0;
  class JsonError extends Error {
    constructor(
      message: string,
      readonly offset: number,
    ) {
      super(message);
    }
  }
  const fail = (what: string): never => {
    if (p >= source.length) throw new JsonError("unexpected end of JSON", source.length);
    throw new JsonError(`${what}, found ${JSON.stringify(String.fromCodePoint(source.codePointAt(p)!))}`, p);
  };
  const space = () => {
    while (p < source.length && " \t\r\n\ufeff".includes(source[p]!)) p++;
  };
  const string = () => {
    if (source[p] !== '"') fail("expected a string");
    p++;
    while (p < source.length && source[p] !== '"') {
      const c = source.charCodeAt(p);
      if (c < 0x20) fail("a line break or control character inside a string");
      if (source[p] === "\\") {
        p++;
        if (source[p] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(p + 1, p + 5))) fail("expected four hex digits after \\u");
          p += 5;
        } else if (p < source.length && '"\\/bfnrt'.includes(source[p]!)) p++;
        else fail("an unknown escape");
      } else p++;
    }
    if (p >= source.length) fail("an unterminated string");
    p++;
  };
  const value = (): void => {
    space();
    const c = source[p];
    if (c === "{") {
      p++;
      space();
      if (source[p] === "}") return void p++;
      for (;;) {
        space();
        string();
        space();
        if (source[p] !== ":") fail('expected ":"');
        p++;
        value();
        space();
        if (source[p] === ",") p++;
        else if (source[p] === "}") return void p++;
        else fail('expected "," or "}"');
      }
    }
    if (c === "[") {
      p++;
      space();
      if (source[p] === "]") return void p++;
      for (;;) {
        value();
        space();
        if (source[p] === ",") p++;
        else if (source[p] === "]") return void p++;
        else fail('expected "," or "]"');
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(source.slice(p, p + 400));
    if (!literal) fail("expected a value");
    p += literal![0].length;
  };
  try {
    value();
    space();
    if (p < source.length) fail("expected the end of JSON");
  } catch (e) {
    if (e instanceof JsonError) return { message: e.message, offset: e.offset };
    // Nesting too deep to check here; the YAML reader still reports what it cannot read.
    if (e instanceof RangeError) return undefined;
    throw e;
  }
  return undefined;
}

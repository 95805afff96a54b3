// Subtitles (SubRip .srt and WebVTT .vtt): each cue's text is copy, one
// segment per cue, with inline tags left out; cue numbers, timings, settings,
// the WEBVTT header and STYLE/REGION blocks are not. A `<v 主播>` voice tag
// says who speaks. VTT NOTE blocks may hold directives.
import { extname } from "node:path";
import type { Segment } from "../core/types.js";
import { parseDirective, type Directive } from "../suppress/directives.js";
import type { ParsedDocument } from "./document.js";
import { SegmentBuilder } from "./segment-builder.js";

interface Line {
  start: number;
  /** Where the line's text ends, before its line break. */
  end: number;
  /** Where the next line starts. */
  next: number;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
  for (const m of source.matchAll(re)) {
    if (m.index >= source.length && m[0] === "") break;
    lines.push({ start: m.index, end: m.index + m[0].length - m[1]!.length, next: m.index + m[0].length });
  }
  return lines;
}

interface Cue {
  start: string;
  timing: Line;
  text: Line[];
}

const TIMING = /^\s*(\S+)\s+-->\s+\S+/;
const BLANK = /^[ \t]*$/;

/** Inline markup inside cue text: `<i>`, `</b>`, `<c.gold>`, `<v 主播>`, `<00:01.000>`, `{\an8}`. */
const TAG = /<\/?(?:i|b|u|s|c|v|lang|ruby|rt|font)(?:[.\s][^<>\n]*)?>|<(?:\d+:)?\d{2}:\d{2}[.,]\d{3}>|\{\\[^{}\n]*\}/y;
const VOICE = /^<v(?:\.[^\s>]*)?\s+([^>]+)>$/;
const ENTITY = /&(?:amp|lt|gt|nbsp|lrm|rlm|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/y;
const NAMED: Record<string, string> = {
  "&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u00a0", "&lrm;": "\u200e", "&rlm;": "\u200f", "&quot;": '"', "&apos;": "'",
};

function decodeEntity(entity: string): string {
  if (NAMED[entity]) return NAMED[entity];
  const hex = entity.startsWith("&#x");
  const code = parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
}

/** A cue's text lines as one segment; the voice tag, if any, names the speaker. */
function cueSegment(source: string, cue: Cue): Segment | undefined {
  const b = new SegmentBuilder("subtitle-cue");
  let speaker: string | undefined;
  cue.text.forEach((line, n) => {
    if (n > 0) {
      const br = cue.text[n - 1]!;
      b.add("\n", { starts: [br.end], ends: [br.next] });
    }
    for (let p = line.start; p < line.end; ) {
      TAG.lastIndex = p;
      const tag = TAG.exec(source);
      if (tag && tag.index + tag[0].length <= line.end) {
        const voice = VOICE.exec(tag[0]);
        if (voice && speaker === undefined) speaker = voice[1]!.trim();
        p += tag[0].length;
        continue;
      }
      ENTITY.lastIndex = p;
      const entity = ENTITY.exec(source);
      if (entity) {
        const text = decodeEntity(entity[0]);
        const end = p + entity[0].length;
        b.add(text, { starts: Array(text.length).fill(p), ends: Array(text.length).fill(end) });
        p = end;
        continue;
      }
      b.add(source[p]!, { starts: [p], ends: [p + 1] });
      p++;
    }
  });
  const segment = b.build();
  if (!segment) return undefined;
  return { ...segment, cueStart: cue.start, ...(speaker ? { speaker } : {}) };
}

/**
 * A NOTE directive for the next line covers the next cue. It is given a range
 * that ends where the cue's text begins, so that "the next line" is the cue's
 * first text line; a cue of several lines is covered line by line instead.
 */
function coverNextCue(directive: Directive, next: Cue | undefined): Directive {
  if (directive.kind !== "disable-next-line" || !next || next.text.length === 0) return directive;
  if (next.text.length === 1) return { ...directive, range: [directive.range[0], next.timing.end] };
  return { ...directive, kind: "disable-line", range: [directive.range[0], next.text[next.text.length - 1]!.end] };
}

export function parseSubtitles(source: string, path: string): ParsedDocument {
  const vtt = extname(path).toLowerCase() === ".vtt" || /^\ufeff?WEBVTT(?:[ \t]|\r|\n|$)/.test(source);
  const lines = splitLines(source);
  if (vtt && !/^\ufeff?WEBVTT(?:[ \t]|$)/.test(source.slice(lines[0]?.start ?? 0, lines[0]?.end ?? 0)))
    return { source, segments: [], directives: [], meta: {}, parseError: { message: "a WebVTT file starts with WEBVTT", offset: 0 } };

  // Blocks are runs of non-blank lines.
  const blocks: Line[][] = [];
  let block: Line[] = [];
  for (const line of lines) {
    if (BLANK.test(source.slice(line.start, line.end))) {
      if (block.length) blocks.push(block);
      block = [];
    } else block.push(line);
  }
  if (block.length) blocks.push(block);

  const cues: Cue[] = [];
  const notes: Array<{ directive: Directive; before: number }> = [];
  blocks.forEach((lines, i) => {
    const first = source.slice(lines[0]!.start, lines[0]!.end);
    if (vtt && i === 0) return; // the WEBVTT header and its metadata
    if (vtt && /^NOTE(?:[ \t]|$)/.test(first)) {
      const [from, to] = [lines[0]!.start, lines[lines.length - 1]!.end];
      const directive = parseDirective(source.slice(from + 4, to), [from, to]);
      if (directive) notes.push({ directive, before: cues.length });
      return;
    }
    if (vtt && /^(?:STYLE|REGION)[ \t]*$/.test(first)) return;
    // The timing line comes first, or after a cue number or identifier.
    const at = lines.slice(0, 2).findIndex((l) => TIMING.test(source.slice(l.start, l.end)));
    if (at < 0) return;
    const timing = lines[at]!;
    cues.push({ start: TIMING.exec(source.slice(timing.start, timing.end))![1]!, timing, text: lines.slice(at + 1) });
  });

  const segments: Segment[] = [];
  for (const cue of cues) {
    const segment = cueSegment(source, cue);
    if (segment) segments.push(segment);
  }
  const directives = notes.map(({ directive, before }) => coverNextCue(directive, cues[before]));
  return { source, segments, directives, meta: {} };
}

// Speaker labels in livestream scripts: `主播：`, `【画外音】` and the like at
// the start of a line say who speaks it. The label is not copy; the words
// after it are, spoken by that speaker.
import type { Channel, Segment } from "../core/types.js";
import type { ParsedDocument } from "./document.js";

export interface SpeakerLabel {
  speaker: string;
  /** Where the spoken text starts, after the label and the spaces that follow it. */
  textStart: number;
}

/** Roles every script uses; a name may follow the role (`主播小美：`, `嘉宾（李老师）：`). */
const ROLES = ["主持人", "画外音", "主播", "助播", "嘉宾", "场控"];
const ROLE_LABEL = new RegExp(
  `^[ \\t\\u3000]*(?:(${ROLES.join("|")})(?:[\\p{Script=Han}A-Za-z]{1,4}|[（(][^（）()\\n]{1,8}[）)])?[：:]|[【\\[](画外音)[】\\]])`,
  "u",
);

/** Any short name before a colon; only a livestream script reads it as a speaker. */
const GENERIC_LABEL = /^[ \t\u3000]*([\p{Script=Han}A-Za-z0-9]{1,6})[：:]/u;

/**
 * Fields of a product sheet, written like labels (`原价：299元`, `时间：20:00`).
 * They stay copy even in a livestream script.
 */
const NOT_SPEAKERS = new Set([
  "原价", "现价", "价格", "售价", "到手价", "活动价", "直播价", "优惠", "福利", "赠品", "库存", "规格", "尺码", "颜色",
  "产品", "商品", "品名", "品牌", "时间", "日期", "时长", "地址", "电话", "链接", "口令", "备注", "注意", "提示",
  "说明", "主题", "标题", "环节", "流程", "开场", "结尾", "收尾", "重点", "卖点", "话术", "注", "例如", "比如",
]);

/** The speaker label at the start of `line`, if it has one. */
export function speakerLabel(line: string, channel?: Channel): SpeakerLabel | undefined {
  const role = ROLE_LABEL.exec(line);
  if (role) return { speaker: (role[1] ?? role[2])!, textStart: skipSpaces(line, role[0].length) };
  if (channel !== "livestream") return undefined;
  const generic = GENERIC_LABEL.exec(line);
  if (!generic) return undefined;
  const name = generic[1]!;
  const next = line[generic[0].length];
  // `20:00`, `https://…` and `原价：299` are not people talking.
  if (/^\d+$/.test(name) || NOT_SPEAKERS.has(name) || next === undefined || /[\d/]/.test(next)) return undefined;
  return { speaker: name, textStart: skipSpaces(line, generic[0].length) };
}

function skipSpaces(line: string, from: number): number {
  let i = from;
  while (i < line.length && /[ \t\u3000]/.test(line[i]!)) i++;
  return i;
}

function slice(segment: Segment, from: number, to: number, speaker: string | undefined): Segment | undefined {
  if (from >= to || segment.text.slice(from, to).trim() === "") return undefined;
  // Most segments have no label: the whole of one, spoken as before, is the segment itself.
  if (from === 0 && to === segment.text.length && speaker === segment.speaker) return segment;
  // The positions are views of the segment's own: built segments are never changed.
  const { speaker: _said, ...rest } = segment;
  return {
    ...rest,
    text: segment.text.slice(from, to),
    starts: segment.starts.subarray(from, to),
    ends: segment.ends.subarray(from, to),
    ...(speaker === undefined ? {} : { speaker }),
  };
}

/**
 * Splits a segment where one of its lines starts with a label; each part is
 * spoken by its label's speaker, and lines without a label continue the
 * speaker before them.
 */
export function splitBySpeaker(segment: Segment, channel?: Channel, speaker = segment.speaker): Segment[] {
  const parts: Segment[] = [];
  let from = 0;
  let current = speaker;
  for (let start = 0; start < segment.text.length; ) {
    const nl = segment.text.indexOf("\n", start);
    const end = nl < 0 ? segment.text.length : nl + 1;
    const label = speakerLabel(segment.text.slice(start, end), channel);
    if (label) {
      const part = slice(segment, from, start, current);
      if (part) parts.push(part);
      from = start + label.textStart;
      current = label.speaker;
    }
    start = end;
  }
  const last = slice(segment, from, segment.text.length, current);
  if (last) parts.push(last);
  return parts;
}

export interface SpeakerOptions {
  /** Lines in a row are one turn: a line without a label is said by the speaker of the line before. */
  continueLines?: boolean;
}

/** Gives the document's segments their speakers, for the channel it has. */
export function assignSpeakers(doc: ParsedDocument, options: SpeakerOptions = {}): ParsedDocument {
  const channel = doc.meta.channel;
  const segments: Segment[] = [];
  let previous: { speaker: string | undefined; end: number } | undefined;
  for (const segment of doc.segments) {
    const start = segment.starts[0]!;
    const inherited =
      options.continueLines && previous && isNextLine(doc.source, previous.end, start) ? previous.speaker : undefined;
    const parts = splitBySpeaker(segment, channel, segment.speaker ?? inherited);
    segments.push(...parts);
    const tail = parts[parts.length - 1];
    previous = { speaker: tail?.speaker, end: segment.ends[segment.text.length - 1]! };
  }
  return { ...doc, segments };
}

/** Whether `to` starts the line right after the one `from` is on, with no blank line between. */
function isNextLine(source: string, from: number, to: number): boolean {
  const between = source.slice(from, to);
  return /^[^\r\n]*(\r\n|\r|\n)$/.test(between);
}

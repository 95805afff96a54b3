// Picks the format adapter for a file by its name.
import { extname } from "node:path";
import { parseData } from "./data.js";
import type { Channel } from "../core/types.js";
import type { Format, ParsedDocument } from "./document.js";
import { assignSpeakers } from "./speakers.js";
import { parseHtml } from "./html.js";
import { parseMarkdown } from "./markdown.js";
import type { Block } from "./markdown-blocks.js";
import { parseScript } from "./script.js";
import { parseSubtitles } from "./subtitles.js";
import { parseText } from "./text.js";

export interface AdapterOptions {
  /** The file's path: it tells variants such as JSX apart. */
  path: string;
  /** The top-level field of a data file that names its channel. */
  channelField?: string;
  /** The Markdown blocks to read, when the others hold nothing a rule reads. */
  only?: readonly Block[];
  /** Which of those blocks, when not plain copy, are worth the parser (by default all). */
  worthParsing?: ((block: Block) => boolean) | undefined;
}

/** An adapter reads one format into segments, directives and what the file says about itself. */
export type Adapter = (source: string, options: AdapterOptions) => ParsedDocument;

const ADAPTERS: Partial<Record<Format, Adapter>> = {
  markdown: (source, { only, worthParsing }) => parseMarkdown(source, only, worthParsing),
  text: (source) => parseText(source),
  script: (source, { path }) => parseScript(source, path),
  html: (source) => parseHtml(source),
  yaml: (source, { path, channelField }) => parseData(source, path, { json: false, ...(channelField ? { channelField } : {}) }),
  json: (source, { path, channelField }) => parseData(source, path, { json: true, ...(channelField ? { channelField } : {}) }),
  subtitles: (source, { path }) => parseSubtitles(source, path),
};

const EXTENSIONS: Record<string, Format> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".mdown": "markdown",
  ".txt": "text",
  ".text": "text",
  ".js": "script",
  ".jsx": "script",
  ".mjs": "script",
  ".cjs": "script",
  ".ts": "script",
  ".tsx": "script",
  ".mts": "script",
  ".cts": "script",
  ".html": "html",
  ".htm": "html",
  ".yaml": "yaml",
  ".yml": "yaml",
  ".json": "json",
  ".srt": "subtitles",
  ".vtt": "subtitles",
};

/** Formats that hold copy only in the files config names as content (`content:` globs); a folder walk skips the rest. */
export function isContentOnlyByConfig(format: Format): boolean {
  return format === "yaml" || format === "json";
}

/** The format of a path, or undefined when adlint does not read it. */
export function formatOf(path: string): Format | undefined {
  const format = EXTENSIONS[extname(path).toLowerCase()];
  return format && ADAPTERS[format] ? format : undefined;
}

export const supportedExtensions = Object.keys(EXTENSIONS).filter((e) => formatOf(`x${e}`));

export interface DocumentOptions extends AdapterOptions {
  /** The channel config gives the file; what the file says about itself wins. */
  channel?: Channel;
  /** The product category config gives the file; front matter wins. */
  category?: string;
}

/** Formats whose lines may start with a speaker label, and whether a label carries on to the next lines. */
const SPOKEN: Partial<Record<Format, { continueLines: boolean }>> = {
  markdown: { continueLines: false },
  text: { continueLines: true },
  subtitles: { continueLines: false },
};

export function parseDocument(source: string, format: Format, options: DocumentOptions): ParsedDocument {
  const adapter = ADAPTERS[format] ?? ADAPTERS.text!;
  const doc = adapter(source, options);
  if (doc.meta.channel === undefined && options.channel !== undefined) doc.meta.channel = options.channel;
  if (doc.meta.category === undefined && options.category !== undefined) doc.meta.category = options.category;
  const spoken = SPOKEN[format];
  return spoken && !doc.parseError ? assignSpeakers(doc, spoken) : doc;
}

// Picks the format adapter for a file by its name.
import { extname } from "node:path";
import { parseData } from "./data.js";
import type { Format, ParsedDocument } from "./document.js";
import { parseHtml } from "./html.js";
import { parseMarkdown } from "./markdown.js";
import { parseScript } from "./script.js";
import { parseSubtitles } from "./subtitles.js";
import { parseText } from "./text.js";

/** An adapter reads one format; `path` tells it variants such as JSX. */
export type Adapter = (source: string, path: string) => ParsedDocument;

const ADAPTERS: Partial<Record<Format, Adapter>> = {
  markdown: parseMarkdown,
  text: parseText,
  script: parseScript,
  html: parseHtml,
  yaml: (source, path) => parseData(source, path, { json: false }),
  json: (source, path) => parseData(source, path, { json: true }),
  subtitles: parseSubtitles,
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

export function parseDocument(source: string, format: Format, path = ""): ParsedDocument {
  const adapter = ADAPTERS[format] ?? parseText;
  return adapter(source, path);
}

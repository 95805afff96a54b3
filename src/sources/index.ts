// Picks the format adapter for a file by its name.
import { extname } from "node:path";
import type { Format, ParsedDocument } from "./document.js";
import { parseMarkdown } from "./markdown.js";
import { parseText } from "./text.js";

/** An adapter reads one format; `path` tells it variants such as JSX. */
export type Adapter = (source: string, path: string) => ParsedDocument;

const ADAPTERS: Partial<Record<Format, Adapter>> = {
  markdown: parseMarkdown,
  text: parseText,
};

const EXTENSIONS: Record<string, Format> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".mdown": "markdown",
  ".txt": "text",
  ".text": "text",
};

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

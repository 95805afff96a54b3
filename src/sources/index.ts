// Picks the format adapter for a file by its name.
import { extname } from "node:path";
import type { Format, ParsedDocument } from "./document.js";
import { parseMarkdown } from "./markdown.js";
import { parseText } from "./text.js";

const EXTENSIONS: Record<string, Format> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".mdown": "markdown",
  ".txt": "text",
  ".text": "text",
};

/** The format of a path, or undefined when adlint does not read it. */
export function formatOf(path: string): Format | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

export const supportedExtensions = Object.keys(EXTENSIONS);

export function parseDocument(source: string, format: Format): ParsedDocument {
  switch (format) {
    case "markdown":
      return parseMarkdown(source);
    case "text":
      return parseText(source);
  }
}

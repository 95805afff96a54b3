// Reads what a document's front matter says about it: its channel and category.
import { parse } from "yaml";
import type { DocumentMeta } from "../core/types.js";

export function readFrontMatter(yamlText: string): DocumentMeta {
  let data: unknown;
  try {
    data = parse(yamlText, { maxAliasCount: 0, customTags: [] });
  } catch {
    return {};
  }
  if (!data || typeof data !== "object") return {};
  const record = data as Record<string, unknown>;
  const meta: DocumentMeta = {};
  if (typeof record["channel"] === "string") meta.channel = record["channel"];
  if (typeof record["category"] === "string") meta.category = record["category"];
  return meta;
}

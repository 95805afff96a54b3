// Reads what a document's front matter says about it: its channel and category.
import { parse } from "yaml";
import type { DocumentMeta } from "../core/types.js";

export function readFrontMatter(yamlText: string): DocumentMeta {
  if (yamlText === last.text) return { ...last.meta };
  const meta = readSimpleFrontMatter(yamlText) ?? readYaml(yamlText);
  last = { text: yamlText, meta };
  return { ...meta };
}

/** The look before parsing and the parse both read a document's front matter: it is read once. */
let last: { text: string; meta: DocumentMeta } = { text: "", meta: {} };

function readYaml(yamlText: string): DocumentMeta {
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

const KEY_VALUE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*$/;
const QUOTED = /^"([^"\\]*)"$|^'([^']*)'$/;
/** A plain scalar with nothing YAML reads specially: no indicator first, no comment, no `: ` inside. */
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^#:]|:(?=\S))*$/;
/** Plain scalars the YAML 1.2 core schema reads as null, booleans or numbers. */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * Front matter written as one `key: value` per line, read without the YAML
 * parser (most of it is: title, sku, category, updated), exactly as the
 * parser reads it; undefined for anything else, which the parser reads.
 */
export function readSimpleFrontMatter(yamlText: string): DocumentMeta | undefined {
  const values = new Map<string, string | null>();
  for (const line of yamlText.split(/\r\n|\r|\n/)) {
    if (/^[ \t]*$/.test(line) || line.startsWith("#")) continue;
    const m = KEY_VALUE.exec(line);
    if (!m || values.has(m[1]!)) return undefined;
    const raw = m[2] ?? "";
    const quoted = QUOTED.exec(raw);
    let value: string | null;
    if (quoted) value = quoted[1] ?? quoted[2]!;
    else if (raw === "") value = null;
    else if (PLAIN.test(raw)) value = NOT_A_STRING.test(raw) ? null : raw;
    else return undefined;
    values.set(m[1]!, value);
  }
  const meta: DocumentMeta = {};
  const channel = values.get("channel");
  const category = values.get("category");
  if (typeof channel === "string") meta.channel = channel;
  if (typeof category === "string") meta.category = category;
  return meta;
}

/** For tests: the parser's reading, to hold the quick one to. */
export const readFrontMatterWithParser = readYaml;

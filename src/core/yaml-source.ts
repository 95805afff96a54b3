// Reads YAML written by people (packs, config) into plain values, keeping
// where each value came from so validation errors name file, line and column.
// YAML is data here: aliases, custom tags and duplicate keys are refused.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { AdlintError, AdlintErrors } from "./errors.js";

/** The tags of plain data. Any other (`!js/function`, `!!python/object`, even `!!binary`) is refused, never resolved. */
const PLAIN_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

export class YamlSource {
  private readonly lines = new LineCounter();
  readonly root: Node | null;

  constructor(
    readonly file: string,
    text: string,
  ) {
    const doc = parseDocument(text, {
      lineCounter: this.lines,
      uniqueKeys: true,
      prettyErrors: false,
      customTags: [],
    });
    const errors = doc.errors.map((e) => {
      const at = this.lines.linePos(e.pos[0]);
      return new AdlintError(`invalid YAML: ${firstLine(e.message)}`, { file, line: at.line, column: at.col });
    });
    if (errors.length) throw errors.length === 1 ? errors[0]! : new AdlintErrors(errors);
    this.root = (doc.contents as Node | null) ?? null;
    if (this.root) this.refuseAliases(this.root);
  }

  private refuseAliases(node: Node): void {
    if (isAlias(node)) throw this.error(node, "YAML aliases are not allowed in adlint files");
    if (node.tag && !PLAIN_TAGS.has(node.tag))
      throw this.error(node, `YAML tag ${node.tag.replace(/^tag:yaml\.org,2002:/, "!!")} is not allowed in adlint files`);
    if (isMap(node))
      for (const pair of node.items) {
        if (pair.key) this.refuseAliases(pair.key as Node);
        if (pair.value) this.refuseAliases(pair.value as Node);
      }
    if (isSeq(node)) for (const item of node.items) this.refuseAliases(item as Node);
  }

  /** An error located at `node` (or at the top of the file). */
  error(node: Node | null | undefined, message: string): AdlintError {
    const offset = node?.range?.[0] ?? 0;
    const at = this.lines.linePos(offset);
    return new AdlintError(message, { file: this.file, line: at.line, column: at.col });
  }

  /** 1-based line and column of a node. */
  position(node: Node | null | undefined): { line: number; column: number } {
    const at = this.lines.linePos(node?.range?.[0] ?? 0);
    return { line: at.line, column: at.col };
  }

  lineOf(node: Node | null | undefined): number {
    return this.position(node).line;
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

export type YamlMapEntries = Array<{ key: string; keyNode: Node; value: Node | null }>;

/** The entries of a mapping node, or an error naming what was expected. */
export function mapEntries(src: YamlSource, node: Node | null, what: string): YamlMapEntries {
  if (!node || !isMap(node)) throw src.error(node, `${what} must be a mapping`);
  return node.items.map((pair) => {
    const keyNode = pair.key as Node;
    if (!isScalar(keyNode) || typeof keyNode.value !== "string") throw src.error(keyNode, `${what}: keys must be strings`);
    return { key: keyNode.value, keyNode, value: (pair.value as Node | null) ?? null };
  });
}

export function asString(src: YamlSource, node: Node | null, what: string): string {
  if (!node || !isScalar(node) || typeof node.value !== "string" || node.value === "")
    throw src.error(node, `${what} must be a non-empty string`);
  return node.value;
}

/** A scalar that is a string, or a number / boolean read as its text (e.g. version: 1.0). */
export function asText(src: YamlSource, node: Node | null, what: string): string {
  if (node && isScalar(node) && (typeof node.value === "number" || typeof node.value === "boolean")) return String(node.source ?? node.value);
  return asString(src, node, what);
}

export function asSeq(src: YamlSource, node: Node | null, what: string): Node[] {
  if (!node || !isSeq(node)) throw src.error(node, `${what} must be a list`);
  return node.items as Node[];
}

export function asStringList(src: YamlSource, node: Node | null, what: string): Array<{ value: string; node: Node }> {
  if (node && isScalar(node) && typeof node.value === "string") return [{ value: asString(src, node, what), node }];
  return asSeq(src, node, what).map((item, i) => ({ value: asString(src, item, `${what}[${i}]`), node: item }));
}

export function asEnum<T extends string>(src: YamlSource, node: Node | null, what: string, allowed: readonly T[]): T {
  const value = asString(src, node, what);
  if (!(allowed as readonly string[]).includes(value))
    throw src.error(node, `${what} must be one of ${allowed.join(", ")}, not "${value}"`);
  return value as T;
}

/** Rejects keys outside `known`, suggesting the closest one. */
export function checkKeys(src: YamlSource, entries: YamlMapEntries, known: readonly string[], what: string): void {
  for (const { key, keyNode } of entries) {
    if (known.includes(key)) continue;
    const near = closest(key, known);
    throw src.error(keyNode, `${what}: unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ""}`);
  }
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

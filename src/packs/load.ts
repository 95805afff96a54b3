// Loads a YAML rule pack and validates it against the pack format. Every
// mistake is reported with the pack's file, line and column.
import type { Node } from "yaml";
import { isMap, isScalar } from "yaml";
import { AdlintError } from "../core/errors.js";
import {
  asEnum,
  asSeq,
  asString,
  asStringList,
  asText,
  checkKeys,
  mapEntries,
  YamlSource,
} from "../core/yaml-source.js";
import { foldPatternSource } from "../text/fold.js";
import { findRegexHazard } from "./regex-safety.js";
import { LEVELS, RULE_KINDS, SCOPES, VALIDATORS, type Example, type Located, type Pack, type RuleSpec } from "./pack.js";

const PACK_KEYS = ["pack", "version", "description", "articles", "contexts", "rules"] as const;
const RULE_KEYS = [
  "id", "kind", "level", "law", "message", "description", "terms", "patterns", "allow", "evidence",
  "within", "when", "require", "fix", "suggest", "channels", "speakers", "categories", "exceptCategories",
  "articles", "validate", "examples",
] as const;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function parsePack(file: string, text: string): Pack {
  const src = new YamlSource(file, text);
  const entries = mapEntries(src, src.root, "a rule pack");
  checkKeys(src, entries, PACK_KEYS, "pack");
  const get = (key: string) => entries.find((e) => e.key === key);

  const nameEntry = get("pack");
  if (!nameEntry) throw src.error(src.root, 'a rule pack needs "pack: <name>"');
  const name = asString(src, nameEntry.value, "pack");
  if (!ID.test(name)) throw src.error(nameEntry.value, `pack name "${name}" must be lower-case words joined by "-"`);
  const rulesEntry = get("rules");
  if (!rulesEntry) throw src.error(src.root, 'a rule pack needs a "rules" list');

  const contextsEntry = get("contexts");
  const contexts = contextsEntry ? parseContexts(src, contextsEntry.value) : new Map<string, Located[]>();
  const articlesEntry = get("articles");
  const articles = new Map<string, string>();
  if (articlesEntry)
    for (const { key, value } of mapEntries(src, articlesEntry.value, "articles"))
      articles.set(key, asString(src, value, `articles.${key}`).trim());
  const rules: RuleSpec[] = [];
  const seen = new Map<string, number>();
  for (const node of asSeq(src, rulesEntry.value, "rules")) {
    const rule = parseRule(src, node, name, { contexts, articles });
    const earlier = seen.get(rule.id);
    if (earlier) throw src.error(node, `rule ${rule.id} is defined twice (first at line ${earlier})`);
    seen.set(rule.id, rule.line);
    rules.push(rule);
  }
  const version = get("version");
  const description = get("description");
  return {
    name,
    version: version ? asText(src, version.value, "version") : "0.0.0",
    ...(description ? { description: asString(src, description.value, "description") } : {}),
    file,
    articles,
    rules,
  };
}

/**
 * Named allow contexts that several rules share (`allow: ['@law-discussion']`),
 * so a context is written, reviewed and fixed in one place.
 */
function parseContexts(src: YamlSource, node: Node | null): Map<string, Located[]> {
  const contexts = new Map<string, Located[]>();
  for (const { key, keyNode, value } of mapEntries(src, node, "contexts")) {
    if (!ID.test(key)) throw src.error(keyNode, `context name "${key}" must be lower-case words joined by "-"`);
    const patterns = asStringList(src, value, `contexts.${key}`).map(({ value: v, node: n }) => {
      checkRegex(src, n, v, `contexts.${key}`);
      return { value: v, ...src.position(n) };
    });
    contexts.set(key, patterns);
  }
  return contexts;
}

/** What a pack defines once for its rules to refer to. */
interface Shared {
  contexts: Map<string, Located[]>;
  articles: Map<string, string>;
}

function parseRule(src: YamlSource, node: Node, pack: string, { contexts, articles }: Shared): RuleSpec {
  const entries = mapEntries(src, node, "a rule");
  const get = (key: string) => entries.find((e) => e.key === key)?.value ?? null;
  const has = (key: string) => entries.some((e) => e.key === key);
  const idNode = get("id");
  if (!has("id")) throw src.error(node, 'a rule needs an "id"');
  const id = asString(src, idNode, "id");
  if (!ID.test(id)) throw src.error(idNode, `rule id "${id}" must be lower-case words joined by "-"`);
  const what = `rule ${pack}/${id}`;
  checkKeys(src, entries, RULE_KEYS, what);
  for (const key of ["kind", "level", "law", "message"])
    if (!has(key)) throw src.error(node, `${what} needs "${key}"`);

  const kind = asEnum(src, get("kind"), `${what}: kind`, RULE_KINDS);
  const located = (key: string, regex: boolean): Located[] =>
    has(key)
      ? asStringList(src, get(key), `${what}: ${key}`).map(({ value, node: n }) => {
          if (regex) checkRegex(src, n, value, `${what}: ${key}`);
          return { value, ...src.position(n) };
        })
      : [];
  const allow = has("allow")
    ? asStringList(src, get("allow"), `${what}: allow`).flatMap(({ value, node: n }) => {
        if (!value.startsWith("@")) {
          checkRegex(src, n, value, `${what}: allow`);
          return [{ value, ...src.position(n) }];
        }
        const context = contexts.get(value.slice(1));
        if (!context) {
          const known = [...contexts.keys()].map((k) => `@${k}`).join(", ");
          throw src.error(n, `${what}: allow names an unknown context "${value}"${known ? ` (known: ${known})` : ""}`);
        }
        return context;
      })
    : [];

  const rule: RuleSpec = {
    id: `${pack}/${id}`,
    kind,
    level: asEnum(src, get("level"), `${what}: level`, LEVELS),
    law: asString(src, get("law"), `${what}: law`),
    message: parseMessage(src, get("message"), what),
    ...(has("description") ? { description: asString(src, get("description"), `${what}: description`) } : {}),
    terms: located("terms", false),
    patterns: located("patterns", true),
    allow,
    evidence: located("evidence", true),
    within: has("within") ? asEnum(src, get("within"), `${what}: within`, SCOPES) : "sentence",
    when: located("when", true),
    require: located("require", true),
    fix: has("fix") ? parseFix(src, get("fix"), what) : new Map(),
    suggest: has("suggest") ? asStringList(src, get("suggest"), `${what}: suggest`).map((s) => s.value) : [],
    ...(has("channels") ? { channels: asStringList(src, get("channels"), `${what}: channels`).map((s) => s.value) } : {}),
    ...(has("categories") ? { categories: asStringList(src, get("categories"), `${what}: categories`).map((s) => s.value) } : {}),
    ...(has("exceptCategories")
      ? { exceptCategories: asStringList(src, get("exceptCategories"), `${what}: exceptCategories`).map((s) => s.value) }
      : {}),
    ...(has("validate") ? { validate: asEnum(src, get("validate"), `${what}: validate`, VALIDATORS) } : {}),
    articles: has("articles")
      ? asStringList(src, get("articles"), `${what}: articles`).map(({ value, node: n }) => {
          const text = articles.get(value);
          if (text === undefined) throw src.error(n, `${what}: articles names "${value}", which the pack's articles do not quote`);
          return { ref: value, text };
        })
      : [],
    ...(has("speakers") ? { speakers: asStringList(src, get("speakers"), `${what}: speakers`).map((s) => s.value) } : {}),
    examples: has("examples") ? parseExamples(src, get("examples"), what) : { invalid: [], valid: [] },
    file: src.file,
    line: src.lineOf(node),
  };
  checkKind(src, node, rule, (key) => entries.find((e) => e.key === key)?.keyNode);
  return rule;
}

function checkKind(src: YamlSource, node: Node, rule: RuleSpec, keyNode: (key: string) => Node | undefined): void {
  const need = (cond: boolean, message: string) => {
    if (!cond) throw src.error(node, `rule ${rule.id}: ${message}`);
  };
  // A key that does not belong is reported where it is written, not at the rule.
  const only = (keys: string[], kinds: string) => {
    for (const key of keys) {
      const at = keyNode(key);
      if (at) throw src.error(at, `rule ${rule.id}: "${key}" belongs to rules of kind ${kinds}, not ${rule.kind}`);
    }
  };
  switch (rule.kind) {
    case "term":
      need(rule.terms.length > 0, 'kind term needs "terms"');
      only(["patterns"], "pattern or claim");
      only(["evidence", "within"], "claim");
      only(["when", "require"], "require");
      break;
    case "pattern":
      need(rule.patterns.length > 0, 'kind pattern needs "patterns"');
      only(["terms"], "term or claim");
      only(["evidence", "within"], "claim");
      only(["when", "require"], "require");
      break;
    case "claim":
      need(rule.terms.length + rule.patterns.length > 0, 'kind claim needs "terms" or "patterns"');
      need(rule.evidence.length > 0, 'kind claim needs "evidence"');
      only(["when", "require"], "require");
      break;
    case "require":
      need(rule.require.length > 0, 'kind require needs "require"');
      only(["terms", "patterns", "allow", "fix", "suggest"], "term, pattern or claim");
      only(["evidence", "within"], "claim");
      break;
  }
}

function parseMessage(src: YamlSource, node: Node | null, what: string) {
  if (node && isScalar(node)) return { zh: asString(src, node, `${what}: message`) };
  const entries = mapEntries(src, node, `${what}: message`);
  checkKeys(src, entries, ["zh", "en"], `${what}: message`);
  const zh = entries.find((e) => e.key === "zh");
  if (!zh) throw src.error(node, `${what}: message needs "zh"`);
  const en = entries.find((e) => e.key === "en");
  return {
    zh: asString(src, zh.value, `${what}: message.zh`),
    ...(en ? { en: asString(src, en.value, `${what}: message.en`) } : {}),
  };
}

function parseFix(src: YamlSource, node: Node | null, what: string): Map<string, string> {
  const fix = new Map<string, string>();
  if (node && isScalar(node)) {
    fix.set("*", asText(src, node, `${what}: fix`));
    return fix;
  }
  for (const { key, value } of mapEntries(src, node, `${what}: fix`)) {
    if (!value || !isScalar(value) || typeof value.value !== "string")
      throw src.error(value, `${what}: fix.${key} must be a string`);
    fix.set(key, value.value);
  }
  return fix;
}

function parseExamples(src: YamlSource, node: Node | null, what: string) {
  const entries = mapEntries(src, node, `${what}: examples`);
  checkKeys(src, entries, ["invalid", "valid"], `${what}: examples`);
  const list = (key: "invalid" | "valid"): Example[] => {
    const entry = entries.find((e) => e.key === key);
    if (!entry) return [];
    return asSeq(src, entry.value, `${what}: examples.${key}`).map((item) => {
      const line = src.lineOf(item);
      if (item && isMap(item)) {
        const fields = mapEntries(src, item, `${what}: example`);
        checkKeys(src, fields, ["text", "channel", "category"], `${what}: example`);
        const text = fields.find((f) => f.key === "text");
        if (!text) throw src.error(item, `${what}: an example written as a mapping needs "text"`);
        const channel = fields.find((f) => f.key === "channel");
        const category = fields.find((f) => f.key === "category");
        return {
          text: asString(src, text.value, `${what}: example text`),
          ...(channel ? { channel: asString(src, channel.value, `${what}: example channel`) } : {}),
          ...(category ? { category: asString(src, category.value, `${what}: example category`) } : {}),
          line,
        };
      }
      return { text: asText(src, item, `${what}: examples.${key}[]`), line };
    });
  };
  return { invalid: list("invalid"), valid: list("valid") };
}

function checkRegex(src: YamlSource, node: Node, source: string, what: string): void {
  // What runs is the folded pattern (full-width `（＋）` become `(+)`), so that is what is checked.
  const compiled = foldPatternSource(source);
  try {
    new RegExp(source, "giu");
    new RegExp(compiled, "gdiu");
  } catch (e) {
    throw src.error(node, `${what}: invalid regular expression /${source}/: ${(e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "")}`);
  }
  const hazard = findRegexHazard(compiled);
  if (hazard) throw src.error(node, `${what}: unsafe regular expression /${source}/: ${hazard.reason} (at character ${hazard.index + 1})`);
}

/** Wraps a loading failure that is not the pack's content (e.g. an unreadable file). */
export function packReadError(file: string, cause: unknown): AdlintError {
  const code = (cause as NodeJS.ErrnoException).code;
  return new AdlintError(`cannot read rule pack${code ? ` (${code})` : ""}`, { file, line: 1, column: 1 });
}

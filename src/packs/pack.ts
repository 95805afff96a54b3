// A rule pack as the compliance group writes it: data, never code.
import type { Channel, Level } from "../core/types.js";

export const RULE_KINDS = ["term", "pattern", "claim", "require"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const SCOPES = ["sentence", "segment", "document"] as const;
export type Scope = (typeof SCOPES)[number];

export const LEVELS = ["off", "warn", "error"] as const;

export const VALIDATORS = ["cn-patent-number"] as const;
export type Validator = (typeof VALIDATORS)[number];

/** A text from the pack, with the line it was written on. */
export interface Located<T = string> {
  value: T;
  line: number;
  column: number;
}

export interface Example {
  text: string;
  channel?: Channel;
  category?: string;
  line: number;
}

/** An article of a law, quoted in the pack so reports and editors can show it. */
export interface Article {
  /** The citation the pack files it under: 广告法第九条. */
  ref: string;
  /** The article's text, verbatim. */
  text: string;
}

export interface Messages {
  zh: string;
  en?: string;
}

export interface RuleSpec {
  /** Full id: `pack/rule`. */
  id: string;
  kind: RuleKind;
  level: Level;
  law: string;
  message: Messages;
  description?: string;
  terms: Located[];
  patterns: Located[];
  allow: Located[];
  evidence: Located[];
  within: Scope;
  when: Located[];
  require: Located[];
  /** Safe replacements by matched (folded) text; "*" for any match. */
  fix: Map<string, string>;
  suggest: string[];
  channels?: Channel[];
  /** Only what these speakers say on air (主播, 助播…); copy with no speaker is left alone. */
  speakers?: string[];
  /** Only documents of these product categories (cosmetics, food, health-food…). */
  categories?: string[];
  /** Not documents of these product categories. */
  exceptCategories?: string[];
  /** The articles the rule rests on, with their text. */
  articles: Article[];
  /** A check in code that clears a well-formed match (a valid patent number is not a finding). */
  validate?: Validator;
  examples: { invalid: Example[]; valid: Example[] };
  /** Where the rule is written. */
  file: string;
  line: number;
}

export interface Pack {
  name: string;
  version: string;
  description?: string;
  file: string;
  /** Article texts by citation, shared by the pack's rules. */
  articles: Map<string, string>;
  rules: RuleSpec[];
}

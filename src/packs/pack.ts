// A rule pack as the compliance group writes it: data, never code.
import type { Channel, Level } from "../core/types.js";

export const RULE_KINDS = ["term", "pattern", "claim", "require"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const SCOPES = ["sentence", "segment", "document"] as const;
export type Scope = (typeof SCOPES)[number];

export const LEVELS = ["off", "warn", "error"] as const;

/** A text from the pack, with the line it was written on. */
export interface Located<T = string> {
  value: T;
  line: number;
  column: number;
}

export interface Example {
  text: string;
  channel?: Channel;
  line: number;
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
  rules: RuleSpec[];
}

// Inline directives, as ESLint has them: `adlint-disable-next-line rule -- reason`,
// `adlint-disable-line`, and `adlint-disable` / `adlint-enable` regions.
// Formats find the comments; this module reads what they say.

export type DirectiveKind = "disable" | "enable" | "disable-line" | "disable-next-line";

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason?: string;
  /** Source offsets of the whole comment. */
  range: [number, number];
}

const DIRECTIVE = /^\s*adlint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([^]*)$/;

/** Reads a comment's body; undefined when it is not an adlint directive. */
export function parseDirective(body: string, range: [number, number]): Directive | undefined {
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  const [rulesPart, ...reasonParts] = m[2]!.split(/\s--\s|\s--$/);
  const reason = reasonParts.join(" -- ").trim();
  const rules = rulesPart!.split(/[\s,]+/).filter(Boolean);
  return { kind: m[1] as DirectiveKind, rules, ...(reason ? { reason } : {}), range };
}

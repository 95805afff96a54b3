// Formatters are pure functions of lint results.
import type { LintResult, Locale } from "../core/types.js";
import type { RuleSpec } from "../packs/pack.js";
import { checkstyle } from "./checkstyle.js";
import { github } from "./github.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import { unix } from "./unix.js";

export interface FormatContext {
  cwd: string;
  locale: Locale;
  color: boolean;
  /** The loaded rules by id, at the levels the config gives them: SARIF describes each. */
  rules?: ReadonlyMap<string, RuleSpec>;
  /** adlint's version, for reports that name the tool. */
  version?: string;
  /** Where to read about the tool, for SARIF's tool.driver.informationUri. */
  informationUri?: string;
}

export type Formatter = (results: LintResult[], ctx: FormatContext) => string;

export const formatters = { stylish, json, unix, sarif, github, checkstyle, junit } satisfies Record<string, Formatter>;

export type FormatterName = keyof typeof formatters;

// Formatters are pure functions of lint results.
import type { LintResult, Locale } from "../core/types.js";
import { json } from "./json.js";
import { stylish } from "./stylish.js";
import { unix } from "./unix.js";

export interface FormatContext {
  cwd: string;
  locale: Locale;
  color: boolean;
}

export type Formatter = (results: LintResult[], ctx: FormatContext) => string;

export const formatters = { stylish, json, unix } satisfies Record<string, Formatter>;

export type FormatterName = keyof typeof formatters;

// A report is written as results come, so a run over any number of files holds
// one file's results at a time: what opens the report, each file's part in
// path order, and what closes it once every file is in.
import type { LintResult, Locale } from "../core/types.js";
import type { RuleSpec } from "../packs/pack.js";

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

export interface ReportWriter {
  begin(): string;
  file(result: LintResult): string;
  end(): string;
}

/** Starts a report; each call starts a new one with its own counts. */
export type Report = (ctx: FormatContext) => ReportWriter;

/** A whole report at once, for results already gathered. */
export type Formatter = (results: LintResult[], ctx: FormatContext) => string;

export function whole(report: Report): Formatter {
  return (results, ctx) => {
    const writer = report(ctx);
    let out = writer.begin();
    for (const result of results) out += writer.file(result);
    return out + writer.end();
  };
}

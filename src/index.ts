// adlint's public API.
export { lint, lintEach, lintFile, lintText, lintWithProject, type LintOptions, type LintTextOptions, type RunOptions } from "./lint.js";
export { openProject, Project, type ProjectOptions } from "./project.js";
export { AdlintError } from "./core/errors.js";
export type { Diagnostic, Fix, LintResult, Locale, Severity, Suggestion } from "./core/types.js";
export { parsePack } from "./packs/load.js";
export type { Pack, RuleSpec } from "./packs/pack.js";
export { runExamples, type ExampleFailure } from "./engine/examples.js";
export { formatters, reports, type FormatContext, type FormatterName, type ReportWriter } from "./report/index.js";

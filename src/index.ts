// adlint's public API.
export { lint, lintFile, lintText, lintWithProject, type LintOptions, type LintTextOptions } from "./lint.js";
export { openProject, Project, type ProjectOptions } from "./project.js";
export { AdlintError } from "./core/errors.js";
export type { Diagnostic, Fix, LintResult, Locale, Severity, Suggestion } from "./core/types.js";
export { parsePack } from "./packs/load.js";
export type { Pack, RuleSpec } from "./packs/pack.js";
export { runExamples, type ExampleFailure } from "./engine/examples.js";
export { formatters, type FormatterName } from "./report/index.js";

// Lints strings with the test pack (test/fixtures/packs/basic.yaml) and
// describes each diagnostic by its position and the source text it covers.
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../../src/core/types.js";
import { lintText } from "../../src/lint.js";
import type { Format } from "../../src/sources/document.js";
import { openProject } from "../../src/project.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

export const project = openProject({ config: `${FIXTURES}adlint.config.yaml` });

export interface Found {
  ruleId: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  cueStart?: string;
}

export function describeDiagnostic(source: string, d: Diagnostic): Found {
  return {
    ruleId: d.ruleId,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    text: source.slice(d.range[0], d.range[1]),
    ...(d.cueStart !== undefined ? { cueStart: d.cueStart } : {}),
  };
}

/** Lints a string as the file `filePath` with the project of a test config, describing each diagnostic. */
export function linterFor(config: string, defaultFile = "copy.txt"): (source: string, filePath?: string) => Found[] {
  const project = openProject({ config: `${FIXTURES}${config}` });
  return (source, filePath = defaultFile) =>
    lintText(source, { filePath, project }).messages.map((d) => describeDiagnostic(source, d));
}

/** Builds expected findings of one rule: finding("t/absolute")(1, 3, 1, 5, "最佳"). */
export function finding(ruleId: string) {
  return (line: number, column: number, endLine: number, endColumn: number, text: string): Found => ({
    ruleId,
    line,
    column,
    endLine,
    endColumn,
    text,
  });
}

export function lintString(source: string, format: Format, options: { channel?: string } = {}): Found[] {
  const result = lintText(source, { project, format, ...options });
  return result.messages.map((d) => describeDiagnostic(source, d));
}

/** A finding of t/absolute at line:column–endLine:endColumn covering `text`. */
export function absolute(line: number, column: number, endLine: number, endColumn: number, text: string): Found {
  return { ruleId: "t/absolute", line, column, endLine, endColumn, text };
}

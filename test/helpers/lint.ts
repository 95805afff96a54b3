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
}

export function describeDiagnostic(source: string, d: Diagnostic): Found {
  return { ruleId: d.ruleId, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, text: source.slice(d.range[0], d.range[1]) };
}

export function lintString(source: string, format: Format, options: { channel?: string } = {}): Found[] {
  const result = lintText(source, { project, format, ...options });
  return result.messages.map((d) => describeDiagnostic(source, d));
}

/** A finding of t/absolute at line:column–endLine:endColumn covering `text`. */
export function absolute(line: number, column: number, endLine: number, endColumn: number, text: string): Found {
  return { ruleId: "t/absolute", line, column, endLine, endColumn, text };
}

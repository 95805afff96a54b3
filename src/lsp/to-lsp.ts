// adlint diagnostics as LSP diagnostics: severity, the rule id as code with a
// link to its documentation, and the message (which carries the law).
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver/node";
import type { Diagnostic } from "../core/types.js";
import { diagnosticRange } from "./positions.js";

export const SOURCE = "adlint";

/** Where a rule's documentation lives: docs/rules.md, one heading per rule. */
export function ruleDocsUrl(ruleId: string): string {
  return `https://github.com/adlint/adlint/blob/main/docs/rules.md#${ruleId.replace(/\//g, "-")}`;
}

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: diagnosticRange(d),
    severity: d.severity === 2 ? DiagnosticSeverity.Error : d.severity === 1 ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    ...(d.ruleId ? { code: d.ruleId, codeDescription: { href: ruleDocsUrl(d.ruleId) } } : {}),
    source: SOURCE,
    message: d.message,
  };
}

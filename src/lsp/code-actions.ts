// Quick fixes for a document's diagnostics: the rule's fix (preferred), its
// suggestions, and a directive that disables the rule for the line.
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from "vscode-languageserver/node";
import type { Diagnostic, Fix, Locale } from "../core/types.js";
import type { Format } from "../sources/document.js";
import { disableEdits, type OffsetEdit } from "./disable-comment.js";
import { OffsetConverter } from "./positions.js";

export interface ActionContext {
  uri: string;
  path: string;
  format: Format;
  source: string;
  locale: Locale;
}

const REASON = { zh: "理由", en: "reason" } as const;

/** Rules of adlint itself (directive checks) cannot be disabled by a directive. */
const disablable = (ruleId: string | null): ruleId is string => ruleId !== null && !ruleId.startsWith("adlint/");

export function codeActions(ctx: ActionContext, found: Array<{ diagnostic: Diagnostic; lsp: LspDiagnostic }>): CodeAction[] {
  const conv = new OffsetConverter(ctx.source);
  const zh = ctx.locale === "zh";
  const edit = (edits: OffsetEdit[]): { changes: Record<string, TextEdit[]> } => ({
    changes: { [ctx.uri]: edits.map((e): TextEdit => ({ range: conv.range(e.range), newText: e.text })) },
  });
  const replaced = (fix: Fix) => ctx.source.slice(fix.range[0], fix.range[1]);
  const actions: CodeAction[] = [];
  for (const { diagnostic: d, lsp } of found) {
    if (d.fix) {
      const from = replaced(d.fix);
      actions.push({
        title: zh ? `将「${from}」改为「${d.fix.text}」` : `Replace "${from}" with "${d.fix.text}"`,
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        diagnostics: [lsp],
        edit: edit([d.fix]),
      });
    }
    for (const s of d.suggestions ?? [])
      actions.push({ title: s.desc, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: edit([s.fix]) });
  }
  // One disable action per rule and line, even when the line has several findings of the rule.
  const seen = new Set<string>();
  for (const { diagnostic: d, lsp } of found) {
    if (!disablable(d.ruleId) || d.fatal) continue;
    const key = `${d.ruleId}@${d.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edits = disableEdits({ source: ctx.source, path: ctx.path, format: ctx.format, ruleId: d.ruleId, range: d.range, reason: REASON[ctx.locale] });
    if (!edits) continue;
    actions.push({
      title: zh ? `在此行停用 ${d.ruleId}` : `Disable ${d.ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp],
      edit: edit(edits),
    });
  }
  return actions;
}

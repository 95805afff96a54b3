// The pure core: a document in, diagnostics out. No files, no processes.
import type { Channel, Diagnostic, DocumentMeta, LintResult, Locale } from "../core/types.js";
import type { Format, ParsedDocument } from "../sources/document.js";
import { parseDocument } from "../sources/index.js";
import { applyDirectives } from "../suppress/apply.js";
import { LineIndex } from "../text/offsets.js";
import { toDiagnostic } from "./diagnostics.js";
import type { EvidenceRegistry } from "../evidence/registry.js";
import { findViolations, type JudgeContext } from "./findings.js";
import { planParse } from "./prescan.js";
import { lookAtBytes, type ByteLook } from "./prescan-bytes.js";
import type { RuleSet } from "./rule-set.js";

export interface SourceOptions {
  format: Format;
  /** The channel from config; a document's own front matter wins. */
  channel?: Channel;
  /** The product category from config; front matter wins. */
  category?: string;
  /** The file's path, for adapters whose format has variants (JSX). */
  path?: string;
  /** The top-level field of a data file that names its channel. */
  channelField?: string;
}

/** A file its parser cannot read: one fatal problem where parsing stopped, as ESLint reports it. */
function parseProblem(error: { message: string; offset: number }, lines: LineIndex, locale: Locale): Diagnostic {
  const at = lines.position(error.offset);
  return {
    ruleId: null,
    severity: 2,
    fatal: true,
    message: locale === "zh" ? `无法解析：${error.message}` : `Parsing error: ${error.message}`,
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.column,
    range: [error.offset, error.offset],
  };
}

export interface LinterOptions {
  locale?: Locale;
  evidence?: EvidenceRegistry;
  /** The date evidence is checked against, YYYY-MM-DD; default today. */
  today?: string;
}

export class Linter {
  readonly locale: Locale;
  private readonly context: JudgeContext;

  constructor(
    readonly rules: RuleSet,
    options: LinterOptions = {},
  ) {
    this.locale = options.locale ?? "zh";
    this.context = {
      today: options.today ?? new Date().toISOString().slice(0, 10),
      ...(options.evidence ? { evidence: options.evidence } : {}),
    };
  }

  /** The date evidence is checked against. */
  get today(): string {
    return this.context.today;
  }

  lintDocument(doc: ParsedDocument): Diagnostic[] {
    const lines = new LineIndex(doc.source);
    if (doc.parseError) return [parseProblem(doc.parseError, lines, this.locale)];
    const diagnostics = findViolations(doc, this.rules, this.context).map((f) => toDiagnostic(f, doc.source, lines, this.locale));
    return applyDirectives(diagnostics, doc.directives, lines, this.locale).sort(
      (a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.ruleId ?? "").localeCompare(b.ruleId ?? ""),
    );
  }

  /** With what the look at the source's bytes showed, when it was made (`lookAtBytes`). */
  lintSource(source: string, options: SourceOptions, bytes: ByteLook = "unread"): Diagnostic[] {
    const { format, path = "", ...rest } = options;
    const plan = planParse(source, format, this.rules, metaOf(options), bytes === "literal");
    if (plan.parse === "none") return [];
    return this.lintDocument(parseDocument(source, format, { path, ...rest, ...(plan.parse === "blocks" ? { only: plan.blocks, worthParsing: plan.worthParsing } : {}) }));
  }

  /** What a file's bytes, undecoded, show: "clean" when linting them would give nothing, no finding and no error (they are UTF-8). */
  lookAtBytes(bytes: Buffer, options: SourceOptions): ByteLook {
    return lookAtBytes(bytes, options.format, this.rules, metaOf(options));
  }
}

/** What the config says of a file's channel and category. */
function metaOf({ channel, category }: SourceOptions): DocumentMeta {
  return { ...(channel !== undefined ? { channel } : {}), ...(category !== undefined ? { category } : {}) };
}

export function toResult(filePath: string, messages: Diagnostic[], source?: string): LintResult {
  const count = (severity: number, fixable: boolean) =>
    messages.filter((m) => m.severity === severity && (!fixable || m.fix !== undefined)).length;
  return {
    filePath,
    messages,
    errorCount: count(2, false),
    warningCount: count(1, false),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    ...(source !== undefined ? { source } : {}),
  };
}

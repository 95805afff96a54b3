// GitHub Actions workflow commands, one per problem:
// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule::message`.
// The runner turns them into annotations on the pull request's files.
import { isAbsolute, relative, sep } from "node:path";
import type { Diagnostic } from "../core/types.js";
import { isInside } from "../files/paths.js";
import { whole, type Report } from "./writer.js";

/** `filePath` relative to `cwd` with `/` separators; a path outside cwd stays absolute. */
export function reportPath(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return filePath.split(sep).join("/");
  const rel = relative(cwd, filePath);
  if (!isInside(rel)) return filePath.split(sep).join("/");
  return rel.split(sep).join("/");
}

/** The rule id a report gives a problem with the file itself (ESLint's ruleId null). */
export const FILE_PROBLEM = "adlint/file-problem";

/** A command's message: `%`, CR and LF escaped, as the runner reads them. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A command's property value: also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export type CommandKind = "error" | "warning" | "notice";

export function workflowCommand(kind: CommandKind, message: string, properties: Record<string, string | number | undefined> = {}): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${kind}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

/**
 * Where an annotation points. GitHub takes columns only for a span on one line,
 * so a finding across lines is annotated by its lines alone.
 */
export function annotationProperties(file: string, m: Diagnostic): Record<string, string | number | undefined> {
  const oneLine = m.line === m.endLine;
  return {
    file,
    line: m.line,
    endLine: m.endLine,
    col: oneLine ? m.column : undefined,
    endColumn: oneLine ? m.endColumn : undefined,
    title: m.ruleId ?? FILE_PROBLEM,
  };
}

export const githubReport: Report = (ctx) => ({
  begin: () => "",
  file(result) {
    const file = reportPath(result.filePath, ctx.cwd);
    let out = "";
    for (const m of result.messages) out += `${workflowCommand(m.severity === 2 ? "error" : "warning", m.message, annotationProperties(file, m))}\n`;
    return out;
  },
  end: () => "",
});

export const github = whole(githubReport);

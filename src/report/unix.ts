// One line per problem, `file:line:column: message [severity/rule]`, for grep and editors.
import { relative } from "node:path";
import type { LintResult } from "../core/types.js";
import type { FormatContext } from "./index.js";

export function unix(results: LintResult[], ctx: FormatContext): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const file = relative(ctx.cwd, result.filePath) || result.filePath;
    for (const m of result.messages)
      lines.push(`${file}:${m.line}:${m.column}: ${m.message} [${m.severity === 2 ? "Error" : "Warning"}${m.ruleId ? `/${m.ruleId}` : ""}]`);
  }
  return lines.length ? `${lines.join("\n")}\n\n${lines.length} problem${lines.length === 1 ? "" : "s"}\n` : "";
}

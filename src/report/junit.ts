// JUnit XML, as ESLint writes it: a test suite per file, a failing test case
// per problem, and one passing case for a clean file, so CI test views list them.
import type { LintResult } from "../core/types.js";
import type { FormatContext } from "./index.js";
import { cdata, escapeXml } from "./checkstyle.js";
import { FILE_PROBLEM, reportPath } from "./github.js";

export function junit(results: LintResult[], ctx: FormatContext): string {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
  for (const result of results) {
    const file = escapeXml(reportPath(result.filePath, ctx.cwd));
    const failures = result.messages.length;
    out += `  <testsuite package="adlint" time="0" tests="${failures || 1}" errors="0" failures="${failures}" name="${file}">\n`;
    if (!failures) out += `    <testcase time="0" name="adlint" classname="${file}" />\n`;
    for (const m of result.messages) {
      const kind = m.severity === 2 ? "Error" : "Warning";
      out += `    <testcase time="0" name="${escapeXml(m.ruleId ?? FILE_PROBLEM)}" classname="${file}">\n`;
      out += `      <failure message="${escapeXml(m.message)}" type="${kind.toLowerCase()}">${cdata(`line ${m.line}, col ${m.column}, ${kind} - ${m.message} (${m.ruleId ?? FILE_PROBLEM})`)}</failure>\n`;
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  return `${out}</testsuites>\n`;
}

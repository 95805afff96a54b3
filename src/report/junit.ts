// JUnit XML, as ESLint writes it: a test suite per file, a failing test case
// per problem, and one passing case for a clean file, so CI test views list them.
import { cdata, escapeXml } from "./checkstyle.js";
import { FILE_PROBLEM, reportPath } from "./github.js";
import { whole, type Report } from "./writer.js";

export const junitReport: Report = (ctx) => ({
  begin: () => '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n',
  file(result) {
    const file = escapeXml(reportPath(result.filePath, ctx.cwd));
    const failures = result.messages.length;
    let out = `  <testsuite package="adlint" time="0" tests="${failures || 1}" errors="0" failures="${failures}" name="${file}">\n`;
    if (!failures) out += `    <testcase time="0" name="adlint" classname="${file}" />\n`;
    for (const m of result.messages) {
      const kind = m.severity === 2 ? "Error" : "Warning";
      out += `    <testcase time="0" name="${escapeXml(m.ruleId ?? FILE_PROBLEM)}" classname="${file}">\n`;
      out += `      <failure message="${escapeXml(m.message)}" type="${kind.toLowerCase()}">${cdata(`line ${m.line}, col ${m.column}, ${kind} - ${m.message} (${m.ruleId ?? FILE_PROBLEM})`)}</failure>\n`;
      out += "    </testcase>\n";
    }
    return `${out}  </testsuite>\n`;
  },
  end: () => "</testsuites>\n",
});

export const junit = whole(junitReport);

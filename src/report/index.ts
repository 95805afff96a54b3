// The report formats, each written file by file as results come (`reports`) or
// at once from gathered results (`formatters`).
import { checkstyleReport } from "./checkstyle.js";
import { githubReport } from "./github.js";
import { jsonReport } from "./json.js";
import { junitReport } from "./junit.js";
import { sarifReport } from "./sarif.js";
import { stylishReport } from "./stylish.js";
import { unixReport } from "./unix.js";
import { whole, type Formatter, type Report } from "./writer.js";

export type { FormatContext, Formatter, Report, ReportWriter } from "./writer.js";

export const reports = {
  stylish: stylishReport,
  json: jsonReport,
  unix: unixReport,
  sarif: sarifReport,
  github: githubReport,
  checkstyle: checkstyleReport,
  junit: junitReport,
} satisfies Record<string, Report>;

export type FormatterName = keyof typeof reports;

export const formatters = Object.fromEntries(Object.entries(reports).map(([name, report]) => [name, whole(report)])) as Record<FormatterName, Formatter>;

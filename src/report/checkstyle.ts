// Checkstyle XML, which CI servers and review tools read:
// <checkstyle><file name><error line column severity message source/></file></checkstyle>.
import { FILE_PROBLEM, reportPath } from "./github.js";
import { whole, type Report } from "./writer.js";

/** Characters XML 1.0 cannot carry at all, escaped or not. */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export const stripInvalidXml = (text: string): string => text.replace(INVALID, "");

/** Markup characters escaped; characters XML cannot carry dropped. */
export function escapeXml(text: string): string {
  return stripInvalidXml(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A CDATA section holding `text` as written; `]]>` is split across two sections. */
export const cdata = (text: string): string => `<![CDATA[${stripInvalidXml(text).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

export const checkstyleReport: Report = (ctx) => ({
  begin: () => '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n',
  file(result) {
    let out = `  <file name="${escapeXml(reportPath(result.filePath, ctx.cwd))}">\n`;
    for (const m of result.messages)
      out +=
        `    <error line="${m.line}" column="${m.column}" severity="${m.severity === 2 ? "error" : "warning"}"` +
        ` message="${escapeXml(m.message)}" source="${escapeXml(m.ruleId ?? FILE_PROBLEM)}" />\n`;
    return `${out}  </file>\n`;
  },
  end: () => "</checkstyle>\n",
});

export const checkstyle = whole(checkstyleReport);

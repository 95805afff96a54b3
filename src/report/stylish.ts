// ESLint's default report: problems grouped by file, then a total.
import { resolve } from "node:path";
import { relativeFrom } from "../files/paths.js";
import type { Locale } from "../core/types.js";
import { whole, type Report } from "./writer.js";

/** Columns a string takes in a terminal: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width +=
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[39m` : text);

function summary(errors: number, warnings: number, locale: Locale): string {
  const total = errors + warnings;
  return locale === "zh"
    ? `✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）`
    : `✖ ${total} problem${total === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})`;
}

export const stylishReport: Report = (ctx) => {
  const zh = ctx.locale === "zh";
  const fromCwd = relativeFrom(resolve(ctx.cwd));
  let errors = 0;
  let warnings = 0;
  return {
    begin: () => "",
    file(result) {
      if (result.messages.length === 0) return "";
      errors += result.errorCount;
      warnings += result.warningCount;
      let out = `\n${paint(ctx.color, 4, fromCwd(result.filePath) || result.filePath)}\n`;
      const rows = result.messages.map((m) => [
        `${m.line}:${m.column}`,
        m.severity === 2 ? (zh ? "错误" : "error") : zh ? "警告" : "warning",
        m.message,
        m.ruleId ?? "",
      ]);
      const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => displayWidth(r[c]!))));
      for (const [i, row] of rows.entries()) {
        const severity = pad(row[1]!, widths[1]!);
        out += `  ${pad(row[0]!, widths[0]!)}  ${paint(ctx.color, result.messages[i]!.severity === 2 ? 31 : 33, severity)}  ${pad(row[2]!, widths[2]!)}  ${paint(ctx.color, 2, row[3]!)}\n`;
      }
      return out;
    },
    end: () => (errors + warnings === 0 ? "" : `\n${paint(ctx.color, errors ? 31 : 33, summary(errors, warnings, ctx.locale))}\n`),
  };
};

export const stylish = whole(stylishReport);

// One line per problem, `file:line:column: message [severity/rule]`, for grep and editors.
import { resolve } from "node:path";
import { relativeFrom } from "../files/paths.js";
import { whole, type Report } from "./writer.js";

export const unixReport: Report = (ctx) => {
  const fromCwd = relativeFrom(resolve(ctx.cwd));
  let problems = 0;
  return {
    begin: () => "",
    file(result) {
      if (result.messages.length === 0) return "";
      const file = fromCwd(result.filePath) || result.filePath;
      let out = "";
      for (const m of result.messages)
        out += `${file}:${m.line}:${m.column}: ${m.message} [${m.severity === 2 ? "Error" : "Warning"}${m.ruleId ? `/${m.ruleId}` : ""}]\n`;
      problems += result.messages.length;
      return out;
    },
    end: () => (problems ? `\n${problems} problem${problems === 1 ? "" : "s"}\n` : ""),
  };
};

export const unix = whole(unixReport);

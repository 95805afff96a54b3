// ESLint's JSON report: [{filePath, messages, errorCount, warningCount, …}].
import { whole, type Report } from "./writer.js";

export const jsonReport: Report = () => {
  let first = true;
  return {
    begin: () => "[",
    file({ source: _source, ...result }) {
      const item = JSON.stringify(result);
      if (first) {
        first = false;
        return item;
      }
      return `,${item}`;
    },
    end: () => "]",
  };
};

export const json = whole(jsonReport);

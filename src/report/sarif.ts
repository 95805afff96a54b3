// SARIF 2.1.0, the format code scanning reads. Each rule is described once in
// tool.driver.rules, with its law and the text of the articles it rests on;
// each result points at a repository-relative file and a region whose columns
// are UTF-16 code units, as the run declares.
import type { Diagnostic, Level, Severity } from "../core/types.js";
import type { Pack, RuleSpec } from "../packs/pack.js";
import { FILE_PROBLEM, reportPath } from "./github.js";
import { whole, type FormatContext, type Report } from "./writer.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const DEFAULT_INFORMATION_URI = "https://www.npmjs.com/package/adlint";

type SarifLevel = "error" | "warning" | "note" | "none";

const levelOf = (severity: Severity): SarifLevel => (severity === 2 ? "error" : severity === 1 ? "warning" : "note");

/** A repository-relative path as a URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown>;
}

function ruleMessage(spec: RuleSpec, locale: FormatContext["locale"]): string {
  return ((locale === "en" && spec.message.en) || spec.message.zh).replace(/\{match\}/g, "…");
}

function describeRule(spec: RuleSpec, ctx: FormatContext): SarifRule {
  const message = ruleMessage(spec, ctx.locale);
  const articles = spec.articles ?? [];
  const text = [`${spec.law}`, spec.description ?? message, ...articles.map((a) => `${a.ref}：${a.text}`)].join("\n\n");
  const markdown = [
    `**${spec.law}**`,
    spec.description ?? message,
    ...articles.map((a) => `**${a.ref}**\n\n${a.text.split("\n").map((l) => `> ${l}`).join("\n")}`),
  ].join("\n\n");
  return {
    id: spec.id,
    shortDescription: { text: message },
    ...(spec.description ? { fullDescription: { text: spec.description } } : {}),
    help: { text, markdown },
    defaultConfiguration: { level: spec.level === "error" ? "error" : spec.level === "warn" ? "warning" : "none" },
    properties: { law: spec.law, tags: [spec.law, spec.kind] },
  };
}

/** A rule met in results that no loaded pack describes (directive checks, problems with a file). */
function plainRule(id: string, severity: Severity): SarifRule {
  const text =
    id === FILE_PROBLEM
      ? "The file could not be read, decoded or parsed."
      : id.startsWith("adlint/")
        ? "A check of adlint's own inline directives."
        : id;
  return { id, shortDescription: { text }, defaultConfiguration: { level: levelOf(severity) }, properties: {} };
}

function region(m: Diagnostic) {
  return { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn };
}

/** JSON pretty-printed as JSON.stringify(value, null, 2) prints it `depth` levels down. */
const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);

/**
 * The log is written as JSON.stringify(log, null, 2) would print it, with the run's results
 * before its tool: the results are written as they come, and the rules they name are known
 * once they are all in.
 */
export const sarifReport: Report = (ctx) => {
  const rules = new Map<string, SarifRule>();
  for (const spec of [...(ctx.rules?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    rules.set(spec.id, describeRule(spec, ctx));
  // Results refer to their rule by index too, so a consumer need not search by id.
  const index = new Map([...rules.keys()].map((id, i) => [id, i]));
  let written = 0;
  return {
    begin: () => `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {\n      "columnKind": "utf16CodeUnits",\n      "results": [`,
    file(result) {
      const uri = pathToUri(reportPath(result.filePath, ctx.cwd));
      let out = "";
      for (const m of result.messages) {
        const ruleId = m.ruleId ?? FILE_PROBLEM;
        if (!rules.has(ruleId)) {
          rules.set(ruleId, plainRule(ruleId, m.severity));
          index.set(ruleId, index.size);
        }
        const item = {
          ruleId,
          level: levelOf(m.severity),
          message: { text: m.message },
          locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: "%SRCROOT%" }, region: region(m) } }],
          ...(m.law ? { properties: { law: m.law } } : {}),
          ruleIndex: index.get(ruleId)!,
        };
        out += `${written++ ? "," : ""}\n        ${nested(item, 4)}`;
      }
      return out;
    },
    end() {
      const tool = {
        driver: {
          name: "adlint",
          ...(ctx.version ? { version: ctx.version, semanticVersion: ctx.version } : {}),
          informationUri: ctx.informationUri ?? DEFAULT_INFORMATION_URI,
          rules: [...rules.values()],
        },
      };
      return `${written ? "\n      " : ""}],\n      "tool": ${nested(tool, 3)}\n    }\n  ]\n}\n`;
    },
  };
};

export const sarif = whole(sarifReport);

/** The packs' rules by id at the levels `levels` (the config) gives them: what SARIF describes. */
export function effectiveRuleSpecs(packs: readonly Pack[], levels: ReadonlyMap<string, Level>): Map<string, RuleSpec> {
  const out = new Map<string, RuleSpec>();
  for (const pack of packs) for (const rule of pack.rules) out.set(rule.id, { ...rule, level: levels.get(rule.id) ?? rule.level });
  return out;
}

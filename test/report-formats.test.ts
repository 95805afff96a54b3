// The CI report formats: SARIF against the SARIF 2.1.0 schema, GitHub workflow
// commands with their escaping, Checkstyle and JUnit XML, all from real lint
// results of the test pack.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LintResult } from "../src/core/types.js";
import { lintText } from "../src/lint.js";
import { openProject } from "../src/project.js";
import { checkstyle } from "../src/report/checkstyle.js";
import { escapeData, escapeProperty, github, workflowCommand } from "../src/report/github.js";
import { formatters, type FormatContext } from "../src/report/index.js";
import { junit } from "../src/report/junit.js";
import { effectiveRuleSpecs, sarif } from "../src/report/sarif.js";
import { sarifErrors } from "./fixtures/action/sarif-schema.js";
import { FIXTURES } from "./helpers/lint.js";


function expectValidSarif(text: string): void {
  expect(sarifErrors(JSON.parse(text))).toBe("No errors");
}

const project = openProject({ config: `${FIXTURES}adlint.config.yaml` });
const cwd = "/work/shop";
const ctx: FormatContext = { cwd, locale: "zh", color: false, rules: effectiveRuleSpecs(project.packs, project.config.rules), version: "0.1.0" };

function result(path: string, text: string): LintResult {
  return lintText(text, { project, filePath: join(cwd, path), cwd });
}

const results: LintResult[] = [
  result("content/posters/春季 海报.md", "# 春季上新\n\n这是最好的面膜，提亮36%。\n"),
  result("content/a,b:c.txt", "国家级品质\n𠮷第一\n"),
  result("content/clean.md", "很好的面膜\n"),
  {
    filePath: join(cwd, "content/broken.md"),
    messages: [{ ruleId: null, severity: 2, fatal: true, message: "无法解码文件", line: 1, column: 1, endLine: 1, endColumn: 1, range: [0, 0] }],
    errorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  },
];

describe("sarif", () => {
  const log = JSON.parse(sarif(results, ctx));
  const run = log.runs[0];

  it("validates against the SARIF 2.1.0 schema", () => {
    expectValidSarif(sarif(results, ctx));
    expectValidSarif(sarif([], { cwd, locale: "en", color: false }));
  });

  it("the schema check catches a malformed log", () => {
    const bad = { version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, level: "warn" }] }] };
    expect(sarifErrors(bad)).toMatch(/level/);
  });

  it("describes the tool and declares UTF-16 columns", () => {
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver).toMatchObject({ name: "adlint", version: "0.1.0", informationUri: expect.stringMatching(/^https:/) });
    expect(run.columnKind).toBe("utf16CodeUnits");
  });

  it("describes every loaded rule once, with its law and level", () => {
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const absolute = run.tool.driver.rules.find((r: { id: string }) => r.id === "t/absolute");
    expect(absolute).toMatchObject({
      shortDescription: { text: "「…」属于绝对化用语" },
      defaultConfiguration: { level: "error" },
      help: { text: expect.stringContaining("广告法第九条第三项"), markdown: expect.stringContaining("**广告法第九条第三项**") },
    });
    // A rule switched off by its pack is described as such.
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === "t/flash-sale").defaultConfiguration.level).toBe("none");
  });

  it("quotes the articles a rule rests on in its help", () => {
    const spec = { ...ctx.rules!.get("t/absolute")!, articles: [{ ref: "广告法第九条", text: "广告不得有下列情形：\n（三）使用“国家级”、“最高级”、“最佳”等用语" }] };
    const out = JSON.parse(sarif(results, { ...ctx, rules: new Map([["t/absolute", spec]]) }));
    const help = out.runs[0].tool.driver.rules[0].help;
    expect(help.text).toContain("广告法第九条：广告不得有下列情形");
    expect(help.markdown).toContain("> （三）使用“国家级”");
  });

  it("points results at repository-relative URIs and 1-based UTF-16 regions", () => {
    const first = run.results.find((r: { ruleId: string }) => r.ruleId === "t/absolute");
    expect(first).toMatchObject({
      level: "error",
      message: { text: expect.stringContaining("「最好」") },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "content/posters/%E6%98%A5%E5%AD%A3%20%E6%B5%B7%E6%8A%A5.md", uriBaseId: "%SRCROOT%" },
            region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 5 },
          },
        },
      ],
    });
    // 𠮷 is two UTF-16 code units: 第一 starts at column 3.
    const astral = run.results.find((r: { message: { text: string } }) => r.message.text.includes("「第一」"));
    expect(astral.locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 3, endLine: 2, endColumn: 5 });
    expect(run.results.every((r: { ruleIndex: number; ruleId: string }) => run.tool.driver.rules[r.ruleIndex].id === r.ruleId)).toBe(true);
  });

  it("files a problem with the file itself under a rule of its own", () => {
    const broken = run.results.find((r: { message: { text: string } }) => r.message.text === "无法解码文件");
    expect(broken.ruleId).toBe("adlint/file-problem");
    expect(run.tool.driver.rules.some((r: { id: string }) => r.id === "adlint/file-problem")).toBe(true);
  });

  it("prints the same bytes for the same results", () => {
    expect(sarif(results, ctx)).toBe(sarif(results, ctx));
  });

  it("is laid out as JSON.stringify lays it out, though written result by result", () => {
    for (const text of [sarif(results, ctx), sarif([], ctx), sarif([results[2]!], ctx)]) expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it("points each result at its rule by index, rules met only in results included", () => {
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(run.results.length).toBeGreaterThan(3);
    for (const r of run.results) expect(ids[r.ruleIndex]).toBe(r.ruleId);
  });
});

describe("github", () => {
  it.each([
    ["100%\r\n下一行", "100%25%0D%0A下一行"],
    ["a:b,c", "a:b,c"],
  ])("escapes a message %j", (text, escaped) => {
    expect(escapeData(text)).toBe(escaped);
  });

  it.each([
    ["a:b,c", "a%3Ab%2Cc"],
    ["50%\n", "50%25%0A"],
  ])("escapes a property %j", (text, escaped) => {
    expect(escapeProperty(text)).toBe(escaped);
  });

  it("writes one command per finding, with the position and the rule as title", () => {
    const lines = github(results, ctx).trimEnd().split("\n");
    expect(lines).toContain(
      "::error file=content/a%2Cb%3Ac.txt,line=1,endLine=1,col=1,endColumn=4,title=t/absolute::「国家级」属于绝对化用语（广告法第九条第三项）",
    );
    expect(lines.some((l) => l.startsWith("::warning file=content/posters/春季 海报.md,line=3,") && l.includes("36%25"))).toBe(true);
    expect(lines.every((l) => /^::(error|warning) file=/.test(l))).toBe(true);
  });

  it("leaves out columns of a finding across lines, as GitHub asks", () => {
    expect(workflowCommand("error", "m", { file: "a.md", line: 1, endLine: 2, col: undefined, title: "x/y" })).toBe("::error file=a.md,line=1,endLine=2,title=x/y::m");
  });
});

describe("checkstyle and junit", () => {
  it("checkstyle lists each file with its errors, escaped", () => {
    const xml = checkstyle(results, ctx);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<checkstyle version="4.3">/);
    expect(xml).toContain('<file name="content/a,b:c.txt">');
    expect(xml).toContain('<error line="1" column="1" severity="error" message="「国家级」属于绝对化用语（广告法第九条第三项）" source="t/absolute" />');
    expect(xml).toContain('source="adlint/file-problem"');
  });

  it("junit has a suite per file, a failure per finding and a passing case for a clean file", () => {
    const xml = junit(results, ctx);
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml).toContain('<testsuite package="adlint" time="0" tests="1" errors="0" failures="0" name="content/clean.md">');
    expect(xml).toContain("<![CDATA[line 1, col 1, Error - 「国家级」属于绝对化用语（广告法第九条第三项） (t/absolute)]]>");
  });

  it("junit keeps ]]> inside CDATA", () => {
    const odd: LintResult = { ...results[3]!, messages: [{ ...results[3]!.messages[0]!, message: "a]]>b<c" }] };
    const xml = junit([odd], ctx);
    expect(xml).toContain("<![CDATA[line 1, col 1, Error - a]]]]><![CDATA[>b<c (adlint/file-problem)]]>");
  });

  it("every format is registered for --format", () => {
    expect(Object.keys(formatters).sort()).toEqual(["checkstyle", "github", "json", "junit", "sarif", "stylish", "unix"]);
  });
});

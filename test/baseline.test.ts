// Baselines, as a team adopting adlint on old copy uses them: record what is
// there, report only what is new, and let the counts fall as copy is fixed.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LintResult } from "../src/core/types.js";
import { applyBaseline, serializeBaseline, updateBaseline } from "../src/suppress/baseline.js";
import { cleanUp, PACK, runCli, tempDir } from "./fixtures/action/repo.js";

afterAll(cleanUp);

function project(files: Record<string, string>): string {
  const dir = tempDir("adlint-baseline-");
  for (const [path, text] of Object.entries({ "adlint.config.yaml": "packs: [./packs/our.yaml]\n", "packs/our.yaml": PACK, ...files })) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

const read = (dir: string) => readFileSync(join(dir, "adlint-baseline.json"), "utf8");

describe("adlint --baseline", () => {
  it("--update-baseline writes sorted, stable counts with repository-relative paths, and then reports nothing", async () => {
    const dir = project({ "copy/b.md": "最好的面膜。第一品牌。提亮36%。\n", "copy/a.md": "国家级。\n", "copy/clean.md": "很好。\n" });
    const r = await runCli(dir, "--update-baseline", "copy");
    expect(r).toMatchObject({ code: 0, stdout: "" });
    expect(read(dir)).toBe(
      `${JSON.stringify(
        { "copy/a.md": { "t/absolute": { count: 1 } }, "copy/b.md": { "t/absolute": { count: 2 }, "t/stat": { count: 1 } } },
        null,
        2,
      )}\n`,
    );
    // The same copy gives the same bytes.
    const before = read(dir);
    await runCli(dir, "--update-baseline", "copy");
    expect(read(dir)).toBe(before);
  });

  it("reports only findings beyond the counts, and the counts fall as copy is fixed", async () => {
    const dir = project({ "copy/a.md": "最好的面膜。\n国家级。\n", "copy/b.md": "提亮36%。\n" });
    await runCli(dir, "--update-baseline", "copy");

    // One new violation in a.md: only it is reported.
    writeFileSync(join(dir, "copy/a.md"), "最好的面膜。\n国家级。\n第一品牌。\n");
    const r = await runCli(dir, "--baseline", "adlint-baseline.json", "--format", "unix", "copy");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("copy/a.md:3:1: 「第一」属于绝对化用语（广告法第九条第三项） [Error/t/absolute]\n\n1 problem\n");

    // Fixed copy: the count goes down, and a rule or file with none left disappears.
    writeFileSync(join(dir, "copy/a.md"), "很好的面膜。\n国家级。\n");
    writeFileSync(join(dir, "copy/b.md"), "提亮三成。\n");
    expect((await runCli(dir, "--baseline", "adlint-baseline.json", "copy")).code).toBe(0);
    await runCli(dir, "--update-baseline", "copy");
    expect(JSON.parse(read(dir))).toEqual({ "copy/a.md": { "t/absolute": { count: 1 } } });
  });

  it("a missing baseline accepts nothing; a malformed one is a usage error", async () => {
    const dir = project({ "a.md": "最好。\n" });
    expect((await runCli(dir, "--baseline", "none.json", "a.md")).code).toBe(1);
    writeFileSync(join(dir, "bad.json"), '{"a.md": {"t/absolute": 3}}');
    const bad = await runCli(dir, "--baseline", "bad.json", "a.md");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json:1:1: a baseline maps files to rules to {"count": N}');
  });
});

describe("baseline functions", () => {
  const message = (ruleId: string | null, line: number, severity: 1 | 2 = 2) => ({
    ruleId,
    severity,
    message: "m",
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    range: [0, 1] as [number, number],
  });
  const result = (filePath: string, messages: ReturnType<typeof message>[]): LintResult => ({
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  });

  it("keeps the excess (the last in the file) and every problem with a file itself", () => {
    const [kept] = applyBaseline(
      [result("/repo/a.md", [message("p/x", 1), message(null, 1), message("p/x", 5), message("p/y", 7, 1)])],
      { "a.md": { "p/x": { count: 1 }, "p/y": { count: 3 } } },
      "/repo",
    );
    expect(kept!.messages.map((m) => `${m.ruleId}:${m.line}`)).toEqual(["null:1", "p/x:5"]);
    expect(kept).toMatchObject({ errorCount: 2, warningCount: 0 });
  });

  it("keeps entries of files not linted this time only while they exist", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "kept.md"), "");
    const next = updateBaseline({ "kept.md": { "p/x": { count: 2 } }, "deleted.md": { "p/x": { count: 1 } } }, [result(join(dir, "a.md"), [message("p/x", 1)])], dir);
    expect(serializeBaseline(next)).toBe('{\n  "a.md": {\n    "p/x": {\n      "count": 1\n    }\n  },\n  "kept.md": {\n    "p/x": {\n      "count": 2\n    }\n  }\n}\n');
  });
});

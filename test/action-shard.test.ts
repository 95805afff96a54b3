// Sharding a matrix of jobs: each file in exactly one shard, the same one on
// every run and wherever the checkout is; the shards' JSON reports merge into
// the report of one run over everything.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fnv1a } from "../src/core/hash.js";
import { inShard, mergeResults, parseShard, shardOf } from "../src/files/shard.js";
import { cleanUp, PACK, runCli, tempDir } from "./fixtures/action/repo.js";
import type { LintResult } from "../src/core/types.js";

afterAll(cleanUp);

describe("shards", () => {
  it("hashes with 32-bit FNV-1a", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });

  it("puts a file in the same shard whatever the absolute path of the checkout", () => {
    const shard = { index: shardOf("content/posters/春季.md", 4), count: 4 };
    expect(inShard("/home/runner/work/shop/shop/content/posters/春季.md", "/home/runner/work/shop/shop", shard)).toBe(true);
    expect(inShard("/tmp/x/content/posters/春季.md", "/tmp/x", shard)).toBe(true);
    expect(shardOf("content\\posters\\春季.md".split("\\").join("/"), 4)).toBe(shard.index);
  });

  it.each(["0/3", "4/3", "1/0", "a/b", "1"])("rejects --shard %s", (text) => {
    expect(() => parseShard(text)).toThrow(/--shard takes i\/n/);
  });

  it("adlint --shard i/n splits the files stably, and merge-reports joins the shards' reports", async () => {
    const files: Record<string, string> = { "adlint.config.yaml": "packs: [./packs/our.yaml]\n", "packs/our.yaml": PACK };
    for (let i = 0; i < 12; i++) files[`copy/page-${i}.md`] = i % 3 ? `第${i}页：最好的面膜。\n` : `第${i}页：很好的面膜，提亮36%。\n`;
    const first = tempDir("adlint-shard-a-");
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(first, path)), { recursive: true });
      writeFileSync(join(first, path), text);
    }
    const second = join(tempDir("adlint-shard-b-"), "deeper", "checkout");
    cpSync(first, second, { recursive: true });

    const lintShards = (dir: string) =>
      Promise.all([1, 2, 3].map((i) => runCli(dir, "--shard", `${i}/3`, "--format", "json", "copy").then((r) => JSON.parse(r.stdout) as LintResult[])));
    const names = (results: LintResult[], dir: string) => results.map((r) => r.filePath.slice(dir.length + 1)).sort();
    const [a, b] = await Promise.all([lintShards(first), lintShards(second)]);
    // The same files in the same shard, in both checkouts.
    expect(a.map((r) => names(r, first))).toEqual(b.map((r) => names(r, second)));
    // Each file in exactly one shard, and no shard empty with 12 files in 3.
    const all = a.flatMap((r) => names(r, first)).sort();
    expect(all).toEqual(Object.keys(files).filter((f) => f.startsWith("copy/")).sort());
    expect(a.every((r) => r.length > 0)).toBe(true);
    // And the same on a second run.
    expect((await lintShards(first)).map((r) => names(r, first))).toEqual(a.map((r) => names(r, first)));

    // merge-reports gives what one run over everything gives.
    const reports = a.map((r, i) => {
      const file = join(first, `shard-${i + 1}.json`);
      writeFileSync(file, JSON.stringify(r));
      return file;
    });
    const whole = await runCli(first, "--format", "json", "copy");
    const merged = await runCli(first, "merge-reports", ...reports, "--format", "json");
    expect(merged.code).toBe(1);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole.stdout));
    const sarif = await runCli(first, "merge-reports", ...reports, "--format", "sarif");
    const log = JSON.parse(sarif.stdout);
    expect(log.runs[0].results).toHaveLength(12);
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain("t/absolute");
  });

  it("merging drops a finding two reports both have", () => {
    const m = { ruleId: "p/x", severity: 2 as const, message: "m", line: 1, column: 1, endLine: 1, endColumn: 2, range: [0, 1] as [number, number] };
    const r = (messages: (typeof m)[]): LintResult => ({ filePath: "/a.md", messages, errorCount: messages.length, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
    const merged = mergeResults([[r([m])], [r([m, { ...m, line: 2, endLine: 2 }])]]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.messages.map((x) => x.line)).toEqual([1, 2]);
    expect(merged[0]!.errorCount).toBe(2);
  });

  it("a report that is not adlint JSON is a usage error", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "x.json"), '{"not": "a report"}');
    const r = await runCli(dir, "merge-reports", "x.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("x.json:1:1: not an adlint JSON report");
  });
});

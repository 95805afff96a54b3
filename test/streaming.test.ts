// A run hands each file's result on in path order as soon as it can, and keeps
// none: results are taken in order from real files linted in one thread and in
// workers, the command's streamed reports are held to the whole-report
// formatters, and a reader that leaves early (`adlint | head`) ends only the
// writing.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { LintResult } from "../src/core/types.js";
import { ReportOutput } from "../src/cli/output.js";
import { lintEach, lintWithProject } from "../src/lint.js";
import { InOrder } from "../src/parallel/in-order.js";
import { openProject } from "../src/project.js";
import { formatters, type FormatterName } from "../src/report/index.js";
import { effectiveRuleSpecs } from "../src/report/sarif.js";
import { applyBaseline } from "../src/suppress/baseline.js";
import { adlint, MAIN } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/lint.js";
import { tree } from "./helpers/tree.js";

const PACK = readFileSync(`${FIXTURES}packs/basic.yaml`, "utf8");

/** Files of very different sizes, so that they finish out of order; the first is the largest. */
function site(pages = 60, longRepeats = 400): string {
  const files: Record<string, string> = { "adlint.config.yaml": "packs: [./packs/basic.yaml]\n", "packs/basic.yaml": PACK };
  files["copy/a-long.md"] = "# 长文\n\n这是最好的面膜，提亮36%。\n\n".repeat(longRepeats);
  for (let i = 0; i < pages; i++) files[`copy/p-${String(i).padStart(3, "0")}.md`] = i % 4 ? "很好的面膜。\n" : `第${i}款，国家级品质。\n`;
  files["copy/z-broken.ts"] = "const = ;\n";
  return tree(files);
}

describe("lintEach", () => {
  it.each([["off"], [2]] as const)("hands on every result once, in path order, one at a time (concurrency %s)", async (concurrency) => {
    const root = site();
    const project = openProject({ cwd: root });
    const handed: string[] = [];
    let inside = false;
    await lintEach(project, ["copy"], { cwd: root, concurrency }, async (result) => {
      expect(inside).toBe(false);
      inside = true;
      handed.push(result.filePath);
      // A slow reader: the run waits for it before handing on the next result.
      await new Promise((wait) => setTimeout(wait, 1));
      inside = false;
    });
    expect(handed.length).toBe(62);
    expect(handed).toEqual([...handed].sort());
    expect(handed).toEqual((await lintWithProject(project, ["copy"], { cwd: root })).map((r) => r.filePath));
  });

  it("stops taking files once the reader throws, and rejects with what it threw", async () => {
    const root = site();
    const project = openProject({ cwd: root });
    let calls = 0;
    const run = lintEach(project, ["copy"], { cwd: root }, () => {
      calls++;
      if (calls === 3) throw new Error("the reader broke");
    });
    await expect(run).rejects.toThrow("the reader broke");
    expect(calls).toBe(3);
  });
});

describe("InOrder", () => {
  it("holds results back until the ones before them are in, and jobs back once the window is full", async () => {
    const handed: number[] = [];
    const order = new InOrder<number>((n) => {
      handed.push(n);
    }, 3);
    const started: number[] = [];
    const start = (i: number) => order.room(i).then(() => started.push(i));
    const waits = [0, 1, 2, 3, 4].map(start);
    await Promise.all(waits.slice(0, 3));
    await new Promise((wait) => setTimeout(wait, 5));
    // Jobs 3 and 4 wait: job 0 is not in, and three may be outstanding.
    expect(started).toEqual([0, 1, 2]);
    order.done(2, 2);
    order.done(1, 1);
    await new Promise((wait) => setTimeout(wait, 5));
    expect(handed).toEqual([]);
    expect(started).toEqual([0, 1, 2]);
    order.done(0, 0);
    await Promise.all(waits);
    expect(handed).toEqual([0, 1, 2]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    order.done(4, 4);
    order.done(3, 3);
    await order.drained();
    expect(handed).toEqual([0, 1, 2, 3, 4]);
  });

  it("hands on a result given while the last one is being handed on", async () => {
    const handed: number[] = [];
    const order = new InOrder<number>(async (n) => {
      handed.push(n);
      if (n === 0) order.done(1, 1);
      await Promise.resolve();
    }, 8);
    order.done(0, 0);
    await order.drained();
    expect(handed).toEqual([0, 1]);
  });
});

describe("the command's reports, written as results come", () => {
  const formats = Object.keys(formatters) as FormatterName[];

  it.each(formats)("-f %s writes what the whole-report formatter writes for the same results", async (format) => {
    const root = site(20);
    const project = openProject({ cwd: root });
    const results = await lintWithProject(project, ["copy"], { cwd: root });
    const whole = formatters[format](results, { cwd: root, locale: "zh", color: false, rules: effectiveRuleSpecs(project.packs, project.config.rules), version: "0.1.0" });
    const run = await adlint(root, "copy", "-f", format);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const withVersion = (text: string) => text.replace(/"version": "[^"]+", "semanticVersion": "[^"]+"/, "");
    expect(withVersion(run.stdout)).toBe(withVersion(whole.endsWith("\n") ? whole : `${whole}\n`));
  });

  it("applies a baseline and --quiet to each file as it comes", async () => {
    const root = site(20);
    const project = openProject({ cwd: root });
    const results = await lintWithProject(project, ["copy"], { cwd: root });
    expect((await adlint(root, "copy", "--baseline", "known.json", "--update-baseline")).code).toBe(1);
    const baseline = JSON.parse(readFileSync(join(root, "known.json"), "utf8"));
    expect(Object.keys(baseline)).toContain("copy/a-long.md");
    // The baseline accepts what it counted; only the file that cannot be parsed is left.
    const kept = applyBaseline(results, baseline, root).filter((r: LintResult) => r.messages.length);
    expect(kept.map((r) => r.filePath)).toEqual([join(root, "copy/z-broken.ts")]);
    const run = await adlint(root, "copy", "--baseline", "known.json", "-f", "unix", "--quiet");
    expect(run.stdout.split("\n").filter(Boolean)).toEqual([expect.stringMatching(/^copy\/z-broken\.ts:1:7: .*\[Error\]$/), "1 problem"]);
  });

  it("a slow reader gets the whole report, and each wait for it leaves no listener behind", async () => {
    // A stream that takes one write at a time, a moment apart: every write after the first is told to wait.
    const taken: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        taken.push(chunk);
        setTimeout(done, 1);
      },
    });
    const out = new ReportOutput(slow);
    const line = "copy/p-001.md:1:3: 「最好」是绝对化用语 [Error/ad-law/absolute-terms]\n";
    const listeners: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      await out.write(line);
      listeners.push(slow.listenerCount("drain") + slow.listenerCount("close"));
    }
    await out.end();
    expect(taken.length).toBeGreaterThan(20);
    expect(Buffer.concat(taken).toString()).toBe(line.repeat(20_000));
    // Only the listener the output keeps for errors is left; none piles up while writing.
    expect(Math.max(...listeners)).toBe(0);
    expect(slow.listenerCount("error")).toBe(1);
  });

  it("a reader that leaves early ends the writing, not the run: no stack trace, and the exit code of every file", async () => {
    // Two megabytes of report: more than a pipe holds, so writing goes on after the reader left.
    const root = site(10, 8_000);
    const child = spawn(process.execPath, [MAIN, "copy", "-f", "unix"], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(code).toBe(1);
  });
});

// The bundled action, run as a GitHub runner runs it, on real git repositories
// with the merge commit GitHub checks out for a pull request: workflow commands,
// job summary, outputs, SARIF and the exit status.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, PACK, Repo, runAction, type ActionRun } from "./fixtures/action/repo.js";
import { sarifErrors } from "./fixtures/action/sarif-schema.js";

afterAll(cleanUp);


/** The test pack without one of its rules. */
const packWithout = (id: string) =>
  PACK.split("\n  - id: ")
    .filter((block) => !block.startsWith(`${id}\n`))
    .join("\n  - id: ");

/** A repository whose main branch has the test pack, a config and `files`. */
function shop(files: Record<string, string> = {}): Repo {
  const repo = new Repo().write({ "adlint.config.yaml": "packs: [./packs/our.yaml]\n", "packs/our.yaml": PACK, ...files });
  repo.commit("the shop's copy");
  return repo;
}

function prEvent(base: string, head: string) {
  return { name: "pull_request", payload: { pull_request: { number: 7, base: { sha: base }, head: { sha: head } } } };
}

/** Annotations with properties (a file, a title) of a kind. */
const annotations = (run: ActionRun, kind: "error" | "warning" | "notice") => run.commands.filter((c) => c.startsWith(`::${kind} `));
/** Commands of a kind with no properties: setFailed's message, the notice about the rest. */
const bare = (run: ActionRun, kind: "error" | "notice") => run.commands.filter((c) => c.startsWith(`::${kind}::`));
/** `file:line` of each annotation of a kind. */
const places = (run: ActionRun, kind: "error" | "warning") =>
  annotations(run, kind).map((c) => `${/file=([^,:]+)/.exec(c)?.[1]}:${/,line=(\d+)/.exec(c)?.[1]}`);

describe.concurrent("pull requests", () => {
  it("annotates a violation the change adds and fails the step", async () => {
    const repo = shop({ "content/a.md": "# 春季上新\n\n很好的面膜。\n" });
    const pr = repo.pullRequest((r) => r.write({ "content/a.md": "# 春季上新\n\n这是最好的面膜。\n" }));
    const run = await runAction(repo.dir, {}, prEvent(pr.base, pr.head));
    expect(run.code).toBe(1);
    expect(annotations(run, "error")).toEqual([
      "::error title=t/absolute,file=content/a.md,line=3,endLine=3,col=3,endColumn=5::「最好」属于绝对化用语（广告法第九条第三项）",
    ]);
    expect(run.commands.at(-1)).toBe("::error::adlint found 1 error and 0 warnings (fail-level: error)");
    expect(run.outputs).toMatchObject({ errors: "1", warnings: "0" });
    expect(run.summary).toContain("1 个错误，0 个警告。规则取自 base");
    expect(run.summary).toContain("| `content/a.md:3` | 错误 | t/absolute | 广告法第九条第三项 | 「最好」属于绝对化用语（广告法第九条第三项） |");
  });

  it("a change that deletes a rule from a pack is still checked with the base's rules, and told so", async () => {
    const repo = shop({ "content/a.md": "很好的面膜。\n" });
    const pr = repo.pullRequest((r) => r.write({ "packs/our.yaml": packWithout("absolute"), "content/a.md": "很好的面膜。\n全网最好的面膜。\n" }));
    const run = await runAction(repo.dir, {}, prEvent(pr.base, pr.head));
    expect(run.code).toBe(1);
    expect(places(run, "error")).toEqual(["content/a.md:2"]);
    const notice = annotations(run, "notice").find((c) => c.includes("title=adlint rules changed"));
    expect(notice).toContain("t/absolute removed (was error)");
    expect(run.summary).toMatch(/\| t\/absolute \| 删除 \(error\) \| 广告法第九条第三项 \|/);
    // The copies of both revisions' rules are gone once the run is done.
    expect(run.leftInTemp).toEqual([]);

    // Trusting the change's own rules lets it through: which is why base is the default.
    const trusting = await runAction(repo.dir, { "trusted-config": "head" }, prEvent(pr.base, pr.head));
    expect(trusting.code).toBe(0);
    expect(annotations(trusting, "error")).toEqual([]);
  });

  it("a change that switches a rule off in the config is checked with it on, and the lowering is named", async () => {
    const repo = shop({ "content/a.md": "很好的面膜。\n" });
    const pr = repo.pullRequest((r) =>
      r.write({ "adlint.config.yaml": "packs: [./packs/our.yaml]\nrules:\n  t/absolute: off\n", "content/a.md": "很好的面膜。\n第一品牌。\n" }),
    );
    const run = await runAction(repo.dir, {}, prEvent(pr.base, pr.head));
    expect(run.code).toBe(1);
    expect(places(run, "error")).toEqual(["content/a.md:2"]);
    expect(annotations(run, "notice").join("\n")).toContain("t/absolute lowered error -> off");
  });

  it("reads the evidence registry from the base commit: a change cannot back its own claim", async () => {
    const registry = (phrase: string) =>
      `evidence:\n  - id: survey-2024\n    kind: statistic\n    supports: [${phrase}]\n    source: 2024 年用户调查报告\n`;
    const repo = shop({ "evidence.yaml": registry("满意度98%"), "content/a.md": "很好。\n" });
    const pr = repo.pullRequest((r) =>
      r.write({ "evidence.yaml": `${registry("满意度98%")}  - id: made-up\n    kind: statistic\n    supports: [好评率99%]\n    source: 自评\n`, "content/a.md": "很好。\n满意度98%。\n好评率99%。\n" }),
    );
    const run = await runAction(repo.dir, { "fail-level": "warning" }, prEvent(pr.base, pr.head));
    // The base's entry backs 满意度98%; the entry the change adds does not count.
    expect(places(run, "warning")).toEqual(["content/a.md:3"]);
    expect(run.code).toBe(1);
    const trusting = await runAction(repo.dir, { "fail-level": "warning", "trusted-config": "head" }, prEvent(pr.base, pr.head));
    expect(places(trusting, "warning")).toEqual([]);
  });

  it("with filter-mode added, a violation on an untouched line is not annotated", async () => {
    const repo = shop({ "content/a.md": "这是最好的面膜。\n\n很好的精华。\n" });
    const pr = repo.pullRequest((r) => r.write({ "content/a.md": "这是最好的面膜。\n\n国家级精华。\n" }));
    const added = await runAction(repo.dir, { "filter-mode": "added" }, prEvent(pr.base, pr.head));
    expect(places(added, "error")).toEqual(["content/a.md:3"]);
    expect(added.outputs["errors"]).toBe("1");

    const context = await runAction(repo.dir, { "filter-mode": "diff_context" }, prEvent(pr.base, pr.head));
    expect(places(context, "error")).toEqual(["content/a.md:3", "content/a.md:1"]);

    const file = await runAction(repo.dir, { "filter-mode": "file" }, prEvent(pr.base, pr.head));
    // Changed lines first.
    expect(places(file, "error")).toEqual(["content/a.md:3", "content/a.md:1"]);

    const all = await runAction(repo.dir, { "filter-mode": "nofilter", paths: "content" }, prEvent(pr.base, pr.head));
    expect(all.outputs["errors"]).toBe("2");
  });

  it("files the change did not touch are not linted unless filter-mode is nofilter", async () => {
    const repo = shop({ "content/old.md": "这是最好的面膜。\n", "content/b.md": "很好。\n" });
    const pr = repo.pullRequest((r) => r.write({ "content/b.md": "很好。\n提亮36%。\n" }));
    const run = await runAction(repo.dir, { "fail-level": "warning" }, prEvent(pr.base, pr.head));
    expect(places(run, "error")).toEqual([]);
    expect(places(run, "warning")).toEqual(["content/b.md:2"]);
    expect(run.code).toBe(1);
    expect(run.commands.at(-1)).toBe("::error::adlint found 0 errors and 1 warning (fail-level: warning)");

    const never = await runAction(repo.dir, { "fail-level": "never", "filter-mode": "nofilter" }, prEvent(pr.base, pr.head));
    expect(never.code).toBe(0);
    expect(never.outputs).toMatchObject({ errors: "1", warnings: "1" });
  });

  it("follows renames to the new path and skips deleted and binary files", async () => {
    const repo = shop({
      "content/old name.md": "第一段。\n\n这是最好的面膜。\n",
      "content/gone.md": "国家级品质。\n",
      "content/keep.md": "很好。\n",
    });
    const pr = repo.pullRequest((r) => {
      r.git("mv", "content/old name.md", "content/新 名字.md");
      r.write({
        "content/新 名字.md": "第一段。\n\n这是最好的面膜。\n\n第一品牌。\n",
        "content/gone.md": null,
        "content/logo.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff]),
      });
    });
    const run = await runAction(repo.dir, {}, prEvent(pr.base, pr.head));
    expect(places(run, "error")).toEqual(["content/新 名字.md:5"]);
    expect(run.stdout).not.toContain("gone.md");
    expect(run.stdout).not.toContain("logo.png");
    expect(run.code).toBe(1);
  });

  it("shows 10 errors and 10 warnings, changed lines first, and a notice for the rest", async () => {
    const old = Array.from({ length: 5 }, (_, i) => `旧文案${i}是最好的。`).join("\n");
    const repo = shop({ "content/a.md": `${old}\n` });
    const added = Array.from({ length: 12 }, (_, i) => `新文案${i}是最佳的。`).join("\n");
    const stats = Array.from({ length: 11 }, (_, i) => `好评率${90 + (i % 9)}%。`).join("\n");
    const pr = repo.pullRequest((r) => r.write({ "content/a.md": `${old}\n${added}\n${stats}\n` }));
    const run = await runAction(repo.dir, { "filter-mode": "file", "fail-level": "never" }, prEvent(pr.base, pr.head));
    expect(run.code).toBe(0);
    const errors = annotations(run, "error");
    expect(errors).toHaveLength(10);
    // All ten on the lines the change added (6-17), none on the old lines 1-5.
    expect(places(run, "error")).toEqual(Array.from({ length: 10 }, (_, i) => `content/a.md:${6 + i}`));
    expect(annotations(run, "warning")).toHaveLength(10);
    const notices = bare(run, "notice");
    expect(notices).toEqual(["::notice::adlint: 8 more findings are not annotated (GitHub shows 10 errors and 10 warnings per step); the job summary lists all 28."]);
    expect(run.outputs).toMatchObject({ errors: "17", warnings: "11" });
    // The summary lists every finding.
    expect(run.summary.match(/^\| `content\/a\.md:\d+` \|/gm)).toHaveLength(28);
    expect(run.summary).toContain("| t/absolute | 17 | 0 |");
    expect(run.summary).toContain("| content/a.md | 17 | 11 |");
  });

  it("writes SARIF that validates against the SARIF 2.1.0 schema", async () => {
    const repo = shop({ "content/a.md": "很好。\n" });
    const pr = repo.pullRequest((r) => r.write({ "content/a.md": "很好。\n全网第一，提亮36%。\n" }));
    const run = await runAction(repo.dir, { "sarif-file": "reports/adlint.sarif" }, prEvent(pr.base, pr.head));
    expect(run.outputs["sarif-file"]).toBe(join(repo.dir, "reports/adlint.sarif"));
    const log = JSON.parse(readFileSync(join(repo.dir, "reports/adlint.sarif"), "utf8"));
    expect(sarifErrors(log)).toBe("No errors");
    expect(log.runs[0].tool.driver.informationUri).toBe("https://github.com/shop/copy");
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(["t/absolute", "t/stat"]);
    expect(log.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "content/a.md", uriBaseId: "%SRCROOT%" },
      region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 5 },
    });
  });

  it("needs the base commit to trust its rules: a shallow checkout fails with a hint", async () => {
    const repo = shop({ "content/a.md": "很好。\n" });
    repo.write({ "content/a.md": "最好。\n" }).commit("direct");
    const run = await runAction(repo.dir, {}, { name: "pull_request", payload: { pull_request: { base: { sha: "1".repeat(40) } } } });
    expect(run.code).toBe(1);
    expect(run.commands.at(-1)).toContain("fetch-depth: 2");
  });

  it("rejects an input it does not know", async () => {
    const repo = shop();
    const run = await runAction(repo.dir, { "fail-level": "sometimes" }, { name: "push", payload: {} });
    expect(run.code).toBe(1);
    expect(run.commands.at(-1)).toBe('::error::adlint: input fail-level must be one of error, warning, never, not "sometimes"');
  });
});

describe.concurrent("pushes", () => {
  it("compares with `before` and trusts the checkout's config", async () => {
    const repo = shop({ "content/a.md": "最好。\n" });
    const before = repo.git("rev-parse", "HEAD").trim();
    repo.write({ "content/a.md": "最好。\n国家级。\n", "packs/our.yaml": packWithout("stat") }).commit("push");
    const run = await runAction(repo.dir, {}, { name: "push", payload: { before, after: repo.git("rev-parse", "HEAD").trim() } });
    expect(places(run, "error")).toEqual(["content/a.md:2"]);
    expect(run.summary).toContain("规则取自 head");
    expect(run.commands.filter((c) => c.startsWith("::notice"))).toEqual([]);
  });

  it("lints everything when there is no base (a new branch)", async () => {
    const repo = shop({ "content/a.md": "最好。\n" });
    const run = await runAction(repo.dir, {}, { name: "push", payload: { before: "0".repeat(40) } });
    expect(places(run, "error")).toEqual(["content/a.md:1"]);
  });
});

describe.concurrent("baseline", () => {
  const baseline = (count: number) => `${JSON.stringify({ "content/a.md": { "t/absolute": { count } } }, null, 2)}\n`;

  it("reports only what goes beyond the base commit's baseline", async () => {
    const repo = shop({ "content/a.md": "最好的面膜。\n", "adlint-baseline.json": baseline(1) });
    const pr = repo.pullRequest((r) => r.write({ "content/a.md": "最好的面膜。\n国家级精华。\n" }));
    const run = await runAction(repo.dir, { baseline: "adlint-baseline.json", "filter-mode": "file" }, prEvent(pr.base, pr.head));
    expect(run.outputs["errors"]).toBe("1");
    expect(places(run, "error")).toEqual(["content/a.md:2"]);
    expect(run.summary).toContain("基线已接受 1 个已知问题");
  });

  it("a change cannot raise its own allowance: the baseline is read from the base commit", async () => {
    const repo = shop({ "content/a.md": "最好的面膜。\n", "adlint-baseline.json": baseline(1) });
    const pr = repo.pullRequest((r) => r.write({ "content/a.md": "最好的面膜。\n国家级精华。\n", "adlint-baseline.json": baseline(5) }));
    const run = await runAction(repo.dir, { baseline: "adlint-baseline.json" }, prEvent(pr.base, pr.head));
    expect(run.code).toBe(1);
    expect(run.outputs["errors"]).toBe("1");
  });
});

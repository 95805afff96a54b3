// Changed lines read from real `git diff` output: edits, new files, renames
// (with and without edits), deletions, binary files, unusual paths, and hunk
// bodies that look like headers. And `adlint rules diff` between revisions.
import { readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { changedLines, diffRevisions, parseDiff, unquotePath } from "../src/git/diff.js";
import { diffRules } from "../src/git/rules-diff.js";
import { cleanUp, cliTempDir, PACK, Repo, runCli } from "./fixtures/action/repo.js";

afterAll(cleanUp);

describe("git diff", () => {
  it("finds the added lines of every kind of change", async () => {
    const repo = new Repo().write({
      "edit.md": "一\n二\n三\n四\n五\n",
      "moved.md": "甲\n乙\n丙\n丁\n戊\n己\n",
      "moved-and-edited.md": "子\n丑\n寅\n卯\n辰\n巳\n午\n未\n",
      "gone.md": "再见\n",
      "logo.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
    });
    const base = repo.commit("base");
    repo.git("mv", "moved.md", "搬走 了.md");
    repo.git("mv", "moved-and-edited.md", 'say "hi".md');
    repo.write({
      "edit.md": "一\n二改\n三\n四\n五\n六\n",
      'say "hi".md': "子\n丑\n寅\n卯\n辰\n巳\n午\n未\n++ 加号开头\n",
      "gone.md": null,
      "new.txt": "甲\n乙",
      "logo.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 9, 9]),
    });
    repo.commit("change");
    const changes = await diffRevisions(base, "HEAD", repo.dir);
    const byPath = Object.fromEntries(changes.map((c) => [c.path, { status: c.status, binary: c.binary, added: [...c.added], oldPath: c.oldPath }]));
    expect(byPath).toEqual({
      "edit.md": { status: "modified", binary: false, added: [2, 6], oldPath: undefined },
      "搬走 了.md": { status: "renamed", binary: false, added: [], oldPath: "moved.md" },
      'say "hi".md': { status: "renamed", binary: false, added: [9], oldPath: "moved-and-edited.md" },
      "gone.md": { status: "deleted", binary: false, added: [], oldPath: undefined },
      "new.txt": { status: "added", binary: false, added: [1, 2], oldPath: undefined },
      "logo.png": { status: "modified", binary: true, added: [], oldPath: undefined },
    });
    const lines = changedLines(changes);
    expect([...lines.keys()].sort()).toEqual(["edit.md", "new.txt", 'say "hi".md', "搬走 了.md"]);
  });

  it("reads a hunk body line that looks like a header as content", () => {
    const patch = [
      "diff --git a/a.md b/a.md",
      "--- a/a.md",
      "+++ b/a.md",
      "@@ -1 +1,2 @@",
      "-+++ old",
      "++++ b/evil.md",
      "+--- a/x",
      "\\ No newline at end of file",
      "@@ -9,0 +10 @@",
      "+十",
      "",
    ].join("\n");
    expect(parseDiff(patch)).toEqual([{ path: "a.md", status: "modified", binary: false, added: new Set([1, 2, 10]) }]);
  });

  it.each([
    ['"tab\\there.md"', "tab\there.md"],
    ['"\\346\\226\\207.md"', "文.md"],
    ['"q\\"uote\\\\.md"', 'q"uote\\.md'],
    ["plain.md", "plain.md"],
  ])("unquotes %s", (quoted, path) => {
    expect(unquotePath(quoted)).toBe(path);
  });
});

describe("rules diff", () => {
  it("names removed, lowered, added and raised rules", () => {
    const rules = (entries: [string, "off" | "warn" | "error"][]) => new Map(entries.map(([id, level]) => [id, { level, law: `law of ${id}` }]));
    const diff = diffRules(
      rules([["p/gone", "error"], ["p/down", "error"], ["p/same", "warn"], ["p/up", "off"], ["p/was-off", "off"]]),
      rules([["p/down", "warn"], ["p/same", "warn"], ["p/up", "error"], ["p/new", "warn"]]),
    );
    expect(diff).toMatchObject({
      removed: [{ id: "p/gone", from: "error" }],
      lowered: [{ id: "p/down", from: "error", to: "warn" }],
      added: [{ id: "p/new", to: "warn" }],
      raised: [{ id: "p/up", from: "off", to: "error" }],
    });
  });

  it("adlint rules diff BASE HEAD compares the configs and packs of two commits", async () => {
    const repo = new Repo().write({ "adlint.config.yaml": "packs: [./packs/our.yaml]\n", "packs/our.yaml": PACK });
    const base = repo.commit("base");
    repo.write({
      "adlint.config.yaml": "packs: [./packs/our.yaml]\nrules:\n  t/stat: off\n  t/flash-sale: error\n",
      "packs/our.yaml": PACK.replace("  - id: absolute\n", "  - id: absolute-renamed\n"),
    });
    // Uncommitted edits are not HEAD's: only committed rules count.
    const unchanged = await runCli(repo.dir, "rules", "diff", base, "HEAD");
    expect(unchanged).toEqual({ code: 0, stdout: "", stderr: "" });
    repo.commit("loosen");
    const r = await runCli(repo.dir, "rules", "diff", base, "HEAD");
    expect(r.stdout.split("\n")).toEqual([
      "- t/absolute (error) removed  广告法第九条第三项",
      "v t/stat warn -> off  广告法第十一条",
      "+ t/absolute-renamed (error) added  广告法第九条第三项",
      "^ t/flash-sale off -> error  广告法第八条",
      "",
    ]);
    expect(r.code).toBe(1);
    const json = await runCli(repo.dir, "rules", "diff", base, "HEAD", "--format", "json");
    expect(JSON.parse(json.stdout)).toMatchObject({ base, head: "HEAD", removed: [{ id: "t/absolute" }] });
    const bad = await runCli(repo.dir, "rules", "diff", "no-such-revision", "HEAD");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no revision "no-such-revision"');
    // Each revision's rules were copied out of git to be read, and the copies removed.
    expect(readdirSync(cliTempDir())).toEqual([]);
  });
});

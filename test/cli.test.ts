// The built command, spawned in real directories: exit codes, formats,
// options, file discovery and decoding, as a user meets them.
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "./helpers/lint.js";
import { tree } from "./helpers/tree.js";
import { adlint } from "./helpers/cli.js";

const PACK = readFileSync(`${FIXTURES}packs/basic.yaml`, "utf8");

/** A project using the test pack, with `files` beside its config. */
function project(files: Record<string, string | Uint8Array> = {}, config = ""): string {
  return tree({ "adlint.config.yaml": `packs: [./packs/basic.yaml]\n${config}`, "packs/basic.yaml": PACK, ...files });
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe.concurrent("exit codes", () => {
  it("0 and no output for clean copy", async () => {
    const r = await adlint(project({ "a.md": "很好的面膜\n", "b.txt": "第一步洗脸\n" }));
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("1 with errors, listed per file", async () => {
    const r = await adlint(project({ "a.md": "# 标题\n\n这是最佳的面膜\n" }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("a.md\n");
    expect(r.stdout).toMatch(/^ {2}3:3 {2}错误 {2}「最佳」属于绝对化用语（广告法第九条第三项） {2}t\/absolute$/m);
    expect(r.stdout).toContain("✖ 共 1 个问题（1 个错误，0 个警告）");
  });

  it("0 with warnings only", async () => {
    const r = await adlint(project({ "a.txt": "提升36%\n" }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("t/stat");
  });

  it("2 for a malformed pack, with file:line:col and no stack trace", async () => {
    const root = tree({
      "adlint.config.yaml": "packs: [./packs/broken.yaml]\n",
      "packs/broken.yaml": readFileSync(`${FIXTURES}packs/broken.yaml`, "utf8"),
      "a.md": "最佳\n",
    });
    const r = await adlint(root);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`adlint: ${join(root, "packs/broken.yaml")}:5:12: rule broken/absolute: level must be one of off, warn, error, not "fatal"\n`);
    noStack(r.stderr);
  });

  it("2 for a malformed config, with file:line:col", async () => {
    const root = project({ "a.md": "最佳\n" }, "rules:\n  t/absolute: loud\n");
    const r = await adlint(root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`adlint: ${join(root, "adlint.config.yaml")}:3:15: rules.t/absolute must be one of off, warn, error, not "loud"\n`);
  });

  it("2 for an unknown option", async () => {
    const r = await adlint(project(), "--bogus");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^adlint: Unknown option '--bogus'.*\(see adlint --help\)\n$/);
    noStack(r.stderr);
  });

  it.each([
    [["--format", "xml"], '--format must be one of stylish, json, unix, sarif, github, checkstyle, junit, not "xml"'],
    [["--max-warnings", "many"], '--max-warnings takes a whole number, not "many"'],
    [["--rule", "absolute=off"], '--rule takes pack/rule=off|warn|error, not "absolute=off"'],
    [["--rule", "t/nope=off"], '--rule: no loaded pack defines "t/nope"'],
    [["--locale", "fr"], '--locale must be zh or en, not "fr"'],
    [["nothing-here.md"], 'no files match "nothing-here.md"'],
  ])("2 for %j", async (args, message) => {
    const r = await adlint(project({ "a.md": "很好\n" }), ...args);
    expect(r).toEqual({ code: 2, stdout: "", stderr: `adlint: ${message}\n` });
  });
});

describe.concurrent("formats and options", () => {
  const files = { "a.md": "这是最好的面膜，提升36%\n", "b.txt": "第一名\n" };

  it("--format json has ESLint's shape", async () => {
    const root = project(files);
    const r = await adlint(root, "--format", "json");
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as unknown[];
    expect(results).toEqual([
      {
        filePath: join(root, "a.md"),
        messages: [
          {
            ruleId: "t/absolute",
            severity: 2,
            message: "「最好」属于绝对化用语（广告法第九条第三项）",
            law: "广告法第九条第三项",
            line: 1,
            column: 3,
            endLine: 1,
            endColumn: 5,
            range: [2, 4],
            fix: { range: [2, 4], text: "很好" },
          },
          {
            ruleId: "t/stat",
            severity: 1,
            message: "数据「36%」需注明出处（广告法第十一条）",
            law: "广告法第十一条",
            line: 1,
            column: 11,
            endLine: 1,
            endColumn: 14,
            range: [10, 13],
          },
        ],
        errorCount: 1,
        warningCount: 1,
        fixableErrorCount: 1,
        fixableWarningCount: 0,
      },
      {
        filePath: join(root, "b.txt"),
        messages: [expect.objectContaining({ ruleId: "t/absolute", line: 1, column: 1, endLine: 1, endColumn: 3 })],
        errorCount: 1,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });

  it("--format json prints [] for clean copy", async () => {
    const r = await adlint(project({ "a.md": "很好\n" }), "-f", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ filePath: expect.any(String), messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 }]);
  });

  it("--format unix prints one line per problem", async () => {
    const r = await adlint(project(files), "--format", "unix");
    expect(r.stdout).toBe(
      [
        "a.md:1:3: 「最好」属于绝对化用语（广告法第九条第三项） [Error/t/absolute]",
        "a.md:1:11: 数据「36%」需注明出处（广告法第十一条） [Warning/t/stat]",
        "b.txt:1:1: 「第一」属于绝对化用语（广告法第九条第三项） [Error/t/absolute]",
        "",
        "3 problems",
        "",
      ].join("\n"),
    );
  });

  it("--quiet reports errors only", async () => {
    const r = await adlint(project(files), "--quiet", "-f", "unix");
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("t/stat");
    expect(r.stdout).toContain("2 problems");
    expect(await adlint(project({ "a.txt": "提升36%\n" }), "--quiet")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--max-warnings fails when warnings exceed it", async () => {
    const root = project({ "a.txt": "提升36%，好评99%\n" });
    const over = await adlint(root, "--max-warnings", "1");
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("adlint 发现 2 个警告，超过 --max-warnings 1。\n");
    expect((await adlint(root, "--max-warnings", "2")).code).toBe(0);
    expect((await adlint(root, "--max-warnings=-1")).code).toBe(0);
  });

  it("--rule turns a rule off or on", async () => {
    const root = project(files);
    const off = await adlint(root, "--rule", "t/absolute=off", "-f", "unix");
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain("t/absolute");
    const on = await adlint(project({ "a.txt": "限时秒杀\n" }), "--rule", "t/flash-sale=warn", "-f", "unix");
    expect(on.stdout).toContain("a.txt:1:3: 「秒杀」须写明期限（广告法第八条） [Warning/t/flash-sale]");
  });

  it("--locale en writes English messages and summary", async () => {
    const r = await adlint(project({ "a.md": "最佳面膜\n" }), "--locale", "en");
    expect(r.stdout).toContain('"最佳" is an absolute term (广告法第九条第三项)');
    expect(r.stdout).toContain("✖ 1 problem (1 error, 0 warnings)");
  });

  it("--pack adds a pack to the config's", async () => {
    const root = project({ "a.txt": "顶级面料\n", "extra.yaml": "pack: extra\nrules:\n  - id: top\n    kind: term\n    level: error\n    law: 第九条\n    message: 「{match}」\n    terms: [顶级]\n" });
    expect((await adlint(root, "--pack", "./extra.yaml", "-f", "unix")).stdout).toContain("a.txt:1:1: 「顶级」（第九条） [Error/extra/top]");
  });

  it("lints only the paths and globs it is given", async () => {
    const root = project({ "a.md": "最佳\n", "docs/b.md": "最好\n", "docs/c.txt": "第一\n" });
    expect((await adlint(root, "-f", "unix", "docs")).stdout).toMatch(/^docs\/b\.md:1:1: .*\ndocs\/c\.txt:1:1: /);
    expect((await adlint(root, "-f", "unix", "**/*.txt")).stdout).toMatch(/^docs\/c\.txt:1:1: [^\n]*\n\n1 problem\n$/);
  });
});

describe.concurrent("rules commands", () => {
  it("rules test passes a pack whose examples hold", async () => {
    const r = await adlint(project(), "rules", "test");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("规则: 4, 示例: 24\n24 passed, 0 failed\n");
  });

  it("rules test exits 1 and names each broken example", async () => {
    const root = tree({ "shaky.yaml": readFileSync(`${FIXTURES}packs/failing-examples.yaml`, "utf8") });
    const r = await adlint(root, "rules", "test", "./shaky.yaml", "--locale", "en");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        './shaky.yaml:10: shaky/absolute: invalid example not flagged: "这款最好"',
        './shaky.yaml:11: shaky/absolute: duplicate example: "最佳选择"',
        './shaky.yaml:11: shaky/absolute: valid example flagged: "最佳选择"',
        "    「最佳」属于绝对化用语（广告法第九条第三项）",
        "rules: 1, examples: 4",
        "2 passed, 2 failed",
        "",
      ].join("\n"),
    );
  });

  it("rules test exits 2 for a malformed pack", async () => {
    const root = tree({ "broken.yaml": readFileSync(`${FIXTURES}packs/broken.yaml`, "utf8") });
    const r = await adlint(root, "rules", "test", "./broken.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('adlint: ./broken.yaml:5:12: rule broken/absolute: level must be one of off, warn, error, not "fatal"\n');
  });

  it("rules list shows each rule with its level, kind and law", async () => {
    const r = await adlint(project(), "rules", "list", "--locale", "en");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("t 1.0.0  测试用规则包");
    expect(lines).toContain(`  ${"t/absolute".padEnd(40)} error term    广告法第九条第三项`);
    expect(lines).toContain('      "{match}" is an absolute term');
    expect(lines).toContain(`  ${"t/flash-sale".padEnd(40)} off   term    广告法第八条`);
  });

  it("rejects an unknown rules subcommand", async () => {
    expect(await adlint(project(), "rules", "run")).toEqual({ code: 2, stdout: "", stderr: 'adlint: "adlint rules" takes test, list, docs or diff, not "run"\n' });
  });
});

describe.concurrent("finding files", () => {
  it("honours .gitignore and never enters node_modules or .git", async () => {
    const root = project({
      ".gitignore": "drafts/\n*.draft.md\n",
      "drafts/a.md": "最佳\n",
      "b.draft.md": "最佳\n",
      "node_modules/pkg/readme.md": "最佳\n",
      ".git/notes.md": "最佳\n",
      "docs/.gitignore": "old.md\n",
      "docs/old.md": "最佳\n",
      "docs/new.md": "最好\n",
      "c.md": "第一\n",
    });
    expect((await adlint(root, "-f", "unix")).stdout).toBe(
      "c.md:1:1: 「第一」属于绝对化用语（广告法第九条第三项） [Error/t/absolute]\n" +
        "docs/new.md:1:1: 「最好」属于绝对化用语（广告法第九条第三项） [Error/t/absolute]\n\n2 problems\n",
    );
  });

  it("lints a file named on the command line even when it is ignored", async () => {
    const root = project({ ".gitignore": "drafts/\n", "drafts/a.md": "最佳\n" });
    expect((await adlint(root, "-f", "unix", "drafts/a.md")).stdout).toContain("drafts/a.md:1:1:");
  });

  it("skips files of formats it does not read", async () => {
    expect((await adlint(project({ "a.csv": "最佳\n", "b.png": "最佳\n" }))).code).toBe(0);
  });
});

describe.concurrent("decoding", () => {
  const unix = (files: Record<string, string | Uint8Array>, ...args: string[]) => adlint(project(files), "-f", "unix", ...args);

  it("reads GBK bytes", async () => {
    // 这是最佳 in GBK, then a newline.
    const r = await unix({ "a.txt": new Uint8Array([0xd5, 0xe2, 0xca, 0xc7, 0xd7, 0xee, 0xbc, 0xd1, 0x0a]) });
    expect(r.stdout).toContain("a.txt:1:3: 「最佳」属于绝对化用语");
  });

  it("reads UTF-16 LE with a BOM", async () => {
    const r = await unix({ "a.md": new Uint8Array(Buffer.from("\ufeff# 标题\r\n\r\n这是最佳\r\n", "utf16le")) });
    expect(r.stdout).toContain("a.md:3:3: 「最佳」属于绝对化用语");
  });

  it("reads UTF-16 BE with a BOM", async () => {
    const le = Buffer.from("\ufeff这是最佳\n", "utf16le");
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect((await unix({ "a.txt": be })).stdout).toContain("a.txt:1:3: 「最佳」属于绝对化用语");
  });

  it("reads UTF-8 with a BOM, counting columns after it", async () => {
    const r = await unix({ "a.md": "\ufeff最佳面膜\n" });
    expect(r.stdout).toContain("a.md:1:1: 「最佳」属于绝对化用语");
  });

  it("reports bytes that are no known encoding as a fatal problem naming it", async () => {
    const r = await unix({ "a.txt": new Uint8Array([0xe6, 0x9c, 0x80, 0xff, 0xff, 0x0a]) }, "--locale", "en");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("a.txt:1:1: cannot decode the file: it is neither UTF-8, UTF-16 with a BOM, nor GB18030/GBK [Error]\n\n1 problem\n");
  });

  it("skips a binary file with a warning", async () => {
    const r = await unix({ "a.txt": new Uint8Array([0x41, 0x00, 0x42]) }, "--locale", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("a.txt:1:1: file skipped: it is a binary file (it contains NUL bytes) [Warning]");
  });

  it("walks a folder that links back to itself without looping or failing", async () => {
    const root = project({ "copy/a.md": "最佳面膜\n" });
    symlinkSync(join(root, "copy"), join(root, "copy", "loop"));
    mkdirSync(join(root, "copy", "sub"));
    const r = await adlint(root, "-f", "unix", "copy");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("copy/a.md:1:1: 「最佳」属于绝对化用语");
    noStack(r.stderr);
  });

  it("says why a file cannot be decoded in the message's own language", async () => {
    const r = await unix({ "a.txt": new Uint8Array([0x41, 0x00, 0x42]) });
    expect(r.stdout).toContain("a.txt:1:1: 已跳过：这是二进制文件（含 NUL 字节） [Warning]");
  });

  // Permission bits do not stop root from reading, so as root this case cannot be set up.
  it.skipIf(process.getuid?.() === 0)("warns about a file it cannot read, naming it (skipped as root)", async () => {
    const root = project({ "a.md": "最佳\n" });
    chmodSync(join(root, "a.md"), 0o000);
    const r = await adlint(root, "-f", "unix", "--locale", "en", "a.md");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("a.md:1:1: file skipped: cannot read a.md (EACCES) [Warning]");
  });

  it.skipIf(process.getuid?.() === 0)("warns about a folder it cannot read, naming it, and lints the rest (skipped as root)", async () => {
    const root = project({ "copy/a.md": "最佳\n", "locked/b.md": "最佳\n" });
    chmodSync(join(root, "locked"), 0o000);
    const r = await adlint(root, "-f", "unix", "--locale", "en", ".");
    chmodSync(join(root, "locked"), 0o755);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("copy/a.md:1:1:");
    expect(r.stdout).toContain("locked:1:1: file skipped: cannot read locked (EACCES) [Warning]");
    noStack(r.stderr);
  });
});

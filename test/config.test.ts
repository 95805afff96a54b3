// adlint.config.yaml in real directories: found upward, packs resolved from
// its folder, channels by glob, rule levels, and errors with file:line:col.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig, loadConfig, parseConfig } from "../src/config/config.js";
import { lint } from "../src/lint.js";
import { builtinPackNames } from "../src/packs/registry.js";
import { openProject } from "../src/project.js";
import { FIXTURES } from "./helpers/lint.js";
import { tree as makeTree } from "./helpers/tree.js";
import { refusal } from "./helpers/refusal.js";

// Config may only name packs inside its repository, so each tree carries its own copy of the test pack.
const PACK = "./basic.yaml";
const PACK_TEXT = readFileSync(`${FIXTURES}packs/basic.yaml`, "utf8");
const tree = (files: Record<string, string | Uint8Array>) => makeTree({ "basic.yaml": PACK_TEXT, ...files });

/** Lints a tree and lists `file:line:column ruleId severity` for each message. */
async function run(root: string, patterns: string[] = ["."]): Promise<string[]> {
  const results = await lint(patterns, { cwd: root });
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.ruleId} ${m.severity}`));
}

describe("finding the config", () => {
  it("walks up from a nested directory to the nearest config", () => {
    const root = tree({
      "adlint.config.yaml": `packs: [${PACK}]\n`,
      "a/b/c/copy.md": "最佳\n",
      "x/adlint.config.yml": `packs: [${PACK}]\nrules:\n  t/absolute: warn\n`,
      "x/basic.yaml": PACK_TEXT,
      "x/y/copy.md": "最佳\n",
    });
    expect(findConfig(join(root, "a/b/c"))).toBe(join(root, "adlint.config.yaml"));
    expect(findConfig(join(root, "x/y"))).toBe(join(root, "x/adlint.config.yml"));
    expect(openProject({ cwd: join(root, "a/b/c") }).config.file).toBe(join(root, "adlint.config.yaml"));
  });

  it("resolves pack paths from the config's folder, not the working directory", async () => {
    const root = tree({
      "adlint.config.yaml": "packs: [./rules/mine.yaml]\n",
      "rules/mine.yaml": "pack: mine\nrules:\n  - id: top\n    kind: term\n    level: error\n    law: 第九条\n    message: 「{match}」\n    terms: [顶级]\n",
      "docs/deep/copy.txt": "顶级面料\n",
    });
    const results = await lint(["copy.txt"], { cwd: join(root, "docs/deep") });
    expect(results.map((r) => r.messages.map((m) => [m.ruleId, m.line, m.column]))).toEqual([[["mine/top", 1, 1]]]);
  });

  it("reads an empty config as the defaults", () => {
    const config = parseConfig("/p/adlint.config.yaml", "");
    expect(config).toMatchObject({ file: "/p/adlint.config.yaml", root: "/p", packs: builtinPackNames(), channels: [], ignore: [] });
    expect(config.packs).toEqual(["ad-law", "platform", "pricing", "privacy"]);
  });
});

describe("channels", () => {
  const files = {
    "adlint.config.yaml": `packs: [${PACK}]\nchannels:\n  "sms/**": sms\n  "push/*.txt": push\n`,
    "sms/a.md": "今天免费领面膜\n",
    "sms/b.md": "---\nchannel: poster\n---\n今天免费领面膜\n",
    "sms/deep/c.txt": "免费领好礼\n",
    "web/d.md": "---\nchannel: sms\n---\n免费领好礼\n",
    "web/e.md": "免费领好礼\n",
    "push/f.txt": "免费领好礼\n",
  };

  it("come from globs, and front matter wins over them", async () => {
    expect(await run(tree(files))).toEqual(["sms/a.md:1:3 t/free-gift 1", "sms/deep/c.txt:1:1 t/free-gift 1", "web/d.md:4:1 t/free-gift 1"]);
  });

  it("are what Project.channelOf reports for a path", () => {
    const root = tree(files);
    const project = openProject({ cwd: root });
    expect(project.channelOf(join(root, "sms/deep/c.txt"))).toBe("sms");
    expect(project.channelOf(join(root, "push/f.txt"))).toBe("push");
    expect(project.channelOf(join(root, "push/deep/f.txt"))).toBeUndefined();
    expect(project.channelOf(join(root, "web/e.md"))).toBeUndefined();
  });
});

describe("YAML and JSON content", () => {
  const files = {
    "adlint.config.yaml": `packs: [${PACK}]\ncontent: ["copy/**/*.yaml", "copy/**/*.json"]\nchannelField: 投放渠道\n`,
    "copy/push.yaml": "投放渠道: sms\n标题: 免费领好礼\n",
    "copy/web.json": '{ "标题": "免费领好礼" }\n',
    "copy/poster.yaml": "投放渠道: poster\n标题: 免费领好礼\n",
    "package.json": '{ "description": "免费领好礼，最佳" }\n',
    "ci.yaml": "name: 最佳\n",
  };

  it("lints only data files the content globs name, with the channel from the named field", async () => {
    expect(await run(tree(files))).toEqual(["copy/push.yaml:2:5 t/free-gift 1"]);
  });

  it("always lints a data file named on the command line", async () => {
    expect(await run(tree(files), ["ci.yaml"])).toEqual(["ci.yaml:1:7 t/absolute 2"]);
  });
});

describe("rule levels", () => {
  const copy = "最佳面膜限时秒杀，提升36%\n";

  it.each([
    ["the pack's levels", "", ["1:1 t/absolute 2", "1:12 t/stat 1"]],
    ["off", "  t/absolute: off\n", ["1:12 t/stat 1"]],
    ["warn", "  t/absolute: warn\n", ["1:1 t/absolute 1", "1:12 t/stat 1"]],
    ["error", "  t/stat: error\n", ["1:1 t/absolute 2", "1:12 t/stat 2"]],
    ["a rule that is off by default turned on", "  t/flash-sale: error\n", ["1:1 t/absolute 2", "1:7 t/flash-sale 2", "1:12 t/stat 1"]],
  ])("%s", async (_name, rules, expected) => {
    const root = tree({ "adlint.config.yaml": `packs: [${PACK}]\n${rules ? `rules:\n${rules}` : ""}`, "copy.txt": copy });
    expect((await run(root)).map((line) => line.replace(/^copy\.txt:/, ""))).toEqual(expected);
  });

  it("from the caller override the config", async () => {
    const root = tree({ "adlint.config.yaml": `packs: [${PACK}]\nrules:\n  t/absolute: off\n`, "copy.txt": copy });
    const results = await lint(["."], { cwd: root, rules: { "t/absolute": "warn", "t/stat": "off" } });
    expect(results[0]!.messages.map((m) => [m.ruleId, m.severity])).toEqual([["t/absolute", 1]]);
  });

  it("refuse a rule id no pack defines, pointing at it in the config", () => {
    const root = tree({ "adlint.config.yaml": `packs: [${PACK}]\nrules:\n  t/absolute: warn\n  t/nope: off\n` });
    const e = refusal(() => openProject({ cwd: root }));
    expect(e.format()).toBe(`${join(root, "adlint.config.yaml")}:4:3: rules: no loaded pack defines "t/nope"`);
  });
});

describe("ignore", () => {
  it("skips files the config ignores", async () => {
    const root = tree({
      "adlint.config.yaml": `packs: [${PACK}]\nignore: ["drafts/**", "*.txt"]\n`,
      "drafts/a.md": "最佳\n",
      "b.txt": "最佳\n",
      "c.md": "最佳\n",
    });
    expect(await run(root)).toEqual(["c.md:1:1 t/absolute 2"]);
  });
});

describe("malformed config", () => {
  // [case, config text, line, column, message]
  const table: Array<[string, string, number, number, string]> = [
    ["unknown key, with a suggestion", "pakcs: [ad-law]\n", 1, 1, 'config: unknown key "pakcs" (did you mean "packs"?)'],
    ["bad level", "rules:\n  t/absolute: fatal\n", 2, 15, 'rules.t/absolute must be one of off, warn, error, not "fatal"'],
    ["not a rule id", "rules:\n  absolute: off\n", 2, 3, 'rules: "absolute" is not a rule id (pack/rule)'],
    ["rules that are a list", "rules: [t/absolute]\n", 1, 8, "rules must be a mapping"],
    ["channels that are a list", "channels: [sms]\n", 1, 11, "channels must be a mapping"],
    ["a channel that is not a string", 'channels:\n  "sms/**": [sms]\n', 2, 13, 'channels."sms/**" must be a non-empty string'],
    ["bad locale", "locale: fr\n", 1, 9, "locale must be one of zh, en, not \"fr\""],
    ["packs of the wrong type", "packs: {a: 1}\n", 1, 8, "packs must be a list"],
    ["a config that is a list", "- packs\n", 1, 1, "adlint config must be a mapping"],
    ["YAML syntax error", "packs: [a\nrules: {}\n", 2, 1, "invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"],
    ["alias", "ignore: &x [a]\nlocale: *x\n", 2, 9, "YAML aliases are not allowed in adlint files"],
  ];

  it.each(table)("%s", (_name, text, line, column, message) => {
    const root = tree({ "adlint.config.yaml": text });
    const file = join(root, "adlint.config.yaml");
    const e = refusal(() => loadConfig(file));
    expect(e.location).toEqual({ file, line, column });
    expect(e.format()).toBe(`${file}:${line}:${column}: ${message}`);
  });
});

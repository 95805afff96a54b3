// Packs, configs and evidence registries are data a pull request can change,
// so each malformed or hostile one is refused with a message that says what is
// wrong, at its file, line and column, and the command exits 2 without a stack.
// (More malformed packs and configs are in packs.test.ts and config.test.ts.)
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.js";
import { parseEvidence } from "../src/evidence/registry.js";
import { parsePack } from "../src/packs/load.js";
import { FIXTURES } from "./helpers/lint.js";
import { tree } from "./helpers/tree.js";
import { adlint } from "./helpers/cli.js";
import { refusal } from "./helpers/refusal.js";

const PACK = readFileSync(`${FIXTURES}packs/basic.yaml`, "utf8");

/** A pack with one rule whose body is `body` (indented four spaces, one key per line). */
const oneRule = (body: string) => `pack: t\nrules:\n  - id: a\n${body.replace(/^/gm, "    ")}\n`;
const pattern = (p: string) => oneRule(`kind: pattern\nlevel: error\nlaw: 第九条\nmessage: m\npatterns: ['${p}']`);

/** A document whose aliases would expand to 10^9 strings if anything resolved them. */
const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ..."bcdefghi".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(",")}]`),
].join("\n");

describe("hostile and malformed packs", () => {
  // [case, pack text, message, line, column]
  const table: Array<[string, string, string, number, number]> = [
    ["billion laughs", `pack: t\n${BILLION_LAUGHS}\nrules: []\n`, "YAML aliases are not allowed in adlint files", 3, 8],
    ["a !!js/function tag", oneRule("kind: term\nlevel: error\nlaw: !!js/function 'function () { return 1 }'\nmessage: m\nterms: [最佳]"), "YAML tag !!js/function is not allowed in adlint files", 6, 24],
    ["a !!python/object tag", "pack: !!python/object:os.system t\nrules: []\n", "YAML tag !!python/object:os.system is not allowed in adlint files", 1, 33],
    ["a local tag on a mapping", "pack: t\nrules:\n  - !rule\n    id: a\n", "YAML tag !rule is not allowed in adlint files", 4, 5],
    ["a !!binary tag", oneRule("kind: term\nlevel: error\nlaw: 第九条\nmessage: !!binary 5pyA5L2z\nterms: [最佳]"), "YAML tag !!binary is not allowed in adlint files", 7, 23],
    ["a merge key", "pack: t\nbase: &b {kind: term}\nrules:\n  - <<: *b\n", "YAML aliases are not allowed in adlint files", 4, 9],
    ["overlapping alternatives under a repeat", pattern("(a|aa)+"), "rule t/a: patterns: unsafe regular expression /(a|aa)+/: a repeated group has alternatives that can start with the same character, which can backtrack exponentially (at character 7)", 8, 16],
    ["overlapping digit alternatives", pattern("(\\d|\\d\\d)+元"), "rule t/a: patterns: unsafe regular expression /(\\d|\\d\\d)+元/: a repeated group has alternatives that can start with the same character, which can backtrack exponentially (at character 10)", 8, 16],
    ["two overlapping repeats in a repeated group", pattern("(\\d+\\d+，)+"), "rule t/a: patterns: unsafe regular expression /(\\d+\\d+，)+/: a repeated group holds two repetitions that can match the same characters, which can backtrack exponentially (at character 10)", 8, 16],
    ["the measured statistic pattern", pattern("(?:[0-9０-９]+\\s?)+[%％]\\s*有效"), "rule t/a: patterns: unsafe regular expression /(?:[0-9０-９]+\\s?)+[%％]\\s*有效/: a repeated group contains another repetition, which can backtrack exponentially (at character 17)", 8, 16],
    ["a nested repeat written in full-width characters", pattern("（ａ＋）＋"), "rule t/a: patterns: unsafe regular expression /（ａ＋）＋/: a repeated group contains another repetition, which can backtrack exponentially (at character 5)", 8, 16],
    ["a pattern that only breaks once folded", pattern("最（佳"), "rule t/a: patterns: invalid regular expression /最（佳/: Unterminated group", 8, 16],
    ["a repeat inside a lookahead", pattern("最(?=(a+)+)"), "rule t/a: patterns: unsafe regular expression /最(?=(a+)+)/: a repeated group contains another repetition, which can backtrack exponentially (at character 9)", 8, 16],
    ["a case-insensitive overlap", pattern("(k|K)+"), "rule t/a: patterns: unsafe regular expression /(k|K)+/: a repeated group has alternatives that can start with the same character, which can backtrack exponentially (at character 6)", 8, 16],
    ["an unsafe allow context", oneRule("kind: term\nlevel: error\nlaw: 第九条\nmessage: m\nterms: [最佳]\nallow: ['(\\s*\\S+)+$']"), "rule t/a: allow: unsafe regular expression /(\\s*\\S+)+$/: a repeated group contains another repetition, which can backtrack exponentially (at character 9)", 9, 13],
    ["an unsafe when", oneRule("kind: require\nlevel: error\nlaw: 第九条\nmessage: m\nrequire: [退订]\nwhen: ['(【|【【)+']"), "rule t/a: when: unsafe regular expression /(【|【【)+/: a repeated group has alternatives that can start with the same character, which can backtrack exponentially (at character 7)", 9, 12],
    ["a back reference under a repeat", pattern("(a)(\\1b)+"), "rule t/a: patterns: unsafe regular expression /(a)(\\1b)+/: a repeated group contains another repetition, which can backtrack exponentially (at character 9)", 8, 16],
    ["a rule that is a string", "pack: t\nrules:\n  - 最佳\n", "a rule must be a mapping", 3, 5],
    ["a rule id that is a number", "pack: t\nrules:\n  - id: 1\n", "id must be a non-empty string", 3, 9],
    ["a null rule", "pack: t\nrules:\n  -\n", "a rule must be a mapping", 3, 4],
  ];

  it.each(table)("%s", (_name, text, message, line, column) => {
    const started = performance.now();
    const e = refusal(() => parsePack("p.yaml", text));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(e.message).toBe(message);
    expect(e.location).toEqual({ file: "p.yaml", line, column });
  });

  it("refuses a billion-laughs pack at once, never expanding it", () => {
    const started = performance.now();
    refusal(() => parsePack("p.yaml", `pack: t\n${BILLION_LAUGHS}\nrules: []\n`));
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("malformed and hostile configs", () => {
  // [case, files besides the config, config text, message, line, column]; `ROOT` stands for the config's folder.
  const table: Array<[string, Record<string, string>, string, string, number, number]> = [
    ["a pack path that climbs out of the repository", {}, "packs: [../shared/pack.yaml]\n", 'packs: "../shared/pack.yaml" is outside the repository (ROOT); config may only name files inside it (give other packs with --pack)', 1, 9],
    ["an absolute pack path", {}, "packs:\n  - /etc/adlint/pack.yaml\n", 'packs: "/etc/adlint/pack.yaml" is outside the repository (ROOT); config may only name files inside it (give other packs with --pack)', 2, 5],
    ["an evidence path outside the repository", {}, "evidence: ../../evidence.yaml\n", 'evidence: "../../evidence.yaml" is outside the repository (ROOT); config may only name files inside it', 1, 11],
    ["an absolute evidence path", {}, "evidence: /etc/passwd\n", 'evidence: "/etc/passwd" is outside the repository (ROOT); config may only name files inside it', 1, 11],
    ["a content glob that climbs out", {}, 'content: ["../**/*.json"]\n', 'content: "../**/*.json" reaches outside the config\'s folder; globs are relative to it and may not climb out with ".." or start at "/"', 1, 11],
    ["an absolute content glob", {}, "content:\n  - /home/**/*.yaml\n", 'content: "/home/**/*.yaml" reaches outside the config\'s folder; globs are relative to it and may not climb out with ".." or start at "/"', 2, 5],
    ["a content glob with .. in the middle", {}, 'content: ["copy/../../x/*.yaml"]\n', 'content: "copy/../../x/*.yaml" reaches outside the config\'s folder; globs are relative to it and may not climb out with ".." or start at "/"', 1, 11],
    ["a maxFileSize that is not a size", {}, "maxFileSize: huge\n", 'maxFileSize must be a size such as 5MB, 512KB or a number of bytes, not "huge"', 1, 14],
    ["a maxFileSize of zero", {}, "maxFileSize: 0\n", 'maxFileSize must be a size such as 5MB, 512KB or a number of bytes, not "0"', 1, 14],
    ["a maxFileSize that is a list", {}, "maxFileSize: [5MB]\n", "maxFileSize must be a size such as 5MB, 512KB or a number of bytes, not that", 1, 14],
    ["a custom tag in a config", {}, "locale: !env LOCALE\n", "YAML tag !env is not allowed in adlint files", 1, 14],
    ["billion laughs in a config", {}, `${BILLION_LAUGHS}\n`, "YAML aliases are not allowed in adlint files", 2, 8],
    ["ignore that is a mapping", {}, "ignore: {a: 1}\n", "ignore must be a list", 1, 9],
    ["channelField that is empty", {}, 'channelField: ""\n', "channelField must be a non-empty string", 1, 15],
    ["a category that is a number", {}, 'categories:\n  "food/**": 1\n', 'categories."food/**" must be a non-empty string', 2, 14],
  ];

  it.each(table)("%s", (_name, files, text, message, line, column) => {
    const root = tree({ "adlint.config.yaml": text, ...files });
    const file = join(root, "adlint.config.yaml");
    const e = refusal(() => loadConfig(file));
    const expected = message.replace("ROOT", root);
    expect(e.message).toBe(expected);
    expect(e.location).toEqual({ file, line, column });
  });

  it("lets config name a pack anywhere inside its repository, above its own folder", () => {
    const root = tree({ ".git/HEAD": "ref: refs/heads/main\n", "rules/mine.yaml": PACK, "site/adlint.config.yaml": "packs: [../rules/mine.yaml]\n" });
    expect(loadConfig(join(root, "site/adlint.config.yaml")).packs).toEqual([join(root, "rules/mine.yaml")]);
  });
});

describe("malformed evidence registries", () => {
  const entry = (extra: string) => `evidence:\n  - id: ev-1\n    kind: statistic\n    supports: [满意度98%]\n    source: 报告${extra}\n`;
  // [case, registry text, message, line, column]
  const table: Array<[string, string, string, number, number]> = [
    ["a registry that is a list", "- id: ev-1\n", "an evidence registry must be a mapping", 1, 1],
    ["no evidence list", "entries: []\n", 'evidence registry: unknown key "entries"', 1, 1],
    ["an empty registry file", "", "an evidence registry must be a mapping", 1, 1],
    ["evidence that is a mapping", "evidence: {a: 1}\n", "evidence must be a list", 1, 11],
    ["an entry that is a string", "evidence:\n  - ev-1\n", "an evidence entry must be a mapping", 2, 5],
    ["an entry without a source", "evidence:\n  - id: ev-1\n    kind: statistic\n    supports: [满意度98%]\n", 'an evidence entry needs "source"', 2, 5],
    ["an unknown kind", entry("").replace("statistic", "rumour"), 'evidence ev-1: kind must be one of statistic, patent, test-report, award, endorsement-contract, other, not "rumour"', 3, 11],
    ["an unknown key", entry("\n    expires: 2025-01-01"), 'evidence entry: unknown key "expires"', 6, 5],
    ["a date that is not a date", entry("\n    validUntil: 2025-13-45"), 'evidence ev-1: validUntil must be a date written YYYY-MM-DD, not "2025-13-45"', 6, 17],
    ["a date written another way", entry("\n    validUntil: 2025/01/01"), 'evidence ev-1: validUntil must be a date written YYYY-MM-DD, not "2025/01/01"', 6, 17],
    ["a patent number with a wrong check character", entry("\n    patent: ZL201910000001.1"), 'evidence ev-1: "ZL201910000001.1" is not a valid Chinese patent number (the check character does not match the digits)', 6, 13],
    ["an alias", "evidence:\n  - &e\n    id: ev-1\n  - *e\n", "YAML aliases are not allowed in adlint files", 4, 5],
    ["a custom tag", entry("").replace("source: 报告", "source: !include report.yaml"), "YAML tag !include is not allowed in adlint files", 5, 22],
    ["an empty supports list item", entry("").replace("[满意度98%]", '[""]'), "evidence ev-1: supports[0] must be a non-empty string", 4, 16],
  ];

  it.each(table)("%s", (_name, text, message, line, column) => {
    const e = refusal(() => parseEvidence("evidence.yaml", text));
    expect(e.message).toBe(message);
    expect(e.location).toEqual({ file: "evidence.yaml", line, column });
  });
});

describe.concurrent("the command refuses bad input with exit 2 and file:line:col", () => {
  // [case, files, args, file named in the message, line, column, message]
  const cases: Array<[string, Record<string, string>, string[], string, number, number, string]> = [
    ["a pack with a !!js/function tag", { "adlint.config.yaml": "packs: [./p.yaml]\n", "p.yaml": "pack: t\nrules: !!js/function 'x'\n" }, [], "p.yaml", 2, 22, "YAML tag !!js/function is not allowed in adlint files"],
    ["a billion-laughs pack", { "adlint.config.yaml": "packs: [./p.yaml]\n", "p.yaml": `pack: t\n${BILLION_LAUGHS}\nrules: []\n` }, [], "p.yaml", 3, 8, "YAML aliases are not allowed in adlint files"],
    ["an exponential pattern", { "adlint.config.yaml": "packs: [./p.yaml]\n", "p.yaml": pattern("(a|aa)+") }, [], "p.yaml", 8, 16, "rule t/a: patterns: unsafe regular expression /(a|aa)+/: a repeated group has alternatives that can start with the same character, which can backtrack exponentially (at character 7)"],
    ["a pack given with --pack that is broken", { "p.yaml": "pack: t\nrules: {}\n" }, ["--pack", "p.yaml"], "=p.yaml", 2, 8, "rules must be a list"],
    ["a config naming a pack outside the repository", { "site/adlint.config.yaml": "packs: [../../p.yaml]\n" }, ["--config", "site/adlint.config.yaml"], "=site/adlint.config.yaml", 1, 9, 'packs: "../../p.yaml" is outside the repository (ROOT); config may only name files inside it (give other packs with --pack)'],
    ["a config naming evidence outside the repository", { "adlint.config.yaml": "evidence: /etc/passwd\n" }, [], "adlint.config.yaml", 1, 11, 'evidence: "/etc/passwd" is outside the repository (ROOT); config may only name files inside it'],
    ["a content glob that climbs out", { "adlint.config.yaml": 'content: ["../*.json"]\n' }, [], "adlint.config.yaml", 1, 11, 'content: "../*.json" reaches outside the config\'s folder; globs are relative to it and may not climb out with ".." or start at "/"'],
    ["a bad maxFileSize", { "adlint.config.yaml": "maxFileSize: -1\n" }, [], "adlint.config.yaml", 1, 14, 'maxFileSize must be a size such as 5MB, 512KB or a number of bytes, not "-1"'],
    ["a config with a custom tag", { "adlint.config.yaml": "locale: !env LOCALE\n" }, [], "adlint.config.yaml", 1, 14, "YAML tag !env is not allowed in adlint files"],
    ["a malformed evidence registry", { "adlint.config.yaml": "packs: [./p.yaml]\n", "p.yaml": PACK, "evidence.yaml": "evidence:\n  - id: a\n    kind: rumour\n" }, [], "evidence.yaml", 2, 5, 'an evidence entry needs "supports"'],
    ["a config that is a list", { "adlint.config.yaml": "- ad-law\n" }, [], "adlint.config.yaml", 1, 1, "adlint config must be a mapping"],
    ["a pack with a tab", { "adlint.config.yaml": "packs: [./p.yaml]\n", "p.yaml": "pack: t\nrules:\n\t- id: a\n" }, [], "p.yaml", 3, 1, "invalid YAML: Tabs are not allowed as indentation"],
  ];

  it.each(cases)("%s", async (_name, files, args, file, line, column, message) => {
    const root = tree({ "a.md": "最佳\n", ...files });
    mkdirSync(join(root, ".git"), { recursive: true });
    const r = await adlint(root, ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const named = file.startsWith("=") ? file.slice(1) : join(root, file);
    expect(r.stderr).toBe(`adlint: ${named}:${line}:${column}: ${message.replace("ROOT", root)}\n`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("exits 2 for a bad --max-file-size, without a stack", async () => {
    const r = await adlint(tree({ "a.md": "最佳\n" }), "--max-file-size", "lots");
    expect(r).toEqual({ code: 2, stdout: "", stderr: 'adlint: --max-file-size takes a size such as 5MB, 512KB or a number of bytes, not "lots"\n' });
  });
});

// The lint-result cache, on real files in temp directories: what it gives back,
// what voids it, and how its file is read and written.
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  contentHash,
  defaultCacheLocation,
  LintCache,
  projectKey,
  resolveCacheFile,
  type KeyOptions,
} from "../src/cache/lint-cache.js";
import { adlintVersion } from "../src/core/version.js";
import type { Diagnostic } from "../src/core/types.js";
import { lintText } from "../src/lint.js";
import { openProject, type ProjectOptions } from "../src/project.js";
import { FIXTURES } from "./helpers/lint.js";
import { tree } from "./helpers/tree.js";

const PACK = readFileSync(`${FIXTURES}packs/basic.yaml`, "utf8");
const CONFIG = 'packs: [./packs/basic.yaml]\nchannels:\n  "sms/**": sms\n';
const REGISTRY = "evidence:\n  - id: ev-lift\n    kind: statistic\n    supports: [提亮36%]\n    source: 实验室报告\n    validUntil: 2030-12-31\n";

/** A site as a writer keeps it: config, pack and evidence beside the copy. */
const SITE: Record<string, string> = {
  "adlint.config.yaml": CONFIG,
  "packs/basic.yaml": PACK,
  "evidence.yaml": REGISTRY,
  "copy/launch.md": "# 新品上市\n\n这是最好的面膜，用后提升36%。\n",
  "copy/about.md": "# 关于我们\n\n很好的面膜，第一步洗脸。\n",
  "sms/promo.txt": "今天免费领面膜，肤色提亮36%\n",
};

/** Fixed, so no key depends on the clock or on the package being tested. */
const AT: KeyOptions = { today: "2026-01-01", version: "1.0.0" };

function keyOf(root: string, options: ProjectOptions = {}, keyOptions: KeyOptions = AT, extra?: unknown): string {
  return projectKey(openProject({ cwd: root, ...options }), extra, keyOptions);
}

interface Linted {
  path: string;
  hash: string;
  messages: Diagnostic[];
}

/** Each copy file of a site, linted as the CLI lints it. */
function lintSite(root: string, files = ["copy/launch.md", "copy/about.md", "sms/promo.txt"]): Linted[] {
  const project = openProject({ cwd: root });
  return files.map((file) => {
    const path = join(root, file);
    const text = readFileSync(path, "utf8");
    return { path, hash: contentHash(text), messages: lintText(text, { project, filePath: path }).messages };
  });
}

/** A copy of a diagnostic with every range in it moved by `by`. */
function shiftAll(value: unknown, by: number): never {
  if (Array.isArray(value)) return value.map((item) => shiftAll(item, by)) as never;
  if (typeof value !== "object" || value === null) return value as never;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === "range" && Array.isArray(item) && item.length === 2 ? item.map((n: number) => n + by) : shiftAll(item, by)]),
  ) as never;
}

/** A cache of the whole site, saved to `file`. */
function savedCache(file: string, linted: Linted[], key = "k"): void {
  const cache = LintCache.load(file, key);
  for (const { path, hash, messages } of linted) cache.store(path, hash, messages);
  expect(cache.save()).toBeUndefined();
}

describe("entries", () => {
  it("come back exactly as linted, for files with findings and clean files alike", () => {
    const root = tree(SITE);
    const linted = lintSite(root);
    // A fix, a claim the registry does not back, a clean file, a channel's rule.
    expect(linted.map((f) => f.messages.map((m) => m.ruleId))).toEqual([["t/absolute", "t/stat"], [], ["t/free-gift"]]);
    expect(linted[0]!.messages[0]!.fix).toBeDefined();
    const file = defaultCacheLocation(root);
    savedCache(file, linted);

    const cache = LintCache.load(file, "k");
    for (const { path, hash, messages } of linted) {
      const back = cache.lookup(path, hash);
      expect(back).toEqual(messages);
      // Key order too: a report written from the cache reads the same as a fresh one.
      expect(JSON.stringify(back)).toBe(JSON.stringify(messages));
    }
    expect([cache.hits, cache.misses]).toEqual([3, 0]);
  });

  it("keep suggestions and fixes at their ranges", () => {
    const root = tree({});
    const messages: Diagnostic[] = [
      {
        ruleId: "p/r",
        severity: 2,
        message: "m",
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 7,
        range: [40, 42],
        fix: { range: [40, 42], text: "很好" },
        suggestions: [{ desc: "改为「优质」", fix: { range: [39, 43], text: "优质" } }],
      },
      { ruleId: null, severity: 2, fatal: true, message: "无法解析", line: 9, column: 1, endLine: 9, endColumn: 1, range: [120, 120] },
      { ruleId: "p/r", severity: 1, message: "m", cueStart: "00:01:02,500", line: 12, column: 2, endLine: 13, endColumn: 1, range: [200, 230] },
    ];
    const file = join(root, "results.bin");
    savedCache(file, [{ path: join(root, "a.srt"), hash: "h", messages }]);
    expect(LintCache.load(file, "k").lookup(join(root, "a.srt"), "h")).toEqual(messages);
  });

  it("tell apart diagnostics alike but for a fix, a width or a field of their own", () => {
    const root = tree({});
    const base = { ruleId: "p/r", severity: 2 as const, message: "m", line: 1, column: 1, endLine: 1, endColumn: 3 };
    const messages: Diagnostic[] = [
      { ...base, range: [0, 2] },
      { ...base, range: [10, 12], fix: { range: [10, 12], text: "甲" } },
      { ...base, range: [20, 22], fix: { range: [20, 22], text: "乙" } },
      { ...base, range: [30, 33] },
      { ...base, range: [40, 42], law: "广告法第九条" },
      { ...base, range: [50, 52], cueStart: "00:00:01,000" },
      { ...base, range: [60, 62], ...({ extra: 1 } as object) },
    ];
    const file = join(root, "results.bin");
    savedCache(file, [{ path: join(root, "a.md"), hash: "h", messages }]);
    expect(LintCache.load(file, "k").lookup(join(root, "a.md"), "h")).toEqual(messages);
  });

  it("miss when the text changed, and for files never stored", () => {
    const root = tree(SITE);
    const linted = lintSite(root);
    const file = defaultCacheLocation(root);
    savedCache(file, linted);
    const cache = LintCache.load(file, "k");
    expect(cache.lookup(linted[0]!.path, contentHash("这是很好的面膜\n"))).toBeUndefined();
    expect(cache.lookup(join(root, "copy/new.md"), linted[1]!.hash)).toBeUndefined();
    expect(cache.lookup(linted[1]!.path, linted[1]!.hash)).toEqual([]);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it("not looked up or stored in a run are dropped when it saves", () => {
    const root = tree(SITE);
    const [launch, about, promo] = lintSite(root) as [Linted, Linted, Linted];
    const file = defaultCacheLocation(root);
    savedCache(file, [launch, about, promo]);

    const run = LintCache.load(file, "k");
    expect(run.lookup(launch.path, launch.hash)).toEqual(launch.messages);
    expect(run.lookup(about.path, contentHash("改过的文案\n"))).toBeUndefined();
    run.store(about.path, contentHash("改过的文案\n"), []);
    // promo is neither looked up nor stored: deleted, or outside this run's paths.
    expect(run.save()).toBeUndefined();

    const next = LintCache.load(file, "k");
    expect(next.lookup(launch.path, launch.hash)).toEqual(launch.messages);
    expect(next.lookup(about.path, contentHash("改过的文案\n"))).toEqual([]);
    expect(next.lookup(about.path, about.hash)).toBeUndefined();
    expect(next.lookup(promo.path, promo.hash)).toBeUndefined();
  });

  it("come back as JSON would carry them, however alike, for any fields in any order", () => {
    const root = tree({});
    const file = join(root, "results.bin");
    const pick = <T>(...values: T[]) => fc.constantFrom(...values);
    const fix = fc.record({ range: fc.tuple(fc.nat(3), fc.nat(3)), text: pick("甲", "乙") }, { requiredKeys: ["range"] });
    const fields = fc.record(
      {
        ruleId: pick("p/a", null),
        severity: pick(1, 2),
        message: pick("m"),
        law: pick("法", undefined),
        fix,
        suggestions: fc.array(fc.record({ desc: pick("改", "换"), fix }), { maxLength: 2 }),
        cueStart: pick(0, 7),
        extra: pick([1, 2], { range: [1, 2, 3] }, { deep: { range: [0, 1] } }),
      },
      { requiredKeys: ["ruleId", "severity", "message"] },
    );
    const build = (of: Record<string, unknown>, order: string[], start: number): Diagnostic => {
      const d: Record<string, unknown> = { line: 1, column: 1 };
      for (const key of order) d[key] = of[key];
      return { ...d, range: [start, start + 2], endLine: 1, endColumn: 3 } as unknown as Diagnostic;
    };
    /** Copies of one diagnostic: elsewhere (the same shape), its fields reordered, or a nested range moved. */
    const family = fields.chain((base) =>
      fc.array(fc.tuple(pick("elsewhere", "reordered", "nested"), fc.nat(5), fc.nat(30)), { maxLength: 6 }).map((changes) => {
        const order = Object.keys(base);
        const out = [build(base, order, 0)];
        for (const [change, by, start] of changes) {
          if (change === "elsewhere") out.push(shiftAll(build(base, order, 0), start));
          if (change === "reordered") out.push(build(base, [...order].sort(() => (by % 2 ? 1 : -1)).reverse(), start));
          if (change === "nested" && base["fix"]) {
            const moved = build(base, order, start) as unknown as { fix: { range: [number, number] } };
            moved.fix = { ...moved.fix, range: [moved.fix.range[0] + by + 1, moved.fix.range[1]] };
            out.push(moved as unknown as Diagnostic);
          }
        }
        return out;
      }),
    );
    fc.assert(
      fc.property(fc.array(family, { minLength: 1, maxLength: 3 }), (families) => {
        const all = families.flat();
        const cache = LintCache.load(file, "k");
        cache.store(join(root, "a.md"), "h", all);
        expect(cache.save()).toBeUndefined();
        // Field order too: reports print them in it.
        expect(JSON.stringify(LintCache.load(file, "k").lookup(join(root, "a.md"), "h"))).toBe(JSON.stringify(all));
      }),
      { numRuns: 400 },
    );
  });

  it("are found by the file's stamp once it has settled, and only by the very same stamp, asked for only to compare", () => {
    const root = tree(SITE);
    const [launch, about] = lintSite(root) as [Linted, Linted];
    const file = defaultCacheLocation(root);
    const settled = Date.now() - 60_000;
    const stamp = [120, settled, settled, 42] as const;
    const run = LintCache.load(file, "k");
    run.store(launch.path, launch.hash, launch.messages, stamp);
    // Modified a moment ago: a clock that counts whole seconds would not show the next change.
    run.store(about.path, about.hash, about.messages, [48, Date.now(), settled, 43]);
    expect(run.save()).toBeUndefined();

    const next = LintCache.load(file, "k");
    expect(next.lookupStamp(launch.path, () => stamp)).toEqual(launch.messages);
    for (const [i, by] of [[0, 1], [1, 0.001], [2, 1], [3, 1]] as const) {
      const other = [...stamp] as [number, number, number, number];
      other[i] += by;
      expect(LintCache.load(file, "k").lookupStamp(launch.path, () => other), `field ${i}`).toBeUndefined();
    }
    expect(next.lookupStamp(about.path, () => [48, Date.now(), settled, 43])).toBeUndefined();
    expect(next.lookup(about.path, about.hash)).toEqual(about.messages);
    expect([next.hits, next.misses]).toEqual([2, 0]);

    // A file's stamp is asked for only where the cache holds one to compare it with.
    const asked: string[] = [];
    const stampOf = (path: string) => () => (asked.push(path), stamp);
    const again = LintCache.load(file, "k");
    for (const path of [launch.path, about.path, join(root, "never-linted.md")]) again.lookupStamp(path, stampOf(path));
    expect(asked).toEqual([launch.path]);
  });

  it("take the stamp a file has when its bytes hash the same, and the cache is written for it", () => {
    const root = tree(SITE);
    const [launch] = lintSite(root) as [Linted];
    const file = defaultCacheLocation(root);
    savedCache(file, [launch]);
    const written = statSync(file).mtimeMs;
    const settled = Date.now() - 60_000;
    const stamp = [120, settled, settled, 42] as const;
    const run = LintCache.load(file, "k");
    expect(run.lookupStamp(launch.path, () => stamp)).toBeUndefined();
    expect(run.lookup(launch.path, launch.hash, stamp)).toEqual(launch.messages);
    expect(run.save()).toBeUndefined();
    expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(written);
    expect(LintCache.load(file, "k").lookupStamp(launch.path, () => stamp)).toEqual(launch.messages);
    // The same stamp again changes nothing, so nothing is written.
    const again = LintCache.load(file, "k");
    expect(again.lookup(launch.path, launch.hash, stamp)).toEqual(launch.messages);
    const before = readFileSync(file, "utf8");
    writeFileSync(file, before);
    const mtime = statSync(file).mtimeMs;
    expect(again.save()).toBeUndefined();
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it("survive a moved checkout: paths are kept relative to the cache", () => {
    const root = tree(SITE);
    const linted = lintSite(root);
    savedCache(defaultCacheLocation(root), linted, keyOf(root));
    const moved = join(tree({}), "elsewhere");
    cpSync(root, moved, { recursive: true });

    expect(keyOf(moved)).toBe(keyOf(root));
    const cache = LintCache.load(defaultCacheLocation(moved), keyOf(moved));
    for (const { path, hash, messages } of linted) expect(cache.lookup(join(moved, path.slice(root.length)), hash)).toEqual(messages);
  });
});

describe("the key", () => {
  it("is the same for the same project, and carries adlint's own version by default", () => {
    expect(keyOf(tree(SITE))).toBe(keyOf(tree(SITE)));
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(adlintVersion()).toBe(pkg.version);
    const project = openProject({ cwd: tree(SITE) });
    expect(projectKey(project, undefined, { today: AT.today! })).toBe(projectKey(project, undefined, { ...AT, version: pkg.version }));
  });

  it("stays the same on a later day while no evidence has expired", () => {
    const root = tree(SITE);
    expect(keyOf(root, {}, { ...AT, today: "2030-12-31" })).toBe(keyOf(root));
  });

  const changes: Array<[string, (root: string) => string]> = [
    ["a pack's text", () => keyOf(tree({ ...SITE, "packs/basic.yaml": PACK.replace("[最佳, 最好, 第一, 国家级]", "[最佳, 最好, 第一, 国家级, 顶级]") }))],
    ["the config's text", () => keyOf(tree({ ...SITE, "adlint.config.yaml": `${CONFIG}ignore: [drafts/**]\n` }))],
    ["the config's channels", () => keyOf(tree({ ...SITE, "adlint.config.yaml": CONFIG.replace('"sms/**"', '"texts/**"') }))],
    ["the evidence registry's text", () => keyOf(tree({ ...SITE, "evidence.yaml": REGISTRY.replace("实验室报告", "第三方检测报告") }))],
    ["having no evidence registry", () => keyOf(tree(Object.fromEntries(Object.entries(SITE).filter(([path]) => path !== "evidence.yaml"))))],
    ["an evidence entry expiring", (root) => keyOf(root, {}, { ...AT, today: "2031-01-01" })],
    ["the locale", (root) => keyOf(root, { locale: "en" })],
    ["a rule level set on the command line", (root) => keyOf(root, { rules: { "t/stat": "error" } })],
    ["a rule turned on", (root) => keyOf(root, { rules: { "t/flash-sale": "warn" } })],
    ["adlint's version", (root) => keyOf(root, {}, { ...AT, version: "1.0.1" })],
    ["what the caller adds", (root) => keyOf(root, {}, AT, { fix: true })],
  ];

  it.each(changes)("changes with %s, which empties the cache", (_name, changed) => {
    const root = tree(SITE);
    const linted = lintSite(root);
    const file = defaultCacheLocation(root);
    savedCache(file, linted, keyOf(root));

    const key = changed(root);
    expect(key).not.toBe(keyOf(root));
    const cache = LintCache.load(file, key);
    expect(linted.map(({ path, hash }) => cache.lookup(path, hash))).toEqual([undefined, undefined, undefined]);
    expect(LintCache.load(file, keyOf(root)).lookup(linted[0]!.path, linted[0]!.hash)).toEqual(linted[0]!.messages);
  });
});

describe("the cache file", () => {
  it("is an empty cache when missing", () => {
    const cache = LintCache.load(join(tree({}), "none", "results.bin"), "k");
    expect(cache.lookup("/a.md", "h")).toBeUndefined();
    expect([cache.hits, cache.misses]).toEqual([0, 1]);
  });

  type Data = { shapes: unknown[]; files: Array<[string, string, Int32Array | number[]]> };
  const corrupt: Array<[string, (saved: Buffer) => Uint8Array]> = [
    ["empty", () => new Uint8Array(0)],
    ["not a cache at all", () => Buffer.from("{files:")],
    ["cut short", (saved) => saved.subarray(0, saved.length >> 1)],
    ["null", () => serialize(null)],
    ["of another layout", () => serialize({ key: "k", files: { "copy/launch.md": [] } })],
    ["pointing at a shape it lacks", (saved) => serialize({ ...(deserialize(saved) as Data), shapes: [] })],
    [
      "with a row cut short",
      (saved) => {
        const data = deserialize(saved) as Data;
        const rows = data.files[0]![2] as Int32Array;
        data.files[0]![2] = rows.slice(0, rows.length - 1);
        return serialize(data);
      },
    ],
    [
      "with rows that are plain numbers",
      (saved) => {
        const data = deserialize(saved) as Data;
        data.files[0]![2] = [...data.files[0]![2]];
        return serialize(data);
      },
    ],
    [
      "with a stamp that is no stamp",
      (saved) => {
        const data = deserialize(saved) as Data;
        (data.files[0] as unknown[]).push([1, "2", 3, 4]);
        return serialize(data);
      },
    ],
  ];

  it.each(corrupt)("is an empty cache when %s", (_name, damage) => {
    const root = tree(SITE);
    const linted = lintSite(root);
    const file = defaultCacheLocation(root);
    savedCache(file, linted);
    const saved = readFileSync(file);
    const damaged = damage(saved);
    expect(Buffer.from(damaged).equals(saved)).toBe(false);
    writeFileSync(file, damaged);

    const cache = LintCache.load(file, "k");
    expect(linted.map(({ path, hash }) => cache.lookup(path, hash))).toEqual([undefined, undefined, undefined]);
    // And the next save writes a good one over it.
    for (const { path, hash, messages } of linted) cache.store(path, hash, messages);
    expect(cache.save()).toBeUndefined();
    expect(LintCache.load(file, "k").lookup(linted[0]!.path, linted[0]!.hash)).toEqual(linted[0]!.messages);
  });

  it("is written with the folders it needs, and nothing else beside it", () => {
    const root = tree(SITE);
    const file = join(root, "build", "caches", "adlint", "results.bin");
    savedCache(file, lintSite(root));
    expect(readdirSync(dirname(file))).toEqual(["results.bin"]);
  });

  it("is replaced whole, by renaming a new file over it, and only when the run changed it", () => {
    const root = tree(SITE);
    const linted = lintSite(root);
    const file = defaultCacheLocation(root);
    savedCache(file, linted);
    const first = statSync(file).ino;

    const unchanged = LintCache.load(file, "k");
    for (const { path, hash } of linted) unchanged.lookup(path, hash);
    expect(unchanged.save()).toBeUndefined();
    expect(statSync(file).ino).toBe(first);

    const changed = LintCache.load(file, "k");
    for (const { path, hash } of linted.slice(1)) changed.lookup(path, hash);
    expect(changed.save()).toBeUndefined();
    expect(statSync(file).ino).not.toBe(first);
    expect(readdirSync(dirname(file))).toEqual(["results.bin"]);
  });

  it("that cannot be written is reported with its path and reason, not thrown, and leaves no temporary file", () => {
    const root = tree({ "blocked/results.bin/keep.txt": "a folder where the cache file would go\n" });
    const file = join(root, "blocked", "results.bin");
    const cache = LintCache.load(file, "k");
    cache.store(join(root, "a.md"), "h", []);
    expect(cache.save()).toMatchObject({ file, code: expect.stringMatching(/^E[A-Z]+$/) });
    expect(readdirSync(join(root, "blocked"))).toEqual(["results.bin"]);
  });

  it("under a path that is a file reports ENOTDIR", () => {
    const root = tree({ "node_modules": "not a folder\n" });
    const file = defaultCacheLocation(root);
    const cache = LintCache.load(file, "k");
    cache.store(join(root, "a.md"), "h", []);
    const problem = cache.save();
    expect(problem).toMatchObject({ file, code: "ENOTDIR" });
    expect(problem?.message).toContain("ENOTDIR");
  });

  it.skipIf(process.platform === "win32" || process.getuid?.() === 0)("in a read-only folder reports EACCES", () => {
    const root = tree({});
    const dir = join(root, "read-only");
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    try {
      const cache = LintCache.load(join(dir, "results.bin"), "k");
      cache.store(join(root, "a.md"), "h", []);
      expect(cache.save()).toMatchObject({ file: join(dir, "results.bin"), code: "EACCES" });
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe("cache locations", () => {
  it("default to node_modules/.cache/adlint under the root", () => {
    expect(defaultCacheLocation("/site")).toBe(join("/site", "node_modules", ".cache", "adlint", "results.bin"));
  });

  const root = tree({ "existing/keep.txt": "", "cache.json": "{}" });
  const locations: Array<[string, string | undefined, string]> = [
    ["none: the default", undefined, defaultCacheLocation(root)],
    ["a folder, by its trailing separator", "caches/", join(root, "caches", "results.bin")],
    ["an existing folder", "existing", join(root, "existing", "results.bin")],
    ["a file", "my-cache.json", join(root, "my-cache.json")],
    ["an existing file", "cache.json", join(root, "cache.json")],
    ["an absolute file", join(root, "elsewhere", "c.json"), join(root, "elsewhere", "c.json")],
    ["a new name with no separator: a file", "new-cache", join(root, "new-cache")],
  ];
  it.each(locations)("%s", (_name, location, expected) => {
    expect(resolveCacheFile(location, root)).toBe(expected);
  });
});

// Worker threads and the result cache change how fast a run is, never what it
// reports: the built command is run on a real site, with and without them, and
// the reports compared, fixes included.
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { deserialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { runJob, type FileJob } from "../src/lint-job.js";
import { LintPool } from "../src/parallel/pool.js";
import { threadCount } from "../src/parallel/threads.js";
import { openProject } from "../src/project.js";
import { formatOf } from "../src/sources/index.js";
import { adlint } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/lint.js";
import { tree } from "./helpers/tree.js";

const PACK = readFileSync(`${FIXTURES}packs/basic.yaml`, "utf8");

/** Enough files of every kind that two threads both get work: Markdown, text, HTML, a script, a broken file. */
function site(): string {
  const files: Record<string, string> = { "adlint.config.yaml": "packs: [./packs/basic.yaml]\n", "packs/basic.yaml": PACK };
  for (let i = 0; i < 40; i++) {
    files[`copy/page-${i}.md`] = `---\ntitle: 第${i}页\n---\n\n# 新品\n\n这是${i % 3 ? "很好" : "最好"}的面膜。\n\n## 说明\n\n提亮36%，😀臺灣直送。\n`;
    files[`copy/note-${i}.txt`] = i % 2 ? "很好的面膜\n" : "最好的面膜，最佳之选\n";
  }
  files["copy/page.html"] = "<p>最<b>佳</b>面膜</p>";
  files["copy/banner.tsx"] = "export const B = () => <p>最好的面膜</p>;\n";
  files["copy/broken.ts"] = "const = ;\n";
  return tree({
    ...files,
    // Files a worker cannot lint: binary, and UTF-16 that is not; and one it reads as GBK.
    "copy/image.txt": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
    "copy/broken-utf16.txt": new Uint8Array([0xff, 0xfe, 0x00, 0xd8]),
    "copy/gbk.txt": new Uint8Array([0xd7, 0xee, 0xba, 0xc3, 0xb5, 0xc4, 0xc3, 0xe6, 0xc4, 0xa4, 0x0a]),
  });
}

const json = (stdout: string) => JSON.parse(stdout) as Array<{ filePath: string; messages: unknown[] }>;

describe("--concurrency", () => {
  it("reports what one thread reports, in the same order", async () => {
    const root = site();
    const alone = await adlint(root, "-f", "json", "--concurrency", "off");
    const two = await adlint(root, "-f", "json", "--concurrency", "2");
    const auto = await adlint(root, "-f", "json", "--concurrency", "auto");
    expect(alone.code).toBe(1);
    expect(json(alone.stdout).filter((r) => r.messages.length).length).toBeGreaterThan(40);
    expect(two).toEqual(alone);
    expect(auto).toEqual(alone);
  });

  it("fixes files the same way, from a cache too", async () => {
    const [a, b] = [site(), site()];
    await adlint(a, "--fix", "--concurrency", "off");
    await adlint(b, "--fix", "--concurrency", "2");
    // The cache holds results with fixes to make: the fixing run lints those files again.
    const c = site();
    await adlint(c, "--cache", "--concurrency", "2");
    await adlint(c, "--fix", "--cache", "--concurrency", "2");
    for (const file of ["copy/page-0.md", "copy/note-0.txt", "copy/page.html", "copy/gbk.txt"]) {
      expect(readFileSync(join(b, file), "utf8")).toBe(readFileSync(join(a, file), "utf8"));
      expect(readFileSync(join(c, file), "latin1")).toBe(readFileSync(join(a, file), "latin1"));
    }
    expect(readFileSync(join(a, "copy/note-0.txt"), "utf8")).toBe("很好的面膜，最佳之选\n");
  });

  it.each([["0"], ["-1"], ["two"], ["1.5"]])("refuses %s", async (value) => {
    const run = await adlint(site(), `--concurrency=${value}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--concurrency takes auto, off or a number of threads");
  });

  it("shares the files between worker threads and this one, each linting as one thread alone does", async () => {
    const root = site();
    const options = { config: join(root, "adlint.config.yaml"), cwd: root };
    const project = openProject(options);
    const jobs = readdirSync(join(root, "copy"))
      .sort()
      .map((name): FileJob => {
        const file = join(root, "copy", name);
        return { file, source: { format: formatOf(file) ?? "text", path: file, ...project.sourceOptions(file) }, fix: true, maxFileSize: 1 << 20, hash: false };
      });
    let here = 0;
    const pool = new LintPool(1, options, (job) => (here++, runJob(project, job)));
    const outcomes = await Promise.all(jobs.map((job) => pool.run(job))).finally(() => pool.close());
    expect(outcomes).toEqual(jobs.map((job) => runJob(project, job)));
    // The worker is sent its first batches before this thread lints any: it lints them, however slowly it starts.
    expect(here).toBeGreaterThan(0);
    expect(here).toBeLessThan(jobs.length);
    expect(outcomes.filter((o) => "linted" in o && o.linted.messages.length > 0).length).toBeGreaterThan(40);
  });

  it("auto lints a few files in one thread, and many in one per core", () => {
    expect(threadCount("auto", 10)).toBe(1);
    expect(threadCount("off", 10_000)).toBe(1);
    expect(threadCount(3, 2)).toBe(2);
    expect(threadCount("auto", 100_000)).toBe(availableParallelism());
  });
});

describe("--cache", () => {
  it("gives the report of a fresh run, and lints again only what changed", async () => {
    const root = site();
    const fresh = await adlint(root, "-f", "json");
    const cold = await adlint(root, "-f", "json", "--cache");
    const cache = join(root, "node_modules/.cache/adlint/results.bin");
    expect(existsSync(cache)).toBe(true);
    const warm = await adlint(root, "-f", "json", "--cache");
    expect(cold).toEqual(fresh);
    expect(warm).toEqual(fresh);

    // A changed file is linted again; the others come from the cache.
    writeFileSync(join(root, "copy/note-1.txt"), "国家级面膜\n");
    const changed = json((await adlint(root, "-f", "json", "--cache")).stdout);
    const note = changed.find((r) => r.filePath.endsWith("note-1.txt"))!;
    expect(note.messages.length).toBeGreaterThan(0);
    expect(changed).toEqual(json((await adlint(root, "-f", "json")).stdout));
  });

  it("trusts a settled file's stamp, and lints a file again whose bytes changed whatever its times say", async () => {
    const root = site();
    // Files last changed long ago: their stamps are kept once their bytes have been hashed.
    const old = new Date("2024-05-01T00:00:00Z");
    const files = readdirSync(join(root, "copy")).map((name) => join(root, "copy", name));
    for (const file of files) utimesSync(file, old, old);
    const fresh = await adlint(root, "-f", "json");
    expect(await adlint(root, "-f", "json", "--cache")).toEqual(fresh);
    const cache = join(root, "node_modules/.cache/adlint/results.bin");
    // Every file but the two that cannot be decoded is cached, each with its stamp.
    const entries = (deserialize(readFileSync(cache)) as { files: unknown[][] }).files;
    expect(entries.length).toBe(files.length - 2);
    expect(entries.filter((entry) => entry.length === 4).length).toBe(entries.length);
    expect(await adlint(root, "-f", "json", "--cache")).toEqual(fresh);

    // The same size, and the old modification time put back: the change time still tells.
    const note = join(root, "copy/note-1.txt");
    expect(readFileSync(note, "utf8")).toBe("很好的面膜\n");
    writeFileSync(note, "国家级面膜\n");
    utimesSync(note, old, old);
    const after = await adlint(root, "-f", "json", "--cache");
    expect(json(after.stdout).find((r) => r.filePath === note)!.messages.length).toBeGreaterThan(0);
    expect(after).toEqual(await adlint(root, "-f", "json"));
  });

  it("is void when the pack changes", async () => {
    const root = site();
    await adlint(root, "--cache");
    writeFileSync(join(root, "packs/basic.yaml"), PACK.replace(/level: error/g, "level: warn"));
    const after = await adlint(root, "-f", "json", "--cache");
    expect(after).toEqual(await adlint(root, "-f", "json"));
  });

  it("goes where --cache-location says, with workers too", async () => {
    const root = site();
    const first = await adlint(root, "-f", "json", "--cache-location", "cache/", "--concurrency", "2");
    expect(existsSync(join(root, "cache/results.bin"))).toBe(true);
    expect(await adlint(root, "-f", "json", "--cache-location", "cache/", "--concurrency", "2")).toEqual(first);
  });

  it("warns, and still reports, when the cache cannot be written", async () => {
    const root = site();
    writeFileSync(join(root, "blocker"), "a file where the cache folder would be");
    const run = await adlint(root, "-f", "json", "--cache-location", "blocker/cache/", "--locale", "en");
    expect(run.stderr).toContain("could not write the cache");
    expect(run.stdout).toBe((await adlint(root, "-f", "json", "--locale", "en")).stdout);
    expect(run.code).toBe(1);
  });
});

// The command keeps the code V8 compiled for it, and the next run starts from
// it: a run writes the cache once, a later run reads it and leaves it alone,
// and a cache V8 cannot use is replaced without changing what adlint says.
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAIN, type Run } from "./helpers/cli.js";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "adlint-compile-"));
  writeFileSync(join(dir, "copy.md"), "# 面膜\n\n全网最佳的面膜，👍🏻 限時搶購。\n");
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [MAIN, ...(args.length ? args : ["copy.md"])], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } }, (_e, stdout, stderr) =>
      done({ code: child.exitCode, stdout, stderr }),
    );
  });
}

/** The cache files in `folder`, with their bytes and modification times. */
function cacheIn(folder: string): Array<{ name: string; bytes: Buffer; mtimeMs: number }> {
  return readdirSync(folder).map((name) => ({ name, bytes: readFileSync(join(folder, name)), mtimeMs: statSync(join(folder, name)).mtimeMs }));
}

describe("the compile cache", () => {
  it("is written by the first run and read, as it is, by the next", async () => {
    const folder = join(dir, "cache");
    const first = await run({ ADLINT_COMPILE_CACHE: folder });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("ad-law/absolute-term");
    const written = cacheIn(folder);
    expect(written).toHaveLength(1);
    expect(written[0]!.name).toMatch(new RegExp(`^adlint\\.cjs-.*-${process.version}-${process.arch}\\.bin$`));

    const second = await run({ ADLINT_COMPILE_CACHE: folder });
    expect(second).toEqual(first);
    // V8 took it: a cache it refuses is written anew.
    expect(cacheIn(folder)).toEqual(written);
  });

  it("is not written by a run that prints only the version or the help, which compiles next to none of the bundle", async () => {
    const folder = join(dir, "cache");
    const version = await run({ ADLINT_COMPILE_CACHE: folder }, "--version");
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect((await run({ ADLINT_COMPILE_CACHE: folder }, "-h")).stdout).toContain("--concurrency");
    expect(cacheIn(folder)).toEqual([]);
    await run({ ADLINT_COMPILE_CACHE: folder });
    expect(cacheIn(folder)).toHaveLength(1);
  });

  it("replaces a cache V8 refuses, and says the same", async () => {
    const folder = join(dir, "cache");
    const first = await run({ ADLINT_COMPILE_CACHE: folder });
    const written = cacheIn(folder);
    expect(written).toHaveLength(1);
    const { name, bytes } = written[0]!;
    const garbage = Buffer.alloc(bytes.length, 0x5a);
    writeFileSync(join(folder, name), garbage);

    expect(await run({ ADLINT_COMPILE_CACHE: folder })).toEqual(first);
    const [rewritten] = cacheIn(folder);
    expect(rewritten!.name).toBe(name);
    expect(rewritten!.bytes.equals(garbage)).toBe(false);
  });

  it("serves worker threads too, each run of them after the first", async () => {
    const folder = join(dir, "cache");
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `page-${i}.md`), "全网最佳的面膜。\n");
    const first = await run({ ADLINT_COMPILE_CACHE: folder }, "--concurrency", "2", ".");
    expect(first.stdout.match(/ad-law\/absolute-term/g)).toHaveLength(5);
    const written = cacheIn(folder);
    expect(written.map((c) => c.name.slice(0, c.name.indexOf("-")))).toEqual(["adlint.cjs", "worker.cjs"]);

    expect(await run({ ADLINT_COMPILE_CACHE: folder }, "--concurrency", "2", ".")).toEqual(first);
    expect(cacheIn(folder)).toEqual(written);
  });

  it("keeps the caches of the last eight builds of a bundle", async () => {
    const folder = join(dir, "cache");
    mkdirSync(folder);
    const old = Array.from({ length: 9 }, (_, i) => `adlint.cjs-${"0".repeat(15)}${i}-1-v0-x.bin`);
    old.forEach((name, i) => {
      writeFileSync(join(folder, name), "");
      utimesSync(join(folder, name), 1_000_000 + i, 1_000_000 + i);
    });
    writeFileSync(join(folder, "worker.cjs-0-1-v0-x.bin"), "");
    utimesSync(join(folder, "worker.cjs-0-1-v0-x.bin"), 1, 1);
    await run({ ADLINT_COMPILE_CACHE: folder });
    const left = readdirSync(folder).sort();
    // The new one and the seven newest of the others; another bundle's caches are its own.
    expect(left).toHaveLength(9);
    expect(left.filter((name) => old.includes(name))).toEqual(old.slice(2));
    expect(left).toContain("worker.cjs-0-1-v0-x.bin");
  });

  it("is off with ADLINT_COMPILE_CACHE=off", async () => {
    const temp = join(dir, "tmp");
    mkdirSync(temp);
    const result = await run({ ADLINT_COMPILE_CACHE: "off", TMPDIR: temp, TMP: temp, TEMP: temp });
    expect(result.code).toBe(1);
    expect(readdirSync(temp)).toEqual([]);
  });

  it.skipIf(process.platform === "win32")("lives in a folder of the user's own in the temporary folder, and not in one others can write to", async () => {
    const temp = join(dir, "tmp");
    mkdirSync(temp);
    const env = { ADLINT_COMPILE_CACHE: "", TMPDIR: temp, TMP: temp, TEMP: temp };
    const own = join(temp, `adlint-compile-cache-${process.getuid!()}`);
    const first = await run(env);
    expect((statSync(own).mode & 0o777).toString(8)).toBe("700");
    expect(cacheIn(own)).toHaveLength(1);

    rmSync(own, { recursive: true });
    mkdirSync(own);
    chmodSync(own, 0o777);
    expect(await run(env)).toEqual(first);
    expect(readdirSync(own)).toEqual([]);
  });
});

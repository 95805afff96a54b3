// Packs read from a path are kept ready to use between runs: the next load
// takes what the first one read, as long as the YAML and the adlint are the
// same, and nothing is kept with ADLINT_COMPILE_CACHE=off.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsePack } from "../src/packs/load.js";
import { loadPack } from "../src/packs/registry.js";
import { adlint } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/lint.js";

let dir: string;
let pack: string;
let kept: string;
const before = process.env["ADLINT_COMPILE_CACHE"];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "adlint-kept-"));
  pack = join(dir, "basic.yaml");
  cpSync(`${FIXTURES}packs/basic.yaml`, pack);
  kept = join(dir, "cache");
  process.env["ADLINT_COMPILE_CACHE"] = kept;
});

afterEach(() => {
  if (before === undefined) delete process.env["ADLINT_COMPILE_CACHE"];
  else process.env["ADLINT_COMPILE_CACHE"] = before;
  rmSync(dir, { recursive: true, force: true });
});

/** The one kept pack's file. */
function keptFile(): string {
  const files = readdirSync(join(kept, "packs"));
  expect(files).toHaveLength(1);
  return join(kept, "packs", files[0]!);
}

/** Rewrites the kept pack so that its first rule says `message`: a load that says it read the kept pack. */
function markKept(message: string): void {
  const file = keptFile();
  const saved = JSON.parse(readFileSync(file, "utf8"));
  saved.pack.rules[0].message.zh = message;
  writeFileSync(file, JSON.stringify(saved));
}

describe("kept packs", () => {
  it("are written by the first load, and read by the next, as the YAML reads", () => {
    const first = loadPack(pack, true);
    expect(first).toEqual(parsePack(pack, readFileSync(pack, "utf8")));
    const file = keptFile();
    expect(loadPack(pack, true)).toEqual(first);
    markKept("从保存的规则包读出");
    expect(loadPack(pack, true).rules[0]!.message.zh).toBe("从保存的规则包读出");
    expect(readdirSync(join(kept, "packs"))).toEqual([file.slice(file.lastIndexOf("/") + 1)]);
  });

  it("are read again from the YAML once it changes, and kept anew", () => {
    loadPack(pack, true);
    markKept("从保存的规则包读出");
    const text = readFileSync(pack, "utf8").replace("属于绝对化用语", "是绝对化用语");
    writeFileSync(pack, text);
    const changed = loadPack(pack, true);
    expect(changed).toEqual(parsePack(pack, text));
    expect(changed.rules[0]!.message.zh).toContain("是绝对化用语");
    expect(JSON.parse(readFileSync(keptFile(), "utf8")).source).toBe(text);
  });

  it("are not read by another adlint", () => {
    loadPack(pack, true);
    markKept("从保存的规则包读出");
    const file = keptFile();
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), build: "0.0.0-1" }));
    expect(loadPack(pack, true).rules[0]!.message.zh).toContain("属于绝对化用语");
  });

  it("are read from the YAML when the kept file is damaged", () => {
    loadPack(pack, true);
    writeFileSync(keptFile(), "{ not json");
    expect(loadPack(pack, true)).toEqual(parsePack(pack, readFileSync(pack, "utf8")));
  });

  it("are read, and left as they are, by the command and its worker threads alike", async () => {
    writeFileSync(join(dir, "adlint.config.yaml"), "packs: [./basic.yaml]\n");
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `page-${i}.md`), "全网最佳的面膜。\n");
    const first = await adlint(dir, "--concurrency", "2", ".");
    expect(first.stdout.match(/t\/absolute/g)).toHaveLength(4);
    const file = keptFile();
    const written = { bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs };
    expect(await adlint(dir, "--concurrency", "2", ".")).toEqual(first);
    expect({ bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs }).toEqual(written);
  });

  it("are the most recently kept 64", () => {
    const packs = join(kept, "packs");
    mkdirSync(packs, { recursive: true });
    const old = Array.from({ length: 70 }, (_, i) => `old-${String(i).padStart(2, "0")}.json`);
    old.forEach((name, i) => {
      writeFileSync(join(packs, name), "{}");
      utimesSync(join(packs, name), 1_000_000 + i, 1_000_000 + i);
    });
    loadPack(pack, true);
    const left = readdirSync(packs);
    // The new one and the 63 newest of the others.
    expect(left).toHaveLength(64);
    expect(left.filter((name) => old.includes(name)).sort()).toEqual(old.slice(7));
  });

  it("are not kept with ADLINT_COMPILE_CACHE=off", () => {
    process.env["ADLINT_COMPILE_CACHE"] = "off";
    expect(loadPack(pack, true)).toEqual(parsePack(pack, readFileSync(pack, "utf8")));
    expect(readdirSync(dir)).toEqual(["basic.yaml"]);
  });
});

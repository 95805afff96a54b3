// Files adlint does not read: too large, binary, not a regular file, a link
// that loops or dangles. Each is a warning that says why (ESLint's warning
// for a file it ignores), never a crash and never exit 2; a file that is copy
// but cannot be decoded stays an error, so it cannot slip past.
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSize } from "../src/files/read.js";
import { lint } from "../src/lint.js";
import { mkfifoSync } from "./helpers/fifo.js";
import { FIXTURES } from "./helpers/lint.js";
import { tree } from "./helpers/tree.js";

const PACK = readFileSync(`${FIXTURES}packs/basic.yaml`, "utf8");
const project = (files: Record<string, string | Uint8Array>, config = "") =>
  tree({ "adlint.config.yaml": `packs: [./basic.yaml]\nlocale: en\n${config}`, "basic.yaml": PACK, ...files });

/** `file: severity message` for each message. */
async function run(root: string, patterns: string[], options: { maxFileSize?: number } = {}): Promise<string[]> {
  const results = await lint(patterns, { cwd: root, ...options });
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}: ${m.severity} ${m.ruleId} ${m.message}`));
}

describe("files adlint skips", () => {
  it("skips a file over maxFileSize with a warning, without decoding it", async () => {
    const root = project({ "big.txt": "最佳".repeat(600), "small.txt": "很好\n" }, "maxFileSize: 1KB\n");
    expect(await run(root, ["."])).toEqual(["big.txt: 1 null file skipped: it is 3.5 KB, over the 1 KB limit (maxFileSize / --max-file-size)"]);
  });

  it("takes the limit from the caller over the config", async () => {
    const root = project({ "a.txt": "最佳\n" }, "maxFileSize: 1KB\n");
    expect(await run(root, ["."], { maxFileSize: 4 })).toEqual(["a.txt: 1 null file skipped: it is 7 bytes, over the 4 bytes limit (maxFileSize / --max-file-size)"]);
  });

  it("skips a binary file with a warning", async () => {
    const root = project({ "a.txt": new Uint8Array([0x41, 0x00, 0x42]) });
    expect(await run(root, ["."])).toEqual(["a.txt: 1 null file skipped: it is a binary file (it contains NUL bytes)"]);
  });

  it("reports a file with a UTF-16 mark and broken UTF-16 as an error naming why", async () => {
    const root = project({ "a.txt": new Uint8Array([0xff, 0xfe, 0x00, 0xd8]) });
    expect(await run(root, ["."])).toEqual(["a.txt: 2 null cannot decode the file: it starts with a UTF-16 byte order mark, but what follows is not UTF-16"]);
  });

  it("warns about a named link that loops, naming it", async () => {
    const root = project({});
    symlinkSync(join(root, "b.md"), join(root, "a.md"));
    symlinkSync(join(root, "a.md"), join(root, "b.md"));
    expect(await run(root, ["a.md"])).toEqual(["a.md: 1 null file skipped: a.md is a symbolic link that loops"]);
  });

  it("warns about a named link that leads nowhere, naming it", async () => {
    const root = project({});
    symlinkSync(join(root, "gone.md"), join(root, "a.md"));
    expect(await run(root, ["a.md"])).toEqual(["a.md: 1 null file skipped: cannot read a.md (ENOENT)"]);
  });

  it("never opens a FIFO named on the command line", async () => {
    const root = project({});
    if (!mkfifoSync(join(root, "pipe.txt"))) return;
    expect(await run(root, ["pipe.txt"])).toEqual(["pipe.txt: 1 null file skipped: pipe.txt is not a regular file"]);
  });

  it("does not follow links when walking a folder, so a link cannot lead outside it", async () => {
    const outside = tree({ "secret.txt": "最佳\n" });
    const root = project({ "a.txt": "很好\n" });
    symlinkSync(join(outside, "secret.txt"), join(root, "b.txt"));
    writeFileSync(join(root, "c.txt"), "很好\n");
    expect(await run(root, ["."])).toEqual([]);
  });
});

describe("sizes", () => {
  it.each([
    ["5MB", 5 * 1024 * 1024],
    ["512 KB", 512 * 1024],
    ["1048576", 1048576],
    ["1.5mb", 1.5 * 1024 * 1024],
    ["10 bytes", 10],
  ])("reads %s", (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(["", "0", "-1", "5 XB", "lots", "1e9"])("refuses %j", (text) => {
    expect(parseSize(text)).toBeUndefined();
  });
});

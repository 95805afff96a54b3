// Walking a folder for copy: the walk is held to what fast-glob finds for
// `**/*.{ext,…}` with dot entries, node_modules and links left out, on a real
// tree with every kind of entry, and .gitignore files are honoured at any depth.
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { findFiles } from "../src/files/find.js";
import { supportedExtensions } from "../src/sources/index.js";
import { tree } from "./helpers/tree.js";

function site(): string {
  const root = tree({
    "a.md": "x",
    "B.MD": "x",
    "noext": "x",
    ".hidden.md": "x",
    ".hidden/a.md": "x",
    ".git/a.md": "x",
    "node_modules/pkg/a.md": "x",
    "deep/node_modules/a.txt": "x",
    "deep/er/still/a.txt": "x",
    "deep/er/a.b.html": "x",
    "deep/er/.gitignore": "*.txt\n!keep.txt\n",
    "deep/er/keep.txt": "x",
    "deep/er/drop.txt": "x",
    "deep/.gitignore": "ignored/\n",
    "deep/ignored/a.md": "x",
    "copy/文案 1.md": "x",
    "copy/page.mdx": "x",
    "copy/data.json": "{}",
    "outside/secret.txt": "x",
  });
  symlinkSync(join(root, "outside"), join(root, "copy", "linked-folder"));
  symlinkSync(join(root, "outside", "secret.txt"), join(root, "copy", "linked.txt"));
  symlinkSync(join(root, "copy"), join(root, "copy", "loop"));
  mkdirSync(join(root, "empty"));
  return root;
}

describe("findFiles walking a folder", () => {
  it("finds what the glob finds, less what .gitignore files ignore", async () => {
    const root = site();
    const globbed = fg.sync(`**/*.{${supportedExtensions.map((e) => e.slice(1)).join(",")}}`, {
      cwd: root,
      ignore: ["**/node_modules/**", "**/.git/**"],
      absolute: true,
      dot: false,
      onlyFiles: true,
      followSymbolicLinks: false,
    });
    const found = await findFiles(["."], { cwd: root, ignore: [], content: ["**/*.json"], root });
    const ignored = ["deep/er/drop.txt", "deep/er/still/a.txt", "deep/ignored/a.md"].map((p) => join(root, p));
    expect(found).toEqual(globbed.filter((f) => !ignored.includes(f)).sort());
    expect(found.map((f) => f.slice(root.length + 1))).toEqual([
      "a.md",
      "copy/data.json",
      "copy/文案 1.md",
      "deep/er/a.b.html",
      "deep/er/keep.txt",
      "outside/secret.txt",
    ]);
  });

  it("walks a folder named inside node_modules when it is named itself", async () => {
    const root = site();
    expect(await findFiles(["node_modules/pkg"], { cwd: root, ignore: [], content: [], root })).toEqual([join(root, "node_modules/pkg/a.md")]);
  });
});

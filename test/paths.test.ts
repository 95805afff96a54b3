// A file's path relative to a folder, worked out by hand where it is plain, is
// what path.relative gives, for any folder and any path, plain or not.
import { relative, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInside, relativeFrom } from "../src/files/paths.js";
import { reportPath } from "../src/report/github.js";

const segment = fc.constantFrom("a", "b", "文案", ".", "..", "", ".git", "a.md", "..b", "😀");
const path = fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join("/")}`);
const folder = fc.array(fc.constantFrom("a", "b", "文案", ".git"), { maxLength: 4 }).map((parts) => `/${parts.join("/")}`);

describe("relativeFrom", () => {
  it("is path.relative for a resolved folder", () => {
    fc.assert(
      fc.property(folder, path, path, (dir, file, below) => {
        const fromDir = relativeFrom(dir);
        expect(fromDir(file)).toBe(relative(dir, file));
        expect(fromDir(`${dir}${below}`)).toBe(relative(dir, `${dir}${below}`));
        expect(fromDir(`${dir}/..${below}`)).toBe(relative(dir, `${dir}/..${below}`));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes a plain path below the folder or one of its ancestors as it is", () => {
    const fromSite = relativeFrom("/work/site");
    expect(fromSite("/work/site/copy/a.md")).toBe("copy/a.md");
    expect(fromSite("/work/other/a.md")).toBe("../other/a.md");
    expect(fromSite("/tmp/a.md")).toBe("../../tmp/a.md");
    expect(fromSite("/work/site/copy/../a.md")).toBe("a.md");
    expect(fromSite("/work/sites/a.md")).toBe("../sites/a.md");
    expect(fromSite("/work/site")).toBe("");
    expect(fromSite("/work")).toBe("..");
    expect(relativeFrom("/")("/a.md")).toBe("a.md");
  });
});

describe("isInside", () => {
  it("says whether path.relative's answer lies inside the folder", () => {
    fc.assert(
      fc.property(folder, path, (dir, file) => {
        expect(isInside(relative(dir, file))).toBe(resolve(file).startsWith(`${resolve(dir)}/`.replace("//", "/")) && resolve(file) !== resolve(dir));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes a name that starts with two dots for what it is", () => {
    expect(isInside("..notes.md")).toBe(true);
    expect(isInside("../notes.md")).toBe(false);
    expect(isInside("..")).toBe(false);
    expect(isInside("")).toBe(false);
    expect(isInside("/notes.md")).toBe(false);
    // An annotation names such a file from the repository, as any other.
    expect(reportPath("/work/site/..notes.md", "/work/site")).toBe("..notes.md");
  });
});

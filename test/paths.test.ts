// A file's path relative to a folder, worked out by hand where it is plain, is
// what path.relative gives, for any folder and any path, plain or not.
import { relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relativeFrom } from "../src/files/paths.js";

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

// A file's path relative to a folder, without path.relative where the answer is
// plain to see: a run asks it of every file, several times over; and whether
// such a path stays inside the folder.
import { dirname, isAbsolute, relative, sep } from "node:path";

/** A relative path with a `.` or `..` segment, an empty one, or a separator at either end: left to path.relative. */
const UNPLAIN = /(?:^|\/)\.\.?(?:\/|$)|\/\/|^\/|\/$/;

/**
 * What path.relative(dir, file) gives, as a function of `file`, for a `dir` that
 * is already resolved (absolute, normalised). A file below one of the folder's
 * ancestors is that many `../` and the rest of its path.
 */
export function relativeFrom(dir: string): (file: string) => string {
  if (sep !== "/") return (file) => relative(dir, file);
  // The folder and each folder above it, ending in a separator: "/a/b/", "/a/", "/".
  const ancestors: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    ancestors.push(d === "/" ? d : `${d}/`);
    if (d === "/" || d === ".") break;
  }
  return (file) => {
    for (let up = 0; up < ancestors.length; up++) {
      const ancestor = ancestors[up]!;
      if (!file.startsWith(ancestor)) continue;
      const rest = file.slice(ancestor.length);
      // The file may be the folder below this ancestor itself, which is no path below it.
      if (rest && !UNPLAIN.test(rest) && (up === 0 || `${file}/` !== ancestors[up - 1])) return "../".repeat(up) + rest;
      break;
    }
    return relative(dir, file);
  };
}

/**
 * Whether a path relative to a folder, as path.relative gives it, names
 * something inside the folder: not the folder itself (""), not above it
 * (`..`, `../x`), not on another drive (absolute). `..notes.md` is inside.
 */
export function isInside(rel: string): boolean {
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !rel.startsWith("../") && !isAbsolute(rel);
}

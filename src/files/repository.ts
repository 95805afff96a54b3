// The repository a path belongs to: the nearest folder above it with a .git.
// Config may only point inside it, so a pull request cannot make adlint read
// files elsewhere on the machine that runs it.
import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** The nearest folder at or above `dir` that holds a .git. */
export function repositoryRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** The real path of `path` (links resolved) when it exists, else `path` itself. */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Whether `path` is `folder` or lies below it, once links are followed. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(real(folder), real(resolve(path)));
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

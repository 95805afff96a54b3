// The lines a change adds, read from `git diff --unified=0` between two
// revisions: for each file still present afterwards, its path in the new
// revision and the 1-based line numbers it added. Deleted and binary files
// have no lines to check and are left out; a rename is filed under its new path.
import { git } from "./git.js";

export type ChangeStatus = "added" | "modified" | "renamed" | "deleted";

export interface FileChange {
  /** Repository-relative path in the new revision (the old one for a deletion), with `/`. */
  path: string;
  /** The path before a rename. */
  oldPath?: string;
  status: ChangeStatus;
  binary: boolean;
  /** Line numbers in the new revision that the change added or rewrote. */
  added: Set<number>;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/** Undoes git's C-style quoting of unusual paths: `"a\tb\303\251"` -> the path's UTF-8 bytes. */
export function unquotePath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** `a/path` or `"b/path"` as printed after ---, +++ -> the path without its prefix; undefined for /dev/null. */
function sidePath(text: string, prefix: "a/" | "b/"): string | undefined {
  const path = unquotePath(text.trim());
  if (path === "/dev/null") return undefined;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses a patch printed by `git diff --unified=0 --src-prefix=a/ --dst-prefix=b/`. */
export function parseDiff(patch: string): FileChange[] {
  const files: FileChange[] = [];
  let file: FileChange | undefined;
  // Lines of the current hunk's body still to come: they may look like headers.
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of patch.split("\n")) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith("-")) oldLeft--;
      else if (line.startsWith("+")) newLeft--;
      else if (line.startsWith(" ")) (oldLeft--, newLeft--);
      continue; // "\ No newline at end of file" counts for neither side
    }
    if (line.startsWith("diff --git ")) {
      file = { path: "", status: "modified", binary: false, added: new Set() };
      files.push(file);
      // Filled in below from ---/+++ or rename lines; the header is the fallback for
      // changes with neither (a mode change, a binary file): `diff --git a/p b/p`.
      const m = /^diff --git a\/(.*) b\/(.*)$/.exec(line);
      if (m && m[1] === m[2]) file.path = m[2]!;
      continue;
    }
    if (!file) continue;
    if (line.startsWith("new file mode")) file.status = "added";
    else if (line.startsWith("deleted file mode")) file.status = "deleted";
    else if (line.startsWith("rename from ")) (file.oldPath = unquotePath(line.slice(12)), (file.status = "renamed"));
    else if (line.startsWith("rename to ")) file.path = unquotePath(line.slice(10));
    else if (line.startsWith("Binary files ") || line === "GIT binary patch") file.binary = true;
    else if (line.startsWith("--- ")) {
      const old = sidePath(line.slice(4), "a/");
      if (old !== undefined && !file.path) file.path = old;
    } else if (line.startsWith("+++ ")) {
      const now = sidePath(line.slice(4), "b/");
      if (now === undefined) file.status = "deleted";
      else file.path = now;
    } else {
      const hunk = HUNK.exec(line);
      if (!hunk) continue;
      const oldCount = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const start = Number(hunk[2]);
      const count = hunk[3] === undefined ? 1 : Number(hunk[3]);
      for (let n = start; n < start + count; n++) file.added.add(n);
      oldLeft = oldCount;
      newLeft = count;
    }
  }
  return files;
}

/** What changed between `base` and `head` in the repository at `cwd`. */
export async function diffRevisions(base: string, head: string, cwd: string): Promise<FileChange[]> {
  const patch = await git(
    [
      "-c", "core.quotePath=false",
      "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", "--find-renames",
      "--src-prefix=a/", "--dst-prefix=b/", base, head, "--",
    ],
    cwd,
  );
  return parseDiff(patch);
}

/** The files a change leaves to check: neither deleted nor binary, by repository-relative path. */
export function changedLines(changes: FileChange[]): Map<string, Set<number>> {
  return new Map(changes.filter((c) => c.status !== "deleted" && !c.binary && c.path).map((c) => [c.path, c.added]));
}

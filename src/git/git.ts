// Runs git as a child process, without a shell, and returns what it prints.
import { execFile } from "node:child_process";
import { AdlintError } from "../core/errors.js";

export interface GitOptions {
  cwd: string;
  /** Return raw bytes instead of text (file contents at a revision). */
  buffer?: boolean;
}

/** Runs `git args…` in `cwd`; a failure is an AdlintError quoting git's own words. */
export function git(args: string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile("git", args, { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const why = stderr.trim().split("\n")[0] || error.message;
        fail(new AdlintError(`git ${args.slice(0, 2).join(" ")} failed: ${why}`));
      } else done(stdout);
    });
  });
}

/** Like git(), but resolves to undefined where git fails (a missing revision or path). */
export async function gitMaybe(args: string[], cwd: string): Promise<string | undefined> {
  try {
    return await git(args, cwd);
  } catch {
    return undefined;
  }
}

/** The full SHA a revision names, or undefined when the repository does not have it. */
export async function resolveRevision(revision: string, cwd: string): Promise<string | undefined> {
  const out = await gitMaybe(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], cwd);
  return out?.trim() || undefined;
}

/** The top folder of the work tree that holds `cwd`. */
export async function topLevel(cwd: string): Promise<string> {
  return (await git(["rev-parse", "--show-toplevel"], cwd)).trim();
}

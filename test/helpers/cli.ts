// Runs the built adlint command (lib/cli/main.cjs) as users run it.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const MAIN = fileURLToPath(new URL("../../lib/cli/main.cjs", import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command in `cwd`; runs are independent, so tests may run them concurrently. */
export function adlint(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [MAIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } }, (_error, stdout, stderr) =>
      done({ code: child.exitCode, stdout, stderr }),
    );
  });
}

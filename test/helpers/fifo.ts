// Makes a named pipe with mkfifo, where the system has it.
import { execFileSync } from "node:child_process";

/** Creates a FIFO at `path`; false when the system cannot. */
export function mkfifoSync(path: string): boolean {
  try {
    execFileSync("mkfifo", [path], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

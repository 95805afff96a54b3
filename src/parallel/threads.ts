// How many threads lint a run. Apart from the pool, so that a run in this
// thread alone never loads node:worker_threads (3 ms of starting up).
import { availableParallelism } from "node:os";

/** `auto`: a thread per core, one for few files; a number: that many threads; `off`: lint in this thread alone. */
export type Concurrency = "auto" | "off" | number;

/** Below this many files per thread, starting workers (each loads the packs) costs more than it saves. */
const FILES_PER_THREAD = 64;

/**
 * How many threads are to lint `files` files, this one among them: a worker
 * is started for each of the others. One means this thread alone.
 */
export function threadCount(concurrency: Concurrency, files: number): number {
  if (concurrency === "off") return 1;
  if (concurrency === "auto") return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_THREAD)));
  return Math.max(1, Math.min(concurrency, files));
}

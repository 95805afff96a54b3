// Worker threads that read and lint files side by side. The main thread keeps
// the rest of the I/O (finding files, the cache, the report); a worker runs the
// same job the main thread runs without workers, so a file's result is the same
// whichever thread linted it.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { FileJob, FileOutcome } from "../lint-job.js";
import type { ProjectOptions } from "../project.js";

/** `auto`: a worker per core, none for few files; a number: that many workers; `off`: lint in this thread. */
export type Concurrency = "auto" | "off" | number;

export interface Job extends FileJob {
  id: number;
}

export type Reply = { id: number; outcome: FileOutcome } | { id: number; error: string };

/**
 * What goes to a worker: a batch of jobs, for a message costs both threads a
 * wake-up. What comes back: the batch's replies as JSON, which both threads
 * write and read faster than a structured clone of thousands of diagnostics.
 */
export type Batch = Job[];
export type BatchReply = string;

/** The most jobs sent to a worker at once. */
const MAX_BATCH = 16;

/** Below this many files per worker, starting workers (each loads the packs) costs more than it saves. */
const FILES_PER_WORKER = 64;

/** How many workers to start for `files` files; 0 means lint in this thread. */
export function workerCount(concurrency: Concurrency, files: number): number {
  if (concurrency === "off") return 0;
  if (concurrency === "auto") {
    const n = Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER));
    return n >= 2 ? n : 0;
  }
  return Math.max(1, Math.min(concurrency, files));
}

// Built once to lib/; the path is the same from src/parallel and lib/parallel.
const WORKER = new URL("../../lib/parallel/worker.js", import.meta.url);

export class LintPool {
  private readonly workers: Worker[];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ job: Job; settle: (reply: Reply) => void }> = [];
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private next = 0;
  private failure: Error | undefined;

  constructor(size: number, project: ProjectOptions) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER, { workerData: project });
      worker.on("message", (batch: BatchReply) => {
        this.idle.push(worker);
        this.dispatch();
        for (const reply of JSON.parse(batch) as Reply[]) {
          const settle = this.waiting.get(reply.id);
          this.waiting.delete(reply.id);
          settle?.(reply);
        }
      });
      worker.on("error", (e) => this.fail(e));
      this.idle.push(worker);
      return worker;
    });
  }

  run(fileJob: FileJob): Promise<FileOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const job = { ...fileJob, id: this.next++ };
      this.queue.push({ job, settle: (reply) => ("error" in reply ? reject(new Error(reply.error)) : resolve(reply.outcome)) });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Shares the queue among idle workers, in batches. */
  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const share = Math.min(MAX_BATCH, Math.ceil(this.queue.length / (this.idle.length + 1)));
      const batch: Batch = [];
      while (batch.length < share) {
        const { job, settle } = this.queue.shift()!;
        this.waiting.set(job.id, settle);
        batch.push(job);
      }
      worker.postMessage(batch);
    }
  }

  /** A worker that dies (it could not open the project) fails every job, not just its own. */
  private fail(e: Error): void {
    this.failure = e;
    for (const settle of this.waiting.values()) settle({ id: -1, error: e.message });
    for (const { settle } of this.queue.splice(0)) settle({ id: -1, error: e.message });
    this.waiting.clear();
  }
}

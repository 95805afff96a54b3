// Threads that read and lint files side by side: worker threads, and the main
// thread between their messages. The main thread also keeps the rest of the I/O
// (finding files, the cache, the report); a worker runs the same job the main
// thread runs, so a file's result is the same whichever thread linted it.
import { Worker } from "node:worker_threads";
import type { FileJob, FileOutcome } from "../lint-job.js";
import type { ProjectOptions } from "../project.js";

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

/** How many batches a worker is sent before it answers one. */
const BATCHES_AHEAD = 2;

/** How many jobs the main thread lints before it reads the workers' messages again. */
const LOCAL_BATCH = 4;

// Built once to lib/; the path is the same from src/parallel and lib/parallel.
const WORKER = new URL("../../lib/parallel/start-worker.cjs", import.meta.url);

export class LintPool {
  private readonly workers: Worker[];
  /** A worker for each batch it has room for: one it lints, and one waiting, so that it never waits for this thread. */
  private readonly room: Worker[] = [];
  private readonly queue: Array<{ job: Job; settle: (reply: Reply) => void }> = [];
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private next = 0;
  private failure: Error | undefined;
  /** Whether this thread has jobs to lint, or is about to. */
  private busyHere = false;

  /** `size` workers; with `here`, this thread lints jobs too, through it, between the workers' messages. */
  constructor(
    size: number,
    project: ProjectOptions,
    private readonly here?: (job: FileJob) => FileOutcome,
  ) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER, { workerData: project });
      worker.on("message", (batch: BatchReply) => {
        this.room.push(worker);
        this.dispatch();
        for (const reply of JSON.parse(batch) as Reply[]) {
          const settle = this.waiting.get(reply.id);
          this.waiting.delete(reply.id);
          settle?.(reply);
        }
      });
      worker.on("error", (e) => this.fail(e));
      for (let k = 0; k < BATCHES_AHEAD; k++) this.room.push(worker);
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

  /** Shares the queue among workers with room, in batches, and keeps a few jobs for this thread. */
  private dispatch(): void {
    if (this.here && !this.busyHere && this.queue.length > 0) {
      this.busyHere = true;
      // After the messages waiting, which may be workers asking for more.
      setImmediate(() => this.lintHere());
    }
    while (this.room.length && this.queue.length) {
      const worker = this.room.pop()!;
      const share = Math.min(MAX_BATCH, Math.ceil(this.queue.length / (this.room.length + 1)));
      const batch: Batch = [];
      while (batch.length < share) {
        const { job, settle } = this.queue.shift()!;
        this.waiting.set(job.id, settle);
        batch.push(job);
      }
      worker.postMessage(batch);
    }
  }

  /** Lints a few jobs of the queue in this thread. */
  private lintHere(): void {
    for (const { job, settle } of this.queue.splice(0, LOCAL_BATCH)) {
      try {
        settle({ id: job.id, outcome: this.here!(job) });
      } catch (e) {
        settle({ id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    }
    this.busyHere = false;
    this.dispatch();
  }

  /** A worker that dies (it could not open the project) fails every job, not just its own. */
  private fail(e: Error): void {
    this.failure = e;
    for (const settle of this.waiting.values()) settle({ id: -1, error: e.message });
    for (const { settle } of this.queue.splice(0)) settle({ id: -1, error: e.message });
    this.waiting.clear();
  }
}

// A worker thread's side of the pool: it opens the project once, as the main
// thread opened it, and reads and lints the files it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { runJob } from "../lint-job.js";
import { openProject, type ProjectOptions } from "../project.js";
import type { Batch, BatchReply, Reply } from "./pool.js";

const project = openProject(workerData as ProjectOptions);

parentPort!.on("message", (batch: Batch) => {
  const replies = batch.map((job): Reply => {
    try {
      return { id: job.id, outcome: runJob(project, job) };
    } catch (e) {
      return { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  });
  parentPort!.postMessage(JSON.stringify(replies) satisfies BatchReply);
});

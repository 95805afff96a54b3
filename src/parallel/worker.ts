// A worker thread's side of the pool: it opens the project once, as the main
// thread opened it, and lints the texts it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { lintCopy } from "../lint-copy.js";
import { openProject, type ProjectOptions } from "../project.js";
import type { Batch, BatchReply, Reply } from "./pool.js";

const project = openProject(workerData as ProjectOptions);

parentPort!.on("message", (batch: Batch) => {
  const replies = batch.map((job): Reply => {
    try {
      return { id: job.id, linted: lintCopy(project, job.text, job.source, job.fix) };
    } catch (e) {
      return { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  });
  parentPort!.postMessage(JSON.stringify(replies) satisfies BatchReply);
});

// A worker thread's side of the pool: it opens the project once, as the main
// thread opened it, and lints the texts it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { lintCopy } from "../lint-copy.js";
import { openProject, type ProjectOptions } from "../project.js";
import type { Job, Reply } from "./pool.js";

const project = openProject(workerData as ProjectOptions);

parentPort!.on("message", (job: Job) => {
  let reply: Reply;
  try {
    reply = { id: job.id, linted: lintCopy(project, job.text, job.source, job.fix) };
  } catch (e) {
    reply = { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});

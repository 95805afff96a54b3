// The commit a run compares against. On a pull_request checkout GitHub checks
// out a merge commit of the branch into its base, so the base is HEAD^1; for
// other checkouts it is the base SHA (pull requests) or `before` (pushes) from
// the event payload, when the repository has that commit.
import { existsSync, readFileSync } from "node:fs";
import { resolveRevision } from "../git/git.js";

export interface EventInfo {
  name: string;
  payload: Record<string, unknown>;
}

export function readEvent(env: NodeJS.ProcessEnv): EventInfo {
  const name = env["GITHUB_EVENT_NAME"] ?? "";
  const path = env["GITHUB_EVENT_PATH"];
  let payload: Record<string, unknown> = {};
  if (path && existsSync(path)) {
    try {
      payload = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    } catch {
      payload = {};
    }
  }
  return { name, payload };
}

export const isPullRequest = (event: EventInfo): boolean => event.name === "pull_request" || event.name === "pull_request_target";

const NO_COMMIT = /^0+$/;

function payloadBase(event: EventInfo): string | undefined {
  const pr = event.payload["pull_request"] as { base?: { sha?: unknown } } | undefined;
  const sha = isPullRequest(event) ? pr?.base?.sha : event.payload["before"];
  return typeof sha === "string" && sha && !NO_COMMIT.test(sha) ? sha : undefined;
}

export interface Base {
  sha: string;
  /** How it was found, for the log. */
  from: "merge-parent" | "payload";
}

/** The base commit, or undefined when the event names none the repository has (a new branch, a manual run). */
export async function findBase(event: EventInfo, repo: string): Promise<Base | undefined> {
  if (event.name === "pull_request") {
    // A merge commit has a second parent; a checkout of the branch itself does not.
    const second = await resolveRevision("HEAD^2", repo);
    const first = second ? await resolveRevision("HEAD^1", repo) : undefined;
    if (first) return { sha: first, from: "merge-parent" };
  }
  const named = payloadBase(event);
  const sha = named ? await resolveRevision(named, repo) : undefined;
  return sha ? { sha, from: "payload" } : undefined;
}

/** The SHA the payload names as the base, found in the repository or not. */
export const namedBase = payloadBase;

// Starts a worker thread from its CommonJS bundle, worker.cjs beside this file,
// through V8's code cache (see compile-cache.ts), as lib/cli/main.cjs starts the
// command. The cache is kept as soon as the worker has opened its project: the
// pool stops its workers without letting them exit.
import { fileURLToPath } from "node:url";
import { runBundle } from "../compile-cache.js";

/** A hash of the bundle's text, put in when it was built. */
declare const ADLINT_BUNDLE_HASH: string;

runBundle(fileURLToPath(new URL("worker.cjs", import.meta.url)), ADLINT_BUNDLE_HASH, { keepNow: true });

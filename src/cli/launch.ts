#!/usr/bin/env node
// Starts the command, bundled as CommonJS in adlint.cjs beside this file,
// through V8's code cache (see compile-cache.ts): a run after the first skips
// compiling most of the bundle, about 70 ms of a single file's run.
import { fileURLToPath } from "node:url";
import { runBundle } from "../compile-cache.js";

/** A hash of the bundle's text, put in when it was built. */
declare const ADLINT_BUNDLE_HASH: string;

// A run that prints only the help or the version compiles next to none of the
// bundle. The cache it would write, kept until the next build, would leave
// every run after it to compile the linter again (20 ms of a single file's run).
const onlyTells = process.argv.slice(2).some((arg) => ["--help", "-h", "--version", "-v"].includes(arg));

runBundle(fileURLToPath(new URL("adlint.cjs", import.meta.url)), ADLINT_BUNDLE_HASH, { keep: !onlyTells });

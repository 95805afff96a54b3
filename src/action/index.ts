// The entry point esbuild bundles into dist/action/index.js.
import * as core from "@actions/core";
import { AdlintError } from "../core/errors.js";
import { run } from "./main.js";

run().catch((e: unknown) => {
  core.setFailed(e instanceof AdlintError ? `adlint: ${e.format()}` : `adlint: internal error: ${(e as Error)?.stack ?? String(e)}`);
});

// The one hash adlint keys things by: a file's bytes, and what else decides
// its results, in the result cache.
import { createRequire } from "node:module";

let crypto: typeof import("node:crypto") | undefined;

export function contentHash(content: string | Uint8Array): string {
  // Loaded by the first hash: node:crypto takes 7 ms to start, which a run without --cache never needs.
  crypto ??= createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return crypto.createHash("sha1").update(content).digest("hex");
}

// The hashes adlint keys things by: SHA-1 for a file's bytes, and what else
// decides its results, in the result cache; 32-bit FNV-1a where a short,
// stable name is enough (a file's shard, a kept pack's file).
import { createRequire } from "node:module";

let crypto: typeof import("node:crypto") | undefined;

export function contentHash(content: string | Uint8Array): string {
  // Loaded by the first hash: node:crypto takes 7 ms to start, which a run without --cache never needs.
  crypto ??= createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return crypto.createHash("sha1").update(content).digest("hex");
}

/** 32-bit FNV-1a of the string's UTF-8 bytes. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

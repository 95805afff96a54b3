// The one hash adlint keys things by: a file's bytes in the result cache, a
// pack's YAML in its snapshot.
import { createHash } from "node:crypto";

export function contentHash(content: string | Uint8Array): string {
  return createHash("sha1").update(content).digest("hex");
}

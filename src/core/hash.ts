// The one hash adlint keys things by: a file's text in the result cache, a
// pack's YAML in its snapshot.
import { createHash } from "node:crypto";

export function contentHash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

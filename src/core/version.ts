// adlint's own version, as `adlint --version` prints it and caches are keyed by.
import { readFileSync } from "node:fs";

let ownVersion: string | undefined;

/** adlint's version, from the package.json at the package root (beside lib/ and src/), as `adlint --version` reads it. */
export function adlintVersion(): string {
  if (ownVersion === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
      if (typeof pkg.version === "string") ownVersion = pkg.version;
    } catch {
      // Handled below.
    }
    // With no version to tell one adlint from the next, a cache is trusted only by the run that wrote it.
    ownVersion ??= `unknown-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  }
  return ownVersion;
}

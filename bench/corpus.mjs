// The benchmark's inputs: synthetic corpora and the term list, made once with the shared
// generator and kept in the system's temporary folder, and the Markdown files of a corpus.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const benchDir = join(tmpdir(), "adlint-bench");

/**
 * The folder of the corpus of `n` Markdown files at `density` (the generator's default when
 * undefined), generated unless a complete one is there: the generator writes the manifest last.
 */
export function corpusDir(generator, n, density) {
  const name = `corpus-${n}${density !== undefined ? `-d${density}` : ""}`;
  const dir = join(benchDir, name);
  if (!existsSync(`${dir}.manifest.json`)) {
    const args = [generator, "--mode", "md", "--out", dir, "--n", String(n)];
    if (density !== undefined) args.push("--density", String(density));
    process.stderr.write(`generating ${name} ...\n`);
    // The generator prints its manifest; stdout is kept for the table.
    execFileSync(process.execPath, args, { stdio: ["ignore", 2, 2] });
  }
  return dir;
}

/** The folder holding terms.json and prh.yml for `count` terms, generated unless there. */
export function termsDir(generator, count) {
  const dir = join(benchDir, `terms-${count}`);
  if (!existsSync(join(dir, "prh.yml")) || !existsSync(join(dir, "terms.json"))) {
    process.stderr.write(`generating ${count} terms ...\n`);
    execFileSync(process.execPath, [generator, "--mode", "terms", "--out", dir, "--count", String(count)], {
      stdio: ["ignore", 2, 2],
    });
  }
  return dir;
}

/** The Markdown files under `dir`, sorted by relative path, with their sizes. */
export function markdownFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { recursive: true })) {
    const rel = String(entry);
    if (!rel.endsWith(".md")) continue;
    const path = join(dir, rel);
    const stat = statSync(path);
    if (stat.isFile()) files.push({ rel, path, bytes: stat.size });
  }
  return files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

export const totalBytes = (files) => files.reduce((n, f) => n + f.bytes, 0);

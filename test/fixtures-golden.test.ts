// The bundled sample copy, linted as a writer would lint it from the repository
// root: every finding's position, rule and the exact text it covers are kept in
// a reviewed golden file, so a change in any format or rule shows up here.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decode } from "../src/files/decode.js";
import { lint } from "../src/lint.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

describe("fixtures/", async () => {
  const results = await lint(["fixtures"], { cwd: ROOT });

  it("reads a file of every format", () => {
    const extensions = new Set(results.map((r) => r.filePath.replace(/^.*\./, ".")));
    for (const ext of [".md", ".txt", ".tsx", ".html", ".yaml", ".json", ".srt", ".vtt"]) expect(extensions).toContain(ext);
  });

  it("finds nothing wrong in the clean samples", () => {
    const clean = results.filter((r) => r.filePath.includes("/fixtures/clean/"));
    expect(clean.length).toBeGreaterThan(0);
    for (const r of clean) expect(r.messages.filter((m) => m.severity === 2)).toEqual([]);
  });

  it("reports each violation at its exact characters", async () => {
    const lines: string[] = [];
    for (const r of results) {
      if (r.messages.length === 0) continue;
      lines.push(relative(ROOT, r.filePath));
      // The text as adlint read it, whatever the file's encoding.
      const source = decode(readFileSync(r.filePath)).text;
      for (const m of r.messages) {
        const text = source.slice(m.range[0], m.range[1]).replace(/\r?\n/g, "⏎");
        lines.push(`  ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity === 2 ? "error" : "warn "} ${m.ruleId} 「${text}」`);
      }
    }
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("golden/fixtures.txt");
  });
});

// End to end with a real editor: headless Neovim and its built-in LSP client
// start `adlint lsp --stdio`, show the diagnostics of a fixture with emoji
// before the finding, and apply the first quick fix (the rule's fix).
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../lib/cli/main.cjs", import.meta.url));
const FIXTURE = fileURLToPath(new URL("./fixtures/lsp/", import.meta.url));

function findNvim(): string | undefined {
  try {
    return execFileSync("sh", ["-c", "command -v nvim"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const nvim = findNvim();
const out = mkdtempSync(join(tmpdir(), "adlint-nvim-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const read = (name: string): unknown => (existsSync(join(out, name)) ? JSON.parse(readFileSync(join(out, name), "utf8")) : undefined);

describe("Neovim", () => {
  // CI installs Neovim (.ci/run); elsewhere the test is skipped when it is missing.
  it.skipIf(!nvim && !process.env["CI"])("shows adlint's diagnostics at the right characters and applies the quick fix", async () => {
    expect(nvim, "nvim is installed").toBeDefined();
    const run = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = execFile(
        nvim!,
        ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${join(FIXTURE, "nvim-init.lua")}`],
        {
          cwd: FIXTURE,
          timeout: 90_000,
          killSignal: "SIGKILL",
          env: { ...process.env, ADLINT_MAIN: MAIN, ADLINT_NODE: process.execPath, ADLINT_FILE: join(FIXTURE, "poster.md"), ADLINT_OUT: out, ADLINT_ROOT: FIXTURE },
        },
        (_error, _stdout, stderr) => done({ code: child.exitCode, stderr: String(stderr) }),
      );
    });
    expect(read("error.json"), run.stderr).toBeUndefined();
    expect(run.code).toBe(0);

    const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
    // Line 3 is "🎉🎉 这是本店最好的面膜，补水提亮。": two emoji are 4 UTF-16 units and 8 bytes.
    expect(read("before.json")).toEqual([
      { lnum: 2, end_lnum: 2, col: 21, end_col: 27, text: "最好", code: "shop/absolute", message: "「最好」属于绝对化用语（广告法第九条第三项）", range: range(2, 9, 11) },
      { lnum: 4, end_lnum: 4, col: 20, end_col: 23, text: "36%", code: "shop/stat", message: "数据「36%」需注明出处（广告法第十一条）", range: range(4, 8, 11) },
    ]);
    expect(read("action.json")).toEqual({ title: "将「最好」改为「很好」", isPreferred: true });
    const after = read("after.json") as { diagnostics: Array<{ code: string }>; lines: string[] };
    expect(after.lines[2]).toBe("🎉🎉 这是本店很好的面膜，补水提亮。");
    expect(after.diagnostics.map((d) => d.code)).toEqual(["shop/stat"]);
  }, 120_000);
});

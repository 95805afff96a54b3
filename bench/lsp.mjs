// How quickly the language server answers typing: a 20 KB Markdown document,
// 50 edits, and the time from each didChange to the publishDiagnostics for that
// version (debounce 0). Run with `npm run bench:lsp` after a build.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";

const MAIN = fileURLToPath(new URL("../lib/cli/main.cjs", import.meta.url));
const EDITS = 50;
const TIMEOUT_MS = 30_000;

const clean = "我们的面膜采用天然植物成分，温和补水，适合各种肤质使用。每天晚上洁面后取适量涂抹于面部。\n\n";
const risky = "这是本店最好的面膜，好评率99%，国家级配方。\n\n";
let text = "# 春季上新\n\n";
for (let i = 0; Buffer.byteLength(text) < 20 * 1024; i++) text += i % 8 === 0 ? risky : clean;

const dir = mkdtempSync(join(tmpdir(), "adlint-bench-"));
const server = spawn(process.execPath, [MAIN, "lsp", "--stdio"], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
const conn = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const waiting = new Map();
conn.onNotification("textDocument/publishDiagnostics", (p) => {
  const done = waiting.get(p.version);
  if (done) {
    waiting.delete(p.version);
    done(p);
  }
});
conn.onRequest(() => null);
conn.listen();

const published = (version) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    waiting.set(version, (p) => {
      clearTimeout(timer);
      resolve(p);
    });
  });

try {
  await conn.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "bench" }],
    initializationOptions: { debounceMs: 0 },
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification("initialized", {});
  const uri = pathToFileURL(join(dir, "bench.md")).href;
  const opened = published(1);
  await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });
  const first = await opened;

  // Each edit types a character into the middle of the document, then the next edit waits for its diagnostics.
  const times = [];
  const lines = text.split("\n");
  for (let version = 2; version < EDITS + 2; version++) {
    const line = Math.floor((lines.length * (version - 2)) / EDITS);
    const ready = published(version);
    const start = performance.now();
    await conn.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: version % 2 ? "最" : "好" }],
    });
    await ready;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  console.log(`document: ${Buffer.byteLength(text)} bytes, ${first.diagnostics.length} diagnostics; ${EDITS} edits, debounce 0`);
  console.log(`change -> publishDiagnostics: median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
  await conn.sendRequest("shutdown");
  await conn.sendNotification("exit");
} finally {
  setTimeout(() => {
    server.kill();
    conn.dispose();
    rmSync(dir, { recursive: true, force: true });
  }, 500).unref();
}

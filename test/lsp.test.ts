// The language server as an editor meets it: the built `adlint lsp --stdio`
// spawned and driven over JSON-RPC, as a push client and as a pull client.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { afterAll, describe, expect, it } from "vitest";
import { tree } from "./helpers/tree.js";

const MAIN = fileURLToPath(new URL("../lib/cli/main.cjs", import.meta.url));
const FIXTURE = fileURLToPath(new URL("./fixtures/lsp/", import.meta.url));
const PACK = readFileSync(join(FIXTURE, "packs/shop.yaml"), "utf8");
const uri = (path: string) => pathToFileURL(path).href;

/** Fails instead of hanging when the server never answers. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

interface Start {
  folders: string[];
  pull?: boolean;
  options?: Record<string, unknown>;
}

/** A minimal editor: it keeps what the server publishes and logs, and answers the server's requests. */
class Client {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: Array<{ type: number; message: string }> = [];
  readonly registrations: unknown[] = [];
  private listeners: Array<() => void> = [];
  private versions = new Map<string, number>();
  private constructor(
    readonly server: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {}

  static async start({ folders, pull = false, options = {} }: Start): Promise<{ client: Client; init: InitializeResult }> {
    const server = spawn(process.execPath, [MAIN, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
    const conn = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const client = new Client(server, conn);
    conn.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      client.published.push(p);
      client.notify();
    });
    conn.onNotification("window/logMessage", (p: { type: number; message: string }) => {
      client.logs.push(p);
      client.notify();
    });
    conn.onRequest("client/registerCapability", (p: unknown) => {
      client.registrations.push(p);
      client.notify();
      return null;
    });
    for (const method of ["client/unregisterCapability", "workspace/diagnostic/refresh", "window/workDoneProgress/create", "workspace/configuration"])
      conn.onRequest(method, () => null);
    conn.listen();
    running.push(client);
    const init = await within(
      60_000,
      "initialize",
      conn.sendRequest<InitializeResult>("initialize", {
        processId: process.pid,
        rootUri: folders[0] ? uri(folders[0]) : null,
        workspaceFolders: folders.map((f, i) => ({ uri: uri(f), name: `folder-${i}` })),
        initializationOptions: { debounceMs: 20, ...options },
        capabilities: {
          workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true }, workspaceFolders: true },
          textDocument: {
            publishDiagnostics: { versionSupport: true },
            hover: { contentFormat: ["markdown"] },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } }, isPreferredSupport: true },
            ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          },
        },
      }),
    );
    await conn.sendNotification("initialized", {});
    return { client, init };
  }

  private notify(): void {
    for (const l of this.listeners.splice(0)) l();
  }

  /** Waits until `test` holds, checking after each message from the server. */
  until<T>(what: string, test: () => T | undefined, ms = 20_000): Promise<T> {
    return within(
      ms,
      what,
      new Promise<T>((resolve) => {
        const check = () => {
          const value = test();
          if (value !== undefined) resolve(value);
          else this.listeners.push(check);
        };
        check();
      }),
    );
  }

  /** The latest diagnostics published for `docUri` that satisfy `test`. */
  diagnostics(docUri: string, test: (ds: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, ms?: number): Promise<Diagnostic[]> {
    return this.until(
      `diagnostics for ${docUri}`,
      () => {
        const last = this.published.filter((p) => p.uri === docUri).at(-1);
        return last && test(last.diagnostics, last) ? last.diagnostics : undefined;
      },
      ms,
    );
  }

  async open(docUri: string, text: string, languageId = "markdown"): Promise<void> {
    this.versions.set(docUri, 1);
    await this.conn.sendNotification("textDocument/didOpen", { textDocument: { uri: docUri, languageId, version: 1, text } });
  }

  async change(docUri: string, text: string): Promise<number> {
    const version = (this.versions.get(docUri) ?? 1) + 1;
    this.versions.set(docUri, version);
    await this.conn.sendNotification("textDocument/didChange", { textDocument: { uri: docUri, version }, contentChanges: [{ text }] });
    return version;
  }

  request<R>(method: string, params: unknown, ms = 20_000): Promise<R> {
    return within(ms, method, this.conn.sendRequest<R>(method, params));
  }

  async stop(): Promise<void> {
    if (this.server.exitCode !== null) return;
    const exited = new Promise((r) => this.server.once("exit", r));
    try {
      await within(5_000, "shutdown", this.conn.sendRequest("shutdown"));
      await this.conn.sendNotification("exit");
      await within(5_000, "exit", exited);
    } catch {
      this.server.kill();
    }
    this.conn.dispose();
  }
}

const running: Client[] = [];
afterAll(async () => {
  await Promise.all(running.map((c) => c.stop()));
});

const POSTER = readFileSync(join(FIXTURE, "poster.md"), "utf8");
const posterUri = uri(join(FIXTURE, "poster.md"));
const ABSOLUTE = { start: { line: 2, character: 9 }, end: { line: 2, character: 11 } };
const STAT = { start: { line: 4, character: 8 }, end: { line: 4, character: 11 } };

/** A project beside the fixture pack, with its own config. */
function project(config = "packs: [./packs/shop.yaml]\n", files: Record<string, string> = {}): string {
  return tree({ "adlint.config.yaml": config, "packs/shop.yaml": PACK, ...files });
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x", "x", 1, text), edits);
}

describe("language server", () => {
  it("pushes diagnostics on open with exact UTF-16 ranges past emoji, then on change", async () => {
    const { client, init } = await Client.start({ folders: [FIXTURE] });
    expect(init.capabilities.diagnosticProvider).toBeUndefined();
    await client.open(posterUri, POSTER);
    const ds = await client.diagnostics(posterUri);
    expect(ds).toEqual([
      {
        range: ABSOLUTE,
        severity: 1,
        code: "shop/absolute",
        codeDescription: { href: "https://github.com/adlint/adlint/blob/main/docs/rules.md#shop-absolute" },
        source: "adlint",
        message: "「最好」属于绝对化用语（广告法第九条第三项）",
      },
      expect.objectContaining({ range: STAT, severity: 2, code: "shop/stat", message: "数据「36%」需注明出处（广告法第十一条）" }),
    ]);
    const version = await client.change(posterUri, POSTER.replace("🎉🎉", "🎉"));
    const after = await client.diagnostics(posterUri, (_, p) => p.version === version);
    expect(after[0]!.range).toEqual({ start: { line: 2, character: 7 }, end: { line: 2, character: 9 } });
    const cleaned = await client.change(posterUri, "# 春季上新\n\n很好的面膜\n");
    expect(await client.diagnostics(posterUri, (_, p) => p.version === cleaned)).toEqual([]);
  });

  it("answers pull requests, and pushes nothing, to a client that pulls", async () => {
    const { client, init } = await Client.start({ folders: [FIXTURE], pull: true });
    expect(init.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false });
    await client.open(posterUri, POSTER);
    const report = await client.request<{ kind: string; resultId: string; items: Diagnostic[] }>("textDocument/diagnostic", {
      textDocument: { uri: posterUri },
    });
    expect(report.kind).toBe("full");
    expect(report.items.map((d) => [d.code, d.range])).toEqual([
      ["shop/absolute", ABSOLUTE],
      ["shop/stat", STAT],
    ]);
    const again = await client.request<{ kind: string }>("textDocument/diagnostic", { textDocument: { uri: posterUri }, previousResultId: report.resultId });
    expect(again.kind).toBe("unchanged");
    await client.change(posterUri, "很好\n");
    const changed = await client.request<{ items: Diagnostic[] }>("textDocument/diagnostic", { textDocument: { uri: posterUri } });
    expect(changed.items).toEqual([]);
    // A hover round trip after everything above: any push would have arrived before its answer.
    await client.request("textDocument/hover", { textDocument: { uri: posterUri }, position: { line: 0, character: 0 } });
    expect(client.published).toEqual([]);
  });

  it("hovers with the rule, its law, the article text and examples", async () => {
    const { client } = await Client.start({ folders: [FIXTURE] });
    await client.open(posterUri, POSTER);
    await client.diagnostics(posterUri);
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri: posterUri }, position: { line: 2, character: 10 } });
    const text = (hover.contents as { kind: string; value: string }).value;
    expect((hover.contents as { kind: string }).kind).toBe("markdown");
    expect(text).toContain("**shop/absolute** · 错误 · 广告法第九条第三项");
    expect(text).toContain("广告法第九条");
    expect(text).toContain("使用“国家级”、“最高级”、“最佳”等用语");
    expect(text).toContain("绝对化用语不得用于描述推销的商品");
    expect(text).toContain("- 这是本店最好的面膜");
    expect(text).toContain("- 很好的面膜");
    expect(hover.range).toEqual(ABSOLUTE);
    const none = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri: posterUri }, position: { line: 2, character: 2 } });
    expect(none).toBeNull();
  });

  it("offers the fix (preferred), the suggestions and a disable directive per format", async () => {
    const { client } = await Client.start({ folders: [FIXTURE] });
    await client.open(posterUri, POSTER);
    await client.diagnostics(posterUri);
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri: posterUri },
      range: { start: { line: 2, character: 10 }, end: { line: 2, character: 10 } },
      context: { diagnostics: [] },
    });
    const edits = (a: CodeAction) => a.edit!.changes![posterUri]!;
    expect(actions.map((a) => [a.title, a.isPreferred ?? false, a.kind])).toEqual([
      ["将「最好」改为「很好」", true, "quickfix"],
      ["改为「优质」", false, "quickfix"],
      ["改为「精选」", false, "quickfix"],
      ["在此行停用 shop/absolute", false, "quickfix"],
    ]);
    expect(edits(actions[0]!)).toEqual([{ range: ABSOLUTE, newText: "很好" }]);
    expect(edits(actions[1]!)).toEqual([{ range: ABSOLUTE, newText: "优质" }]);
    expect(actions[0]!.diagnostics?.[0]?.code).toBe("shop/absolute");
    expect(edits(actions[3]!)).toEqual([
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: "<!-- adlint-disable-next-line shop/absolute -- 理由 -->\n" },
    ]);

    // Applying the fix clears the finding.
    const fixed = applyEdits(POSTER, edits(actions[0]!));
    const version = await client.change(posterUri, fixed);
    const after = await client.diagnostics(posterUri, (_, p) => p.version === version);
    expect(after.map((d) => d.code)).toEqual(["shop/stat"]);

    const disable = async (file: string, text: string, line: number, languageId: string) => {
      const docUri = uri(join(FIXTURE, file));
      await client.open(docUri, text, languageId);
      const ds = await client.diagnostics(docUri, (d) => d.length > 0);
      const target = ds.find((d) => d.code === "shop/absolute" && d.range.start.line === line)!;
      const got = await client.request<CodeAction[]>("textDocument/codeAction", {
        textDocument: { uri: docUri },
        range: target.range,
        context: { diagnostics: [target], only: ["quickfix"] },
      });
      const action = got.find((a) => a.title.startsWith("在此行停用"));
      return applyEdits(text, action!.edit!.changes![docUri]!);
    };
    expect(await disable("card.tsx", "export const Card = () => (\n  <div>\n    最好的面膜\n  </div>\n);\n", 2, "typescriptreact")).toBe(
      "export const Card = () => (\n  <div>\n    {/* adlint-disable-next-line shop/absolute -- 理由 */}\n    最好的面膜\n  </div>\n);\n",
    );
    expect(await disable("copy.ts", 'export const title = "最好的面膜";\n', 0, "typescript")).toBe(
      '// adlint-disable-next-line shop/absolute -- 理由\nexport const title = "最好的面膜";\n',
    );
    expect(await disable("content/items.yaml", "items:\n  - title: 最好的面膜\n", 1, "yaml")).toBe(
      "items:\n  # adlint-disable-next-line shop/absolute -- 理由\n  - title: 最好的面膜\n",
    );
  });

  it("reloads the config when a watched file changes, without a restart", async () => {
    const root = project();
    const { client } = await Client.start({ folders: [root] });
    await client.until("a file watcher registration", () =>
      client.registrations.find((r) => JSON.stringify(r).includes("adlint.config.{yaml,yml}")),
    );
    const doc = uri(join(root, "a.md"));
    await client.open(doc, "这是最好的面膜\n");
    expect((await client.diagnostics(doc, (d) => d.length > 0)).map((d) => d.code)).toEqual(["shop/absolute"]);
    writeFileSync(join(root, "adlint.config.yaml"), "packs: [./packs/shop.yaml]\nrules:\n  shop/absolute: off\n");
    await client.conn.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(join(root, "adlint.config.yaml")), type: 2 }] });
    expect(await client.diagnostics(doc, (d) => d.length === 0)).toEqual([]);
  });

  it("shows a broken pack as one diagnostic on the pack and keeps the last good project", async () => {
    const root = project();
    const { client } = await Client.start({ folders: [root] });
    const doc = uri(join(root, "a.md"));
    await client.open(doc, "这是最好的面膜\n");
    await client.diagnostics(doc, (d) => d.length > 0);
    const packFile = join(root, "packs/shop.yaml");
    writeFileSync(packFile, PACK.replace("    kind: claim\n", "    kind: claim\n    evidance: [来源]\n"));
    await client.conn.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(packFile), type: 2 }] });
    const onPack = await client.diagnostics(uri(packFile));
    const line = PACK.split("\n").findIndex((l) => l === "    kind: claim") + 1;
    expect(onPack).toHaveLength(1);
    expect(onPack[0]).toMatchObject({ range: { start: { line, character: 4 } }, severity: 1, source: "adlint" });
    expect(onPack[0]!.message).toContain('unknown key "evidance"');
    // The document is linted again with the last good project, and the server still answers.
    const ds = await client.diagnostics(doc, () => client.published.filter((p) => p.uri === doc).length >= 2);
    expect(ds.map((d) => d.code)).toEqual(["shop/absolute"]);
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri: doc }, position: { line: 0, character: 3 } });
    expect(JSON.stringify(hover.contents)).toContain("广告法第九条第三项");
    // Mended: the pack's diagnostic goes away.
    writeFileSync(packFile, PACK);
    await client.conn.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(packFile), type: 2 }] });
    expect(await client.diagnostics(uri(packFile), (d) => d.length === 0)).toEqual([]);
  });

  it("starts with a broken config or an unreadable pack, reports it, and keeps serving", async () => {
    const root = project("packs: [./packs/shop.yaml]\nrules:\n  shop/absolute: sometimes\n");
    const { client } = await Client.start({ folders: [root] });
    const onConfig = await client.diagnostics(uri(join(root, "adlint.config.yaml")));
    expect(onConfig).toHaveLength(1);
    expect(onConfig[0]!.range.start).toEqual({ line: 2, character: 17 });
    // A pack path that is a folder cannot be read.
    const other = project("packs: [./packs/folder.yaml]\n");
    mkdirSync(join(other, "packs/folder.yaml"));
    const second = await Client.start({ folders: [other] });
    const onPack = await second.client.diagnostics(uri(join(other, "packs/folder.yaml")));
    expect(onPack).toHaveLength(1);
    expect(onPack[0]!.message).toContain("cannot read rule pack (EISDIR)");
    const doc = uri(join(other, "a.md"));
    await second.client.open(doc, "这是最好的面膜\n");
    expect(await second.client.diagnostics(doc)).toEqual([]);
  });

  it("lints a 5 MB document without crashing, capped at maxProblems", async () => {
    const { client } = await Client.start({ folders: [FIXTURE], options: { maxProblems: 500 } });
    const clean = "我们的面膜采用天然植物成分，温和补水，适合各种肤质使用。每天晚上洁面后取适量涂抹于面部。\n\n";
    const parts: string[] = [];
    let bytes = 0;
    for (let i = 0; bytes < 5 * 1024 * 1024; i++) {
      const part = i % 10 === 0 ? "这是本店最好的面膜。\n\n" : clean;
      parts.push(part);
      bytes += Buffer.byteLength(part);
    }
    const doc = uri(join(FIXTURE, "big.md"));
    await client.open(doc, parts.join(""));
    const ds = await client.diagnostics(doc, () => true, 120_000);
    expect(ds).toHaveLength(500);
    expect(ds[0]!.range).toEqual({ start: { line: 0, character: 4 }, end: { line: 0, character: 6 } });
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri: doc }, position: { line: 0, character: 5 } });
    expect(hover).not.toBeNull();
  }, 180_000);

  it("catches a failing handler, logs it, and answers", async () => {
    const { client } = await Client.start({ folders: [FIXTURE] });
    const answer = await client.request("textDocument/hover", { position: { line: 0, character: 0 } });
    expect(answer).toBeNull();
    const actions = await client.request("textDocument/codeAction", { textDocument: { uri: posterUri } });
    expect(actions).toEqual([]);
    await client.until("an error in the log", () => client.logs.find((l) => l.type === 1 && l.message.includes("failed")));
    expect(client.server.exitCode).toBeNull();
  });

  it("gives each workspace folder its own project", async () => {
    const strict = project();
    const lenient = project("packs: [./packs/shop.yaml]\nrules:\n  shop/absolute: warn\n  shop/stat: off\n");
    const { client } = await Client.start({ folders: [strict, lenient] });
    const a = uri(join(strict, "copy/a.md"));
    const b = uri(join(lenient, "copy/b.md"));
    await client.open(a, "最好的面膜，提升36%\n");
    await client.open(b, "最好的面膜，提升36%\n");
    expect((await client.diagnostics(a)).map((d) => [d.code, d.severity])).toEqual([
      ["shop/absolute", 1],
      ["shop/stat", 2],
    ]);
    expect((await client.diagnostics(b)).map((d) => [d.code, d.severity])).toEqual([["shop/absolute", 2]]);
  });
});

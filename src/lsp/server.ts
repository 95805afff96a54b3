// The language server: `adlint lsp --stdio`. Diagnostics are pushed (on open,
// and on change after a short pause) or pulled, as the client prefers; quick
// fixes, hover with the law, and live reload of the config and packs.
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Disposable,
  type DocumentDiagnosticReport,
  type FileSystemWatcher,
  type InitializeParams,
  type InitializeResult,
  type Diagnostic as LspDiagnostic,
  type Range,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "../core/types.js";
import { lintText } from "../lint.js";
import type { Format } from "../sources/document.js";
import { formatOf } from "../sources/index.js";
import { codeActions } from "./code-actions.js";
import { hoverMarkdown } from "./hover.js";
import { diagnosticRange } from "./positions.js";
import { Workspace, type LoadProblem, type ProjectHost } from "./projects.js";
import { toLspDiagnostic } from "./to-lsp.js";

export interface ServerSettings {
  /** Lint as the user types, or only when the file is opened and saved. */
  run: "onType" | "onSave";
  /** Pause after a change before diagnostics are pushed, in milliseconds. */
  debounceMs: number;
  /** A config file to use instead of the nearest adlint.config.yaml, relative to each workspace folder. */
  configPath?: string;
  /** At most this many diagnostics per document; a huge file full of findings stays responsive. */
  maxProblems: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { run: "onType", debounceMs: 150, maxProblems: 1000 };

/** Settings as a client sends them (initializationOptions or the `adlint` configuration section). */
export function readSettings(raw: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  const out = { ...base };
  if (!raw || typeof raw !== "object") return out;
  const r = raw as Record<string, unknown>;
  if (r["run"] === "onType" || r["run"] === "onSave") out.run = r["run"];
  if (typeof r["debounceMs"] === "number" && r["debounceMs"] >= 0) out.debounceMs = r["debounceMs"];
  if (typeof r["maxProblems"] === "number" && r["maxProblems"] > 0) out.maxProblems = r["maxProblems"];
  if (typeof r["configPath"] === "string") {
    if (r["configPath"]) out.configPath = r["configPath"];
    else delete out.configPath;
  }
  return out;
}

/** The file path of a `file:` URI; other schemes (untitled:) have none. */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The format of a document by its URI's extension; untitled and unknown documents are plain text. */
function formatOfUri(uri: string): Format {
  const path = pathOf(uri) ?? uri.replace(/[?#].*$/, "");
  return formatOf(path) ?? "text";
}

interface Linted {
  version: number;
  generation: number;
  source: string;
  host: ProjectHost;
  diagnostics: Diagnostic[];
  lsp: LspDiagnostic[];
}

function problemDiagnostic(p: LoadProblem): Diagnostic {
  const at = { line: p.line, column: p.column };
  return { ruleId: null, severity: 2, fatal: true, message: `adlint: ${p.message}`, ...at, endLine: at.line, endColumn: at.column, range: [0, 0] };
}

const contains = (range: Range, line: number, character: number): boolean => {
  const afterStart = line > range.start.line || (line === range.start.line && character >= range.start.character);
  const beforeEnd = line < range.end.line || (line === range.end.line && character < range.end.character);
  const empty = range.start.line === range.end.line && range.start.character === range.end.character;
  return afterStart && (beforeEnd || (empty && line === range.start.line && character === range.start.character));
};

const overlaps = (a: Range, b: Range): boolean => {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
};

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.error(message);
  let settings = DEFAULT_SETTINGS;
  let workspace = new Workspace(log);
  let capabilities: ClientCapabilities = {};
  let pull = false;
  /** Bumped on every reload, so cached results of an older project are not reused. */
  let generation = 0;
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Config and pack files that have load problems shown on them (push clients). */
  let problemFiles = new Set<string>();
  let watcher: Disposable | undefined;
  let watchedKey = "";

  /** Runs a handler; an exception is logged, never thrown into the connection. */
  function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      try {
        return await fn(...args);
      } catch (e) {
        log(`adlint: ${name} failed: ${(e as Error)?.stack ?? String(e)}`);
        return fallback;
      }
    };
  }

  function problemsFor(path: string | undefined): LoadProblem[] {
    if (!path) return [];
    const seen = new Set<string>();
    return workspace.problems().filter((p) => {
      const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
      if (p.file !== path || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  function lint(doc: TextDocument): Linted {
    const path = pathOf(doc.uri);
    const format = formatOfUri(doc.uri);
    const host = workspace.hostFor(path);
    const source = doc.getText();
    let diagnostics: Diagnostic[] = [];
    if (host.project && host.lints(path, format)) {
      diagnostics = lintText(source, { project: host.project, format, ...(path ? { filePath: path } : {}) }).messages;
      if (diagnostics.length > settings.maxProblems) diagnostics = diagnostics.slice(0, settings.maxProblems);
    }
    diagnostics = [...problemsFor(path).map(problemDiagnostic), ...diagnostics];
    const result: Linted = { version: doc.version, generation, source, host, diagnostics, lsp: diagnostics.map(toLspDiagnostic) };
    linted.set(doc.uri, result);
    return result;
  }

  /** The document's findings for its current text and project. */
  function current(doc: TextDocument): Linted {
    const cached = linted.get(doc.uri);
    return cached && cached.version === doc.version && cached.generation === generation ? cached : lint(doc);
  }

  function publish(doc: TextDocument): void {
    const result = lint(doc);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: result.lsp });
  }

  function schedule(doc: TextDocument): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const now = documents.get(doc.uri);
        if (now) void guard("lint", undefined, publish)(now);
      }, settings.debounceMs),
    );
  }

  /** After the projects changed: every open document again, and the load problems on their files. */
  function relintAll(): void {
    generation++;
    if (pull) {
      if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const doc of documents.all()) publish(doc);
      const now = new Set(workspace.problems().map((p) => p.file));
      for (const file of new Set([...problemFiles, ...now])) {
        const uri = pathToFileURL(file).href;
        if (documents.get(uri)) continue;
        void connection.sendDiagnostics({ uri, diagnostics: problemsFor(file).map((p) => toLspDiagnostic(problemDiagnostic(p))) });
      }
      problemFiles = now;
    }
    void registerWatchers();
  }

  /** Watches configs, evidence registries and the folders of the packs in use. */
  async function registerWatchers(): Promise<void> {
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const relative = capabilities.workspace.didChangeWatchedFiles.relativePatternSupport === true;
    const packDirs = new Set<string>();
    for (const host of workspace.hosts()) for (const file of host.files()) packDirs.add(file.replace(/[\\/][^\\/]*$/, ""));
    const key = [...packDirs].sort().join("\n");
    if (watcher && key === watchedKey) return;
    watchedKey = key;
    const watchers: FileSystemWatcher[] = [{ globPattern: "**/adlint.config.{yaml,yml}" }, { globPattern: "**/evidence.yaml" }];
    if (relative) for (const dir of packDirs) watchers.push({ globPattern: { baseUri: pathToFileURL(dir).href, pattern: "**/*.{yaml,yml}" } });
    else if (packDirs.size) watchers.push({ globPattern: "**/*.{yaml,yml}" });
    const old = watcher;
    watcher = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    old?.dispose();
  }

  connection.onInitialize(
    guard("initialize", { capabilities: {} } as InitializeResult, (params: InitializeParams): InitializeResult => {
      capabilities = params.capabilities;
      pull = capabilities.textDocument?.diagnostic !== undefined;
      settings = readSettings(params.initializationOptions);
      workspace = new Workspace(log, settings.configPath);
      const folders = params.workspaceFolders?.map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined) ?? [];
      const root = params.rootUri ? pathOf(params.rootUri) : (params.rootPath ?? undefined);
      workspace.setFolders(folders.length ? folders : root ? [root] : []);
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
          hoverProvider: true,
          ...(pull ? { diagnosticProvider: { identifier: "adlint", interFileDependencies: false, workspaceDiagnostics: false } } : {}),
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: "adlint" },
      };
    }),
  );

  connection.onInitialized(
    guard("initialized", undefined, async () => {
      if (capabilities.workspace?.workspaceFolders)
        connection.workspace.onDidChangeWorkspaceFolders(
          guard("workspace folders", undefined, (e) => {
            for (const f of e.removed) {
              const p = pathOf(f.uri);
              if (p) workspace.removeFolder(p);
            }
            for (const f of e.added) {
              const p = pathOf(f.uri);
              if (p) workspace.addFolder(p);
            }
            relintAll();
          }),
        );
      await registerWatchers();
      if (!pull && workspace.problems().length) relintAll();
    }),
  );

  connection.onDidChangeConfiguration(
    guard("configuration", undefined, (params) => {
      const section = (params.settings as { adlint?: unknown } | null)?.adlint;
      if (section === undefined) return;
      const next = readSettings(section, settings);
      const configChanged = next.configPath !== settings.configPath;
      settings = next;
      if (configChanged) workspace.setConfigPath(settings.configPath);
      relintAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard("watched files", undefined, (params) => {
      const paths = params.changes.map((c) => pathOf(c.uri)).filter((p): p is string => p !== undefined);
      if (!paths.some((p) => workspace.affects(p))) return;
      workspace.reloadAll();
      relintAll();
    }),
  );

  documents.onDidOpen(
    guard("open", undefined, (e) => {
      if (!pull) publish(e.document);
    }),
  );
  documents.onDidChangeContent(
    guard("change", undefined, (e) => {
      if (pull || settings.run !== "onType") return;
      // onDidChangeContent also fires on open, which is linted at once.
      if (linted.get(e.document.uri)?.version === e.document.version) return;
      schedule(e.document);
    }),
  );
  documents.onDidSave(
    guard("save", undefined, (e) => {
      const path = pathOf(e.document.uri);
      // A config or pack saved in the editor takes effect at once, even where the client does not watch files.
      if (path && workspace.affects(path)) {
        workspace.reloadAll();
        relintAll();
      } else if (!pull && settings.run === "onSave") publish(e.document);
    }),
  );
  documents.onDidClose(
    guard("close", undefined, (e) => {
      clearTimeout(timers.get(e.document.uri));
      timers.delete(e.document.uri);
      linted.delete(e.document.uri);
      if (!pull) {
        const path = pathOf(e.document.uri);
        const left = problemsFor(path).map((p) => toLspDiagnostic(problemDiagnostic(p)));
        void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: left });
      }
    }),
  );

  connection.languages.diagnostics.on(
    guard("diagnostics", { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const cached = linted.get(doc.uri);
      // Linting only on save: keep showing what the last open or save found.
      const result = settings.run === "onSave" && cached && cached.generation === generation ? cached : current(doc);
      const resultId = `${result.generation}:${result.version}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: result.lsp };
    }),
  );

  connection.onCodeAction(
    guard("code actions", [], (params) => {
      if (params.context.only && !params.context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`)))
        return [];
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const result = current(doc);
      const found = result.diagnostics.flatMap((d, i) => (overlaps(diagnosticRange(d), params.range) ? [{ diagnostic: d, lsp: result.lsp[i]! }] : []));
      if (!found.length) return [];
      const path = pathOf(doc.uri);
      return codeActions(
        { uri: doc.uri, path: path ?? doc.uri, format: formatOfUri(doc.uri), source: result.source, locale: result.host.project?.locale ?? "zh" },
        found,
      );
    }),
  );

  connection.onHover(
    guard("hover", null, (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const result = current(doc);
      const { line, character } = params.position;
      const hits = result.diagnostics.filter((d) => d.ruleId && contains(diagnosticRange(d), line, character));
      if (!hits.length) return null;
      const project = result.host.project;
      const rules = new Map(project?.packs.flatMap((p) => p.rules.map((r) => [r.id, r] as const)) ?? []);
      const value = hits.map((d) => hoverMarkdown(d, rules.get(d.ruleId!), project?.locale ?? "zh")).join("\n\n---\n\n");
      return { contents: { kind: "markdown", value }, range: diagnosticRange(hits[0]!) };
    }),
  );

  documents.listen(connection);
  connection.listen();
}

/** `adlint lsp --stdio`: serves on standard input and output until the client says exit. */
export function runLanguageServer(): Promise<number> {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // Anything a library prints must not corrupt the protocol on stdout.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(" "));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(" "));
  process.on("uncaughtException", (e) => connection.console.error(`adlint: uncaught: ${e?.stack ?? String(e)}`));
  process.on("unhandledRejection", (e) => connection.console.error(`adlint: unhandled rejection: ${(e as Error)?.stack ?? String(e)}`));
  startServer(connection);
  return new Promise(() => undefined);
}

// The VS Code side of adlint: starts `adlint lsp --stdio` and hands it the
// documents adlint reads. The workspace's own adlint (node_modules/adlint) is
// preferred, so the editor lints exactly as the project's CI does.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

const LANGUAGES = ["markdown", "plaintext", "html", "javascript", "javascriptreact", "typescript", "typescriptreact", "yaml", "json"];
const MAIN = path.join("lib", "cli", "main.cjs");

/** @type {LanguageClient | undefined} */
let client;

function settings() {
  const cfg = vscode.workspace.getConfiguration("adlint");
  return { run: cfg.get("run", "onType"), configPath: cfg.get("configPath", ""), serverPath: cfg.get("serverPath", "") };
}

/** The server to run: the setting, else the workspace's adlint, else the bundled one. */
function serverModule(context) {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const { serverPath } = settings();
  if (serverPath) return path.isAbsolute(serverPath) || !folders[0] ? serverPath : path.join(folders[0].uri.fsPath, serverPath);
  for (const folder of folders) {
    const local = path.join(folder.uri.fsPath, "node_modules", "adlint", MAIN);
    if (fs.existsSync(local)) return local;
  }
  return context.asAbsolutePath(path.join("server", MAIN));
}

async function start(context) {
  const module = serverModule(context);
  const run = { module, transport: TransportKind.stdio, args: ["lsp"] };
  const { run: when, configPath } = settings();
  client = new LanguageClient(
    "adlint",
    "adlint",
    { run, debug: run },
    {
      documentSelector: [
        ...LANGUAGES.flatMap((language) => [
          { scheme: "file", language },
          { scheme: "untitled", language },
        ]),
        { scheme: "file", pattern: "**/*.{srt,vtt}" },
      ],
      initializationOptions: { run: when, configPath },
      synchronize: { configurationSection: "adlint" },
    },
  );
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // A different server or run mode needs a new server process; the rest is sent to the running one.
      if (e.affectsConfiguration("adlint.serverPath") || e.affectsConfiguration("adlint.run")) {
        await client?.stop();
        await start(context);
      }
    }),
  );
  await start(context);
}

async function deactivate() {
  await client?.stop();
}

module.exports = { activate, deactivate };

// Starts `fulint lsp` for plain-text, Markdown and e-mail drafts and restarts it when its
// settings change. Diagnostics, quick fixes, hover and the fulint.addWord command all come
// from the server through vscode-languageclient.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import { documentSelector, serverCommand, watchedFiles } from "./serverCommand";

let client: LanguageClient | undefined;

function makeClient(): LanguageClient {
  const settings = vscode.workspace.getConfiguration("fulint");
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const { command, args } = serverCommand(
    { path: settings.get<string>("path"), rules: settings.get<string>("rules") },
    folder,
  );
  const serverOptions: ServerOptions = { command, args, options: { cwd: folder } };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(watchedFiles) },
  };
  return new LanguageClient("fulint", "fulint", serverOptions, clientOptions);
}

async function start(): Promise<void> {
  client = makeClient();
  try {
    await client.start();
  } catch (err) {
    // Most often fulint.path is wrong: say so instead of failing silently.
    void vscode.window.showErrorMessage(`fulint: cannot start the language server: ${err}`);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("fulint.path") || event.affectsConfiguration("fulint.rules")) {
        await stop();
        await start();
      }
    }),
    vscode.commands.registerCommand("fulint.restart", async () => {
      await stop();
      await start();
    }),
  );
  await start();
}

export function deactivate(): Promise<void> {
  return stop();
}

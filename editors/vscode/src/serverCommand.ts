// What the extension starts and for which documents, kept free of the `vscode` module so that
// test/ can run it under plain Node.js.
import * as path from "path";

export interface FulintSettings {
  path?: string; // fulint.path
  rules?: string; // fulint.rules
}

export interface ServerCommand {
  command: string;
  args: string[];
}

// `fulint [--rules DIR] lsp`: --rules belongs to the main command, so it goes before `lsp`.
// A relative rules folder is taken from the workspace folder, where a user writes it from.
export function serverCommand(settings: FulintSettings, workspaceDir?: string): ServerCommand {
  const command = (settings.path ?? "").trim() || "fulint";
  const args: string[] = [];
  const rules = (settings.rules ?? "").trim();
  if (rules) {
    const resolved = path.isAbsolute(rules) || !workspaceDir ? rules : path.join(workspaceDir, rules);
    args.push("--rules", resolved);
  }
  args.push("lsp");
  return { command, args };
}

// VS Code's language ids of drafts; "email" is contributed by package.json for .eml files.
export const languages = ["plaintext", "markdown", "email"];

// Saved files and unsaved new ones ("untitled:"); the server picks the format from the name.
export const documentSelector = languages.flatMap((language) => [
  { scheme: "file", language },
  { scheme: "untitled", language },
]);

// The files that change what the server reports: configurations and added words.
export const watchedFiles = "**/{.fulint.yaml,.fulint-words.txt}";

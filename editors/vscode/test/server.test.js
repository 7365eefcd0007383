// The extension's settings-to-command code, and that command against a real fulint, spoken to
// with vscode-jsonrpc (the library vscode-languageclient runs on). Needs `npm run compile`;
// the second test needs FULINT_BINARY (a built fulint) and FULINT_RULES (a folder of styles
// with the Test.Swap rule, tests/lsp/rules in this repository).
const test = require("node:test");
const assert = require("node:assert");
const os = require("node:os");
const { spawn } = require("node:child_process");
const rpc = require("vscode-jsonrpc/node");
const { serverCommand, documentSelector } = require("../out/serverCommand.js");

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

test("settings become `fulint [--rules DIR] lsp`", () => {
  assert.deepStrictEqual(serverCommand({}), { command: "fulint", args: ["lsp"] });
  assert.deepStrictEqual(serverCommand({ path: " ", rules: "" }, "/ws"), {
    command: "fulint",
    args: ["lsp"],
  });
  assert.deepStrictEqual(serverCommand({ path: "/opt/fulint", rules: "styles" }, "/ws"), {
    command: "/opt/fulint",
    args: ["--rules", "/ws/styles", "lsp"],
  });
  assert.deepStrictEqual(serverCommand({ rules: "/abs/styles" }, "/ws").args, [
    "--rules",
    "/abs/styles",
    "lsp",
  ]);
  const ids = documentSelector.map((s) => `${s.scheme}:${s.language}`);
  for (const id of ["file:plaintext", "file:markdown", "file:email", "untitled:plaintext"])
    assert.ok(ids.includes(id), `document selector lacks ${id}`);
});

const binary = process.env.FULINT_BINARY;
test(
  "the command serves UTF-16 diagnostics and exits with status 0",
  { skip: !binary && "FULINT_BINARY is not set" },
  async () => {
    const { command, args } = serverCommand({ path: binary, rules: process.env.FULINT_RULES });
    const child = spawn(command, args, { cwd: os.tmpdir(), stdio: ["pipe", "pipe", "inherit"] });
    const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    const conn = rpc.createMessageConnection(
      new rpc.StreamMessageReader(child.stdout),
      new rpc.StreamMessageWriter(child.stdin),
    );
    const published = new Promise((resolve) =>
      conn.onNotification("textDocument/publishDiagnostics", resolve),
    );
    conn.listen();
    try {
      // No positionEncodings offered, as VS Code's client: the server must count UTF-16.
      const init = await withTimeout(
        conn.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} }),
        10000,
        "initialize",
      );
      assert.strictEqual(init.capabilities.positionEncoding ?? "utf-16", "utf-16");
      await conn.sendNotification("initialized", {});
      // U+1F600 is two UTF-16 units, so 'utilize' starts at character 6 (5 code points, 8 bytes).
      await conn.sendNotification("textDocument/didOpen", {
        textDocument: {
          uri: "untitled:Untitled-1",
          languageId: "plaintext",
          version: 1,
          text: "\u{1F600} We utilize it.\n",
        },
      });
      const params = await withTimeout(published, 10000, "publishDiagnostics");
      assert.strictEqual(params.uri, "untitled:Untitled-1");
      assert.deepStrictEqual(
        params.diagnostics.map((d) => [d.code, d.source, d.range.start, d.range.end]),
        [["Test.Swap", "fulint", { line: 0, character: 6 }, { line: 0, character: 13 }]],
      );
      await withTimeout(conn.sendRequest("shutdown"), 10000, "shutdown");
      await conn.sendNotification("exit");
      assert.deepStrictEqual(await withTimeout(exited, 10000, "the server to exit"), {
        code: 0,
        signal: null,
      });
    } finally {
      conn.dispose();
      child.kill();
    }
  },
);

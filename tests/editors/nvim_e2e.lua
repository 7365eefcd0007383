-- End-to-end test of `fulint lsp` with a real client: headless Neovim (0.7+) loads the plugin in
-- editors/neovim, opens tests/editors/emoji-draft.txt and checks that
--   1. the diagnostic after an emoji (4 UTF-8 bytes, 2 UTF-16 units) arrives at UTF-16
--      character 6 in the LSP range and at byte column 8 in Neovim;
--   2. inserting text before it (an incremental didChange) moves it;
--   3. the quick fix from textDocument/codeAction, applied as a WorkspaceEdit, changes the
--      text and the diagnostic goes away;
--   4. stopping the client (shutdown, exit) ends the server with status 0.
-- Run: FULINT_BINARY=... FULINT_RULES=tests/lsp/rules FULINT_DRAFT=... FULINT_NVIM_PLUGIN=...
--      nvim --headless -u NONE -i NONE -n -c "luafile tests/editors/nvim_e2e.lua"
-- Exits 0 on success, 1 with a message on stderr otherwise. Every wait has a time limit.
local TIMEOUT_MS = 15000

local function env(name)
  local value = os.getenv(name)
  if not value or value == "" then
    error(name .. " is not set", 0)
  end
  return value
end

local published = {} -- every publishDiagnostics params the client received, in order
local exit_status = nil -- {code, signal} of the server process

local function describe_state(bufnr)
  return "\npublished: " .. vim.inspect(published)
    .. "\nNeovim diagnostics: " .. vim.inspect(vim.diagnostic.get(bufnr))
    .. "\nbuffer: " .. vim.inspect(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false))
end

local function expect(cond, message, bufnr)
  if not cond then
    error(message .. (bufnr and describe_state(bufnr) or ""), 0)
  end
end

local function wait_for(what, bufnr, predicate)
  local ok = vim.wait(TIMEOUT_MS, predicate, 20)
  expect(ok, "timed out after " .. TIMEOUT_MS .. " ms waiting for " .. what, bufnr)
end

-- The last publish for the buffer's current version, or nil when none has arrived yet.
local function current_publish(bufnr)
  local last = published[#published]
  if last and last.version == vim.lsp.util.buf_versions[bufnr] then
    return last
  end
  return nil
end

-- The one Test.Swap diagnostic, as Neovim holds it (byte columns) and as the server sent it.
local function swap_diagnostic(bufnr)
  local ours = vim.tbl_filter(function(d)
    return d.code == "Test.Swap"
  end, vim.diagnostic.get(bufnr))
  expect(#ours == 1, "expected one Test.Swap diagnostic, got " .. #ours, bufnr)
  local raw = vim.tbl_filter(function(d)
    return d.code == "Test.Swap"
  end, current_publish(bufnr).diagnostics)
  expect(#raw == 1, "expected one Test.Swap diagnostic in the last publish", bufnr)
  return ours[1], raw[1]
end

local function check_position(bufnr, lsp_char, byte_col, len, when)
  local diag, raw = swap_diagnostic(bufnr)
  local got = string.format("LSP %d:%d-%d:%d, Neovim %d:%d-%d", raw.range.start.line,
    raw.range.start.character, raw.range["end"].line, raw.range["end"].character, diag.lnum,
    diag.col, diag.end_col)
  local want = string.format("LSP 1:%d-1:%d, Neovim 1:%d-%d", lsp_char, lsp_char + len, byte_col,
    byte_col + len)
  expect(got == want, when .. ": diagnostic at " .. got .. ", expected " .. want, bufnr)
  io.stdout:write("ok: " .. when .. ": " .. got .. "\n")
end

local function main()
  vim.opt.runtimepath:append(env("FULINT_NVIM_PLUGIN"))
  vim.cmd("filetype on")
  local fulint = require("fulint")
  fulint.setup({
    cmd = { env("FULINT_BINARY"), "lsp" },
    rules = env("FULINT_RULES"),
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        table.insert(published, result)
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
    on_exit = function(code, signal)
      exit_status = { code = code, signal = signal }
    end,
  })

  vim.cmd("edit " .. vim.fn.fnameescape(env("FULINT_DRAFT")))
  local bufnr = vim.api.nvim_get_current_buf()
  expect(vim.bo[bufnr].filetype == "text", "the draft's filetype is " .. vim.bo[bufnr].filetype)
  -- Neovim 0.7 lists a client for the buffer once it has initialized.
  wait_for("the plugin to attach a client to the draft", bufnr, function()
    return next(vim.lsp.buf_get_clients(bufnr)) ~= nil
  end)
  local client = select(2, next(vim.lsp.buf_get_clients(bufnr)))
  expect(client.name == "fulint", "the client attached is " .. client.name)

  -- 1. "😀 We utilize the clinic.": 'utilize' is UTF-16 character 6, byte 8.
  wait_for("the first diagnostics", bufnr, function()
    return current_publish(bufnr) ~= nil and #vim.diagnostic.get(bufnr) > 0
  end)
  expect(client.offset_encoding == "utf-16", "offset encoding " .. tostring(client.offset_encoding))
  check_position(bufnr, 6, 8, 7, "after opening")

  -- 2. Insert "Oh, " after the emoji: Neovim sends an incremental change whose range is in
  -- UTF-16 units; the diagnostic moves by 4.
  vim.api.nvim_buf_set_text(bufnr, 1, 5, 1, 5, { "Oh, " })
  wait_for("diagnostics after the edit", bufnr, function()
    local p = current_publish(bufnr)
    return p ~= nil and #p.diagnostics > 0 and p.diagnostics[1].range.start.character == 10
  end)
  check_position(bufnr, 10, 12, 7, "after inserting 'Oh, '")

  -- 3. Ask for code actions on the diagnostic and apply the quick fix.
  local _, raw = swap_diagnostic(bufnr)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = raw.range,
    context = { diagnostics = { raw } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, TIMEOUT_MS)
  expect(responses ~= nil, "no answer to textDocument/codeAction")
  local response = responses[client.id]
  expect(response and response.result, "codeAction failed: " .. vim.inspect(responses))
  local fix = nil
  for _, action in ipairs(response.result) do
    if action.kind == "quickfix" and action.edit then
      fix = action
      break
    end
  end
  expect(fix ~= nil, "no quick fix among " .. vim.inspect(response.result))
  expect(fix.title == "Replace with 'use'", "quick fix title " .. fix.title)
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  local line = vim.api.nvim_buf_get_lines(bufnr, 1, 2, false)[1]
  expect(line == "😀 Oh, We use the clinic.", "after the quick fix the line is " .. line, bufnr)
  wait_for("the diagnostics to clear after the fix", bufnr, function()
    local p = current_publish(bufnr)
    return p ~= nil and #p.diagnostics == 0 and #vim.diagnostic.get(bufnr) == 0
  end)
  io.stdout:write("ok: the quick fix gave '" .. line .. "' and no diagnostics\n")

  -- 4. Stop: shutdown, then exit; the server must end by itself with status 0.
  fulint.stop()
  wait_for("the server to exit", nil, function()
    return exit_status ~= nil
  end)
  expect(exit_status.code == 0 and exit_status.signal == 0,
    "the server exited with " .. vim.inspect(exit_status))
  io.stdout:write("ok: the server exited with status 0\n")
end

local ok, err = xpcall(main, debug.traceback)
if ok then
  vim.cmd("qall!")
else
  io.stderr:write("nvim_e2e: FAIL: " .. tostring(err) .. "\n")
  vim.cmd("cquit 1")
end

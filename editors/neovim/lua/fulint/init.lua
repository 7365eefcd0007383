-- fulint for Neovim's built-in LSP client, 0.7 and later. Neovim 0.7 has no vim.lsp.start, so
-- this starts one `fulint lsp` per root folder with vim.lsp.start_client and attaches each
-- draft buffer to it from a FileType autocommand.
local M = {}

-- Options of this plugin; every other key given to setup() goes to vim.lsp.start_client
-- (on_attach, on_exit, handlers, capabilities, ...).
local defaults = {
  cmd = { "fulint", "lsp" },
  -- A folder of styles passed as `--rules` (before `lsp`, where fulint reads it).
  rules = nil,
  -- .txt is "text", .md "markdown", .eml "mail".
  filetypes = { "text", "markdown", "mail" },
  -- The nearest folder holding one of these is the root; the file's own folder otherwise.
  root_markers = { ".fulint.yaml", ".git" },
}
local plugin_keys = { cmd = true, rules = true, filetypes = true, root_markers = true }

M.options = vim.deepcopy(defaults)
local client_ids = {} -- root folder -> client id

local function find_root(dir, markers)
  local current = dir
  while true do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(current .. "/" .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ":h")
    if parent == current then
      return dir
    end
    current = parent
  end
end

local function command()
  local cmd = vim.deepcopy(M.options.cmd)
  if M.options.rules then
    -- `fulint --rules DIR lsp`: the option belongs to the main command.
    table.insert(cmd, #cmd, "--rules")
    table.insert(cmd, #cmd, vim.fn.expand(M.options.rules))
  end
  return cmd
end

-- Starts (or reuses) the client for `bufnr`'s root folder and attaches the buffer. Returns the
-- client id, or nil when the server could not be started.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].buftype ~= "" then
    return nil -- help, terminal and scratch buffers are not drafts
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.loop.cwd()
  local root = find_root(dir, M.options.root_markers)
  local id = client_ids[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    local config = {}
    for key, value in pairs(M.options) do
      if not plugin_keys[key] then
        config[key] = value
      end
    end
    config.name = "fulint"
    config.cmd = command()
    config.root_dir = root
    id = vim.lsp.start_client(config)
    if not id then
      vim.notify("fulint: cannot start " .. table.concat(config.cmd, " "), vim.log.levels.ERROR)
      return nil
    end
    client_ids[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

-- Stops every fulint client (shutdown, then exit).
function M.stop()
  for root, id in pairs(client_ids) do
    local client = vim.lsp.get_client_by_id(id)
    if client then
      client.stop()
    end
    client_ids[root] = nil
  end
end

function M.setup(opts)
  M.options = vim.tbl_extend("force", vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup("fulint", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  -- Drafts opened before setup() ran.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.options.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
end

return M

-- Drives Neovim's own LSP client through one user story on the current .proto buffer: delete a field without saving,
-- see FIELD_NO_DELETE, apply "Restore field", see it cleared. Prints one "ok"/"not ok" line per step; exits 0 only if all passed.
local WAIT_MS = tonumber(os.getenv('GRAYCHECK_E2E_WAIT_MS') or '30000')
local FIELD_LINE = 'string email = 2;'
local RULE = 'FIELD_NO_DELETE'
local MESSAGE = 'Previously present field "2" with name "email" on message "User" was deleted.'

local buffer = vim.api.nvim_get_current_buf()
local file = vim.api.nvim_buf_get_name(buffer)
local failures = 0

local function say(line)
  io.stdout:write(line, '\n')
  io.stdout:flush()
end

local function step(name, passed, detail)
  if passed then
    say('ok ' .. name)
  else
    failures = failures + 1
    say('not ok ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return passed
end

local function read_disk()
  local handle = assert(io.open(file, 'rb'))
  local text = handle:read('*a')
  handle:close()
  return text
end

local function stamp()
  local stat = assert(vim.loop.fs_stat(file))
  return string.format('%d.%09d/%d', stat.mtime.sec, stat.mtime.nsec, stat.ino)
end

local function buffer_text()
  return table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), '\n') .. '\n'
end

local function graycheck_diagnostics()
  return vim.tbl_filter(function(diagnostic)
    return diagnostic.source == 'graycheck'
  end, vim.diagnostic.get(buffer))
end

local function finding()
  for _, diagnostic in ipairs(graycheck_diagnostics()) do
    if diagnostic.code == RULE then return diagnostic end
  end
end

local function describe(diagnostics)
  local parts = {}
  for _, diagnostic in ipairs(diagnostics) do
    table.insert(parts, string.format('%d:%d %s %s', diagnostic.lnum, diagnostic.col, tostring(diagnostic.code), diagnostic.message))
  end
  return '[' .. table.concat(parts, '; ') .. ']'
end

-- Messages from the client (for example "No code actions available") explain a failure better than a timeout does.
vim.notify = function(message)
  say('# ' .. tostring(message))
end

local function run()
  local original = read_disk()
  local original_stamp = stamp()

  local attached = vim.wait(WAIT_MS, function()
    for _, client in ipairs(vim.lsp.get_active_clients()) do
      if client.name == 'graycheck' and client.initialized and vim.lsp.buf_is_attached(buffer, client.id) then return true end
    end
    return false
  end, 10)
  if not step('server attached', attached, 'no initialized "graycheck" client attached to ' .. file) then return end

  local field_index
  for index, line in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, false)) do
    if line:find(FIELD_LINE, 1, true) then field_index = index - 1 end
  end
  if not step('field deleted in the buffer', field_index ~= nil, FIELD_LINE .. ' not in the buffer') then return end
  vim.api.nvim_buf_set_lines(buffer, field_index, field_index + 1, false, {})

  local reported = vim.wait(WAIT_MS, function() return finding() ~= nil end, 10)
  local diagnostic = finding()
  if not step('finding reported', reported and diagnostic.message == MESSAGE, 'got ' .. describe(graycheck_diagnostics())) then return end

  -- Headless, there is no menu: choose "Restore field" where the user would.
  local offered
  vim.ui.select = function(items, options, on_choice)
    offered = {}
    local chosen
    for index, item in ipairs(items) do
      local title = options.format_item(item)
      table.insert(offered, title)
      if not chosen and title:find('^Restore field') then chosen = index end
    end
    on_choice(chosen and items[chosen], chosen)
  end
  vim.api.nvim_win_set_cursor(0, { diagnostic.lnum + 1, diagnostic.col })
  local text_before_fix = buffer_text()
  vim.lsp.buf.code_action()
  local applied = vim.wait(WAIT_MS, function() return offered ~= nil and buffer_text() ~= text_before_fix end, 10)
  local titles = offered and table.concat(offered, ' | ') or 'no code actions'
  if not step('restore fix applied', applied, 'offered: ' .. titles) then return end

  local cleared = vim.wait(WAIT_MS, function() return #graycheck_diagnostics() == 0 end, 10)
  step('finding cleared', cleared, 'still ' .. describe(graycheck_diagnostics()))

  step('buffer equals the original', buffer_text() == original, 'buffer is\n' .. buffer_text())
  step('file on disk never written', read_disk() == original and stamp() == original_stamp, 'disk changed (' .. original_stamp .. ' -> ' .. stamp() .. ')')
end

local ran, error_message = xpcall(run, debug.traceback)
step('runner finished', ran, error_message)
if failures == 0 then
  vim.cmd('qall!')
else
  vim.cmd('cquit ' .. failures)
end

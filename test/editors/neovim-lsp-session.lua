-- One async-guard session in a real Neovim (0.7 API: start_client, buf_attach_client),
-- run by test/editors/neovim.test.ts as `nvim --headless --clean -u <this file>`.
-- Environment: AG_CMD (JSON array: the server command), AG_FILE (the JavaScript file),
-- AG_FIX_TITLE (the quick fix to choose), AG_RESULT (where to write what happened, JSON).
local result = { publishes = {}, titles = {} }

local function finish(err)
  result.error = err
  local out = io.open(os.getenv('AG_RESULT'), 'w')
  out:write(vim.fn.json_encode(result))
  out:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local file = os.getenv('AG_FILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'javascript'
  local bufnr = vim.api.nvim_get_current_buf()
  local latest

  local client_id = vim.lsp.start_client({
    name = 'async-guard',
    cmd = vim.fn.json_decode(os.getenv('AG_CMD')),
    root_dir = vim.fn.fnamemodify(file, ':h'),
    -- Neovim 0.7 neither answers workspace/configuration for the server nor pushes settings:
    -- initializationOptions is where its settings go.
    init_options = { asyncGuard = { rules = { ['no-unchecked-callback-error'] = 'error' } } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        local entry = { version = params.version, diagnostics = {} }
        for _, d in ipairs(params.diagnostics) do
          table.insert(entry.diagnostics, { code = d.code, severity = d.severity, line = d.range.start.line, character = d.range.start.character })
        end
        table.insert(result.publishes, entry)
        latest = params
        return vim.lsp.handlers['textDocument/publishDiagnostics'](e, params, ctx, config)
      end,
    },
  })
  if not client_id then error('start_client failed') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(60000, function() return latest ~= nil and #latest.diagnostics > 0 end, 20) then
    error('no diagnostics within 60 s')
  end
  local target
  for _, d in ipairs(latest.diagnostics) do
    if d.code == 'no-sync-in-async' then target = d end
  end
  if not target then error('no no-sync-in-async diagnostic') end

  -- The user's path: cursor on the problem, vim.lsp.buf.code_action(), pick the fix in the menu.
  vim.api.nvim_win_set_cursor(0, { target.range.start.line + 1, target.range.start.character })
  local wanted = os.getenv('AG_FIX_TITLE')
  local chosen = false
  vim.ui.select = function(items, opts, on_choice)
    for index, item in ipairs(items) do
      local title = opts.format_item(item)
      table.insert(result.titles, title)
      if title == wanted and not chosen then
        chosen = true
        on_choice(item, index)
      end
    end
    if not chosen then on_choice(nil, nil) end
  end
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action()
  if not vim.wait(30000, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end, 20) then
    error('the code action did not change the buffer (chosen: ' .. tostring(chosen) .. ')')
  end
  vim.cmd('write')
  -- The server lints the new text: the fixed problem is gone.
  local before = #result.publishes
  vim.wait(30000, function()
    for i = before + 1, #result.publishes do
      if #result.publishes[i].diagnostics == 1 then return true end
    end
    return false
  end, 20)
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
end)
finish(ok and vim.NIL or tostring(err))

-- The whole Neovim (0.7+) setup for Graycheck: start the server once, attach every .proto buffer to it.
local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'proto',
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    client_id = client_id or vim.lsp.start_client({
      name = 'graycheck',
      cmd = { 'graycheck', 'lsp', '--stdio' },
      root_dir = vim.fn.fnamemodify(vim.fn.finddir('.git', vim.fn.fnamemodify(file, ':p:h') .. ';'), ':p:h:h'),
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

-- The whole Neovim (0.7+) setup for Graycheck: one server, started with the first .proto buffer, attached to every one.
-- The server finds each file's git repository itself; the root only names the workspace to scan.
local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'proto',
  callback = function(args)
    client_id = client_id or vim.lsp.start_client({
      name = 'graycheck',
      cmd = { 'graycheck', 'lsp', '--stdio' },
      root_dir = vim.fn.getcwd(),
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

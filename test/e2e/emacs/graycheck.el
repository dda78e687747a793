;;; graycheck.el --- The whole Emacs (eglot) setup for Graycheck  -*- lexical-binding: t -*-
;; Emacs 28 has no mode for .proto files, so this defines a bare one; eglot names the language after it ("proto").
(require 'eglot)
(define-derived-mode proto-mode prog-mode "Proto")
(add-to-list 'auto-mode-alist '("\\.proto\\'" . proto-mode))
(add-to-list 'eglot-server-programs '(proto-mode "graycheck" "lsp" "--stdio"))
(add-hook 'proto-mode-hook #'eglot-ensure)

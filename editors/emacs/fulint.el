;;; fulint.el --- Lint interview follow-up notes with fulint through eglot -*- lexical-binding: t; -*-

;; Package-Requires: ((emacs "28.1") (eglot "1.9"))

;;; Commentary:

;; Registers `fulint lsp' with eglot for text, Markdown and mail buffers, so that
;; `eglot-ensure' (or M-x eglot) starts it: findings come through Flymake, quick fixes and
;; "Add 'word' to dictionary" through `eglot-code-actions', the rule's explanation through
;; ElDoc.
;;
;;   (add-to-list 'load-path "/path/to/fulint/editors/emacs")
;;   (require 'fulint)
;;   (add-hook 'text-mode-hook #'eglot-ensure)   ; or per mode, see `fulint-modes'

;;; Code:

(require 'eglot)

(defgroup fulint nil
  "Lint interview follow-up notes with fulint."
  :group 'tools)

(defcustom fulint-program "fulint"
  "The fulint binary: a name looked up on `exec-path' or an absolute file name."
  :type 'string)

(defcustom fulint-rules nil
  "A folder of styles passed as --rules, or nil for fulint's built-in rules."
  :type '(choice (const :tag "Built-in rules" nil) directory))

(defcustom fulint-modes '(text-mode markdown-mode gfm-mode message-mode mail-mode)
  "Major modes whose buffers fulint's language server checks.
Read when this file is loaded: set it before `require'."
  :type '(repeat symbol))

(defun fulint-server-command (&optional _interactive)
  "The command line of fulint's language server, for `eglot-server-programs'."
  ;; --rules belongs to the main command, so it comes before `lsp'.
  (append (list fulint-program)
          (when fulint-rules (list "--rules" (expand-file-name fulint-rules)))
          (list "lsp")))

;; In front of eglot's own entries (it maps markdown-mode to another server): eglot takes the
;; first entry that matches a buffer's mode.
(add-to-list 'eglot-server-programs (cons fulint-modes #'fulint-server-command))

(provide 'fulint)

;;; fulint.el ends here

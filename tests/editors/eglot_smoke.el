;;; eglot_smoke.el --- eglot with editors/emacs/fulint.el against the built fulint -*- lexical-binding: t; -*-

;; emacs --batch -L editors/emacs -l tests/editors/eglot_smoke.el, with FULINT_BINARY,
;; FULINT_RULES and FULINT_DRAFT set (see tests/editors/CMakeLists.txt). Checks that eglot picks
;; fulint's server for a text buffer, that the Flymake diagnostic after the emoji covers exactly
;; "utilize" (eglot converts UTF-16 columns to Emacs characters), and that eglot's shutdown
;; and exit messages end the server with status 0. Exits 1 with a message on failure, 77 without eglot.

(unless (require 'eglot nil t)
  (princ "eglot is not installed (Debian: elpa-eglot): skipped\n")
  (kill-emacs 77))
(require 'fulint)
(require 'flymake)

(defun fulint-smoke-fail (format-string &rest args)
  (princ (concat "eglot_smoke: FAIL: " (apply #'format format-string args) "\n")
         #'external-debugging-output)
  (kill-emacs 1))

(defun fulint-smoke-wait (what predicate)
  "Process events until PREDICATE is non-nil, for at most 15 seconds."
  (let ((deadline (+ (float-time) 15)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05)))
  (or (funcall predicate) (fulint-smoke-fail "timed out waiting for %s" what)))

(setq fulint-program (getenv "FULINT_BINARY")
      fulint-rules (getenv "FULINT_RULES")
      eglot-sync-connect t)

(condition-case err
    (progn
      (find-file (getenv "FULINT_DRAFT"))
      (unless (derived-mode-p 'text-mode)
        (fulint-smoke-fail "the draft opened in %s" major-mode))
      (apply #'eglot (eglot--guess-contact))
      (let ((server (eglot-current-server)))
        (unless server (fulint-smoke-fail "eglot started no server"))
        (unless (member "lsp" (process-command (jsonrpc--process server)))
          (fulint-smoke-fail "eglot started %S" (process-command (jsonrpc--process server))))
        (fulint-smoke-wait "Flymake diagnostics" (lambda () (flymake-diagnostics)))
        (let* ((diags (flymake-diagnostics))
               (diag (car diags))
               (beg (flymake-diagnostic-beg diag))
               (text (buffer-substring-no-properties beg (flymake-diagnostic-end diag))))
          (unless (= (length diags) 1)
            (fulint-smoke-fail "expected one diagnostic, got %d" (length diags)))
          (goto-char beg)
          ;; Characters from the line start (current-column would count the emoji's width, 2).
          (let ((chars (- beg (line-beginning-position))))
            (unless (and (equal text "utilize") (= (line-number-at-pos) 2) (= chars 5))
              (fulint-smoke-fail "diagnostic on %S at line %d character %d, expected \"utilize\" at 2:5"
                                 text (line-number-at-pos) chars)))
          (princ (format "ok: %s at line 2, character 5 (after the emoji)\n"
                         (flymake-diagnostic-text diag))))
        ;; What eglot-shutdown sends (shutdown, then exit, both with "params": null), without
        ;; its last step: Emacs 28's jsonrpc-shutdown deletes the process (SIGKILL) right after
        ;; `exit', before a server can end by itself.
        (let ((process (jsonrpc--process server)))
          (jsonrpc-request server :shutdown nil :timeout 15)
          (jsonrpc-notify server :exit nil)
          (fulint-smoke-wait "the server to exit" (lambda () (not (process-live-p process))))
          (unless (and (eq (process-status process) 'exit) (= (process-exit-status process) 0))
            (fulint-smoke-fail "the server ended with %s %s" (process-status process)
                               (process-exit-status process)))
          (princ "ok: the server exited with status 0\n"))))
  (error (fulint-smoke-fail "%S" err)))

(kill-emacs 0)

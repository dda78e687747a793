;;; restoreField.el --- Drives eglot through one user story on the visited .proto buffer  -*- lexical-binding: t -*-
;; Delete a field without saving, see FIELD_NO_DELETE, apply "Restore field", see it cleared.
;; Prints one "ok"/"not ok" line per step on stdout and exits 0 only if all passed.
(require 'cl-lib)
(require 'eglot)
(require 'flymake)

(defconst graycheck-e2e-wait-seconds (/ (string-to-number (or (getenv "GRAYCHECK_E2E_WAIT_MS") "30000")) 1000.0))
(defconst graycheck-e2e-field-line "string email = 2;")
(defconst graycheck-e2e-rule "FIELD_NO_DELETE")
(defconst graycheck-e2e-message "Previously present field \"2\" with name \"email\" on message \"User\" was deleted.")
(defvar graycheck-e2e-failures 0)

(defun graycheck-e2e-say (line)
  (princ (concat line "\n")))

(defun graycheck-e2e-step (name passed &optional detail)
  (if passed
      (graycheck-e2e-say (concat "ok " name))
    (cl-incf graycheck-e2e-failures)
    (graycheck-e2e-say (concat "not ok " name (if detail (concat ": " detail) ""))))
  passed)

(defun graycheck-e2e-wait (predicate)
  "Wait for PREDICATE to hold, handling process output and timers meanwhile; give up after the wait limit."
  (let ((deadline (+ (float-time) graycheck-e2e-wait-seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.01))
    (funcall predicate)))

(defun graycheck-e2e-read-disk (file)
  (with-temp-buffer
    (insert-file-contents file)
    (buffer-string)))

(defun graycheck-e2e-stamp (file)
  (let ((attributes (file-attributes file)))
    (format "%S/%S" (file-attribute-modification-time attributes) (file-attribute-inode-number attributes))))

(defun graycheck-e2e-buffer-text ()
  (buffer-substring-no-properties (point-min) (point-max)))

(defun graycheck-e2e-diagnostics ()
  (cl-remove-if-not (lambda (diagnostic) (string-prefix-p "graycheck" (flymake-diagnostic-text diagnostic)))
                    (flymake-diagnostics)))

(defun graycheck-e2e-finding ()
  (let ((expected (format "graycheck [%s]: %s" graycheck-e2e-rule graycheck-e2e-message)))
    (cl-find-if (lambda (diagnostic) (equal (flymake-diagnostic-text diagnostic) expected))
                (graycheck-e2e-diagnostics))))

(defun graycheck-e2e-describe (diagnostics)
  (format "%S" (mapcar (lambda (diagnostic)
                         (format "%d %s" (flymake-diagnostic-beg diagnostic) (flymake-diagnostic-text diagnostic)))
                       diagnostics)))

(defun graycheck-e2e-send-changes ()
  ;; Batch Emacs is never idle, so the idle timer that would send didChange never fires: send it as that timer would.
  (eglot--signal-textDocument/didChange))

(cl-defun graycheck-e2e-run (buffer)
  (let* ((file (buffer-file-name buffer))
         (original (graycheck-e2e-read-disk file))
         (original-stamp (graycheck-e2e-stamp file)))
    (with-current-buffer buffer
      ;; eglot-ensure connects after the command that visited the file; batch has no command loop to run that hook.
      (run-hooks 'post-command-hook)
      (unless (graycheck-e2e-step "server attached" (graycheck-e2e-wait #'eglot-managed-p)
                                  (format "eglot does not manage %s" file))
        (cl-return-from graycheck-e2e-run))
      (flymake-start)

      (goto-char (point-min))
      (unless (graycheck-e2e-step "field deleted in the buffer" (search-forward graycheck-e2e-field-line nil t)
                                  (concat graycheck-e2e-field-line " not in the buffer"))
        (cl-return-from graycheck-e2e-run))
      (delete-region (line-beginning-position) (1+ (line-end-position)))
      (graycheck-e2e-send-changes)

      (unless (graycheck-e2e-step "finding reported" (graycheck-e2e-wait #'graycheck-e2e-finding)
                                  (concat "got " (graycheck-e2e-describe (graycheck-e2e-diagnostics))))
        (cl-return-from graycheck-e2e-run))

      (let* ((finding (graycheck-e2e-finding))
             (text-before-fix (graycheck-e2e-buffer-text))
             (offered nil)
             ;; A key, not a mouse event, chose the command: eglot then asks through completing-read, answered here.
             (last-nonmenu-event ?\r))
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt items &rest _)
                     (setq offered (mapcar #'car items))
                     (cl-find-if (lambda (title) (string-prefix-p "Restore field" title)) offered))))
          (goto-char (flymake-diagnostic-beg finding))
          (eglot-code-actions (flymake-diagnostic-beg finding) (flymake-diagnostic-end finding) "quickfix" t))
        (unless (graycheck-e2e-step "restore fix applied" (not (equal (graycheck-e2e-buffer-text) text-before-fix))
                                    (format "offered: %S" offered))
          (cl-return-from graycheck-e2e-run)))
      (graycheck-e2e-send-changes)

      (graycheck-e2e-step "finding cleared" (graycheck-e2e-wait (lambda () (null (graycheck-e2e-diagnostics))))
                          (concat "still " (graycheck-e2e-describe (graycheck-e2e-diagnostics))))
      (graycheck-e2e-step "buffer equals the original" (equal (graycheck-e2e-buffer-text) original)
                          (concat "buffer is\n" (graycheck-e2e-buffer-text)))
      (graycheck-e2e-step "file on disk never written"
                          (and (equal (graycheck-e2e-read-disk file) original)
                               (equal (graycheck-e2e-stamp file) original-stamp))
                          (format "disk changed (%s -> %s)" original-stamp (graycheck-e2e-stamp file)))
      (eglot-shutdown (eglot-current-server)))))

(let ((buffer (cl-find-if (lambda (candidate) (with-current-buffer candidate (derived-mode-p 'proto-mode)))
                          (buffer-list))))
  (condition-case failure
      (progn
        (unless buffer (error "No buffer in proto-mode: visit the .proto file before loading this runner"))
        (graycheck-e2e-run buffer)
        (graycheck-e2e-step "runner finished" t))
    (error (graycheck-e2e-step "runner finished" nil (error-message-string failure)))))
(kill-emacs (if (zerop graycheck-e2e-failures) 0 1))

#pragma once
// Applying fixes: the one place that turns the fixes of diagnostics (edits of raw byte ranges)
// into a file's new bytes, for --fix, tests and editor code actions. The file keeps its
// encoding (UTF-8 or UTF-16), its byte-order mark and its line ends.
#include <functional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "decode/decode.h"

namespace fulint {

struct FixOutcome {
  std::string new_bytes;        // the whole file after the fixes (the input when none applied)
  int applied = 0;              // fixes applied
  int skipped_overlapping = 0;  // fixes left out: an edit overlapped one of an earlier fix
  // Fixes left out because an edit cannot be applied to the raw bytes: it is out of range,
  // touches the byte-order mark, splits a line end or a UTF-16 code unit, or falls on bytes
  // that do not read as the text (quoted-printable, base64, another charset, RFC 2047 words).
  int skipped_unmappable = 0;
  std::string error;  // set when the file cannot be fixed at all; new_bytes is then the input
};

// Applies to `raw` the first fix of each diagnostic (with `safe_only`, its first safe fix).
// Fixes are taken in position order; a fix with an edit overlapping an edit already taken is
// left out whole (a later pass of FixUntilStable may apply it). `decoded` is how `raw` was
// read (Document::decoded): replacements, UTF-8 with '\n', are written in the file's encoding
// with its line end (the first one in the file: "\r\n", "\r" or "\n").
FixOutcome ApplyFixes(const std::string& raw, const DecodedText& decoded,
                      const std::vector<Diagnostic>& diagnostics, bool safe_only);

// The same for a plain text file (not .eml: MIME-encoded bytes are not detected): decodes
// `raw` itself. `error` is set when `raw` is not valid text.
FixOutcome ApplyFixes(const std::string& raw, const std::vector<Diagnostic>& diagnostics,
                      bool safe_only);

// One lint-and-fix pass over a file's bytes; the CLI's is LintBytes followed by ApplyFixes
// with its diagnostics, safe fixes only.
using FixPass = std::function<FixOutcome(const std::string& bytes)>;

// Runs `pass` on its own output until it applies nothing (at most `max_passes` times), as
// ESLint does, so fixes left out for overlapping are applied too and a second `--fix` run
// changes nothing. On an error in any pass the outcome carries it and the original bytes.
// `applied` is the total over all passes; the skipped counts are the last pass's.
FixOutcome FixUntilStable(const std::string& raw, const FixPass& pass, int max_passes = 10);

}  // namespace fulint

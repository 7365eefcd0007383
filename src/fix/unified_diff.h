#pragma once
// A unified diff of a file's old and new bytes, as `diff -u` and `git diff` print it: what
// `fulint --fix --dry-run` shows instead of writing.
#include <string>

namespace fulint {

// "--- a/PATH\n+++ b/PATH\n" then hunks "@@ -l,n +l,n @@" with 3 lines of context (a count
// of 1 is left out, as GNU diff does), lines compared with their line ends (a CR of a CRLF
// line is kept), and "\ No newline at end of file" after a last line without one. A leading
// "./" of PATH is dropped. UTF-16 texts (with a byte-order mark) are shown decoded, as UTF-8
// with LF. Returns "" when the bytes are the same.
std::string UnifiedDiff(const std::string& path, const std::string& old_bytes,
                        const std::string& new_bytes);

}  // namespace fulint

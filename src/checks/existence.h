#pragma once
// `extends: existence` — reports every occurrence of a token or raw pattern (Vale's keys).
// An optional `fix: {replace: "$1", safe: true}` offers to replace each match; `$1`..`$9` are
// the groups of the match (of the raw pattern), `$0` the whole match and `$$` a dollar sign.
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadExistence(YamlReader& reader, const std::string& rule_dir);

// True when the match text[r], and the byte on each side of it, are not masked in the
// lintable text (no Markdown markup, code, URL or quoted reply in or next to it): only such
// matches get safe fixes, so a fix never edits markup it cannot see.
bool IsUnmaskedMatch(const Document& doc, Range r);
}  // namespace fulint

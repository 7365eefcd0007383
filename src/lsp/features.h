#pragma once
// Code actions and hover, answered from what was last published for a document, and the
// explanation a diagnostic's hover shows.
#include <string>

#include "lsp/documents.h"
#include "rules/rule.h"

namespace fulint::lsp {

constexpr const char* kAddWordCommand = "fulint.addWord";

// The CodeAction[] for `params` (CodeActionParams): one quick fix per fix of each diagnostic
// in the context (the fixes travel in `data.fixes`), and "Add 'word' to dictionary" (the
// fulint.addWord command) for spelling diagnostics. Context diagnostics are matched to the
// published ones, so clients that drop `data` still get fixes; with no context diagnostics the
// published ones overlapping the range are used. Empty while the text has changed since the
// last publish (the fixes' ranges would be stale).
json CodeActions(const OpenDocument& doc, const json& params);

// A Hover for a position inside published diagnostics' ranges, or null.
json HoverAt(const OpenDocument& doc, const LspPosition& position);

// Where a rule's `link` points: URLs as they are, paths resolved against the rules folder's
// parent and the rule file's folder when the file exists (as a file: URI); "" otherwise.
std::string ResolveLink(const Rule& rule, const std::string& rules_dir);
// Markdown for hover: the rule id and level, its description and its link.
std::string ExplainMarkdown(const Rule& rule, const std::string& link_uri);

}  // namespace fulint::lsp

#pragma once
// Diagnostics are values: checks return them, printers format them. Ranges are byte offsets
// into the original file (`raw`), never into decoded or masked text.
#include <string>
#include <vector>

#include "base/range.h"

namespace fulint {

enum class Severity { kSuggestion = 0, kWarning = 1, kError = 2 };

const char* SeverityName(Severity s);
// Parses "suggestion" | "warning" | "error"; false when the word is none of them.
bool ParseSeverity(const std::string& word, Severity* out);

// One edit of a fix: replace the raw bytes `raw` with `replacement`.
struct Edit {
  Range raw;
  std::string replacement;
};

struct Fix {
  std::string title;
  std::vector<Edit> edits;
  // Safe fixes are applied by `--fix` without review (they are certain and keep the file's
  // structure); others are offered only in editors, as code actions a writer chooses.
  bool safe = false;
};

struct Diagnostic {
  std::string rule_id;  // "Style.Rule"
  Severity severity = Severity::kWarning;
  Range raw;            // where in the original file
  std::string message;
  std::string matched;  // the decoded text the range covers (for JSON and tests)
  std::string link;
  std::vector<Fix> fixes;
};

// fulint's own findings, from no rule file: a part of a draft that could not be parsed as its
// format says (linted as well as it could be), and a rule that stopped early on a file.
constexpr const char* kParseProblemRuleId = "fulint.Parse";
constexpr const char* kRuleStoppedRuleId = "fulint.Rule";

// Sorts by position, then rule id, so output order is stable.
void SortDiagnostics(std::vector<Diagnostic>* diagnostics);

}  // namespace fulint

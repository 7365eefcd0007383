#include "base/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace fulint {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kSuggestion: return "suggestion";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "warning";
}

bool ParseSeverity(const std::string& word, Severity* out) {
  if (word == "suggestion") *out = Severity::kSuggestion;
  else if (word == "warning") *out = Severity::kWarning;
  else if (word == "error") *out = Severity::kError;
  else return false;
  return true;
}

void SortDiagnostics(std::vector<Diagnostic>* diagnostics) {
  std::stable_sort(diagnostics->begin(), diagnostics->end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.raw.begin, a.raw.end, a.rule_id) <
                            std::tie(b.raw.begin, b.raw.end, b.rule_id);
                   });
}

}  // namespace fulint

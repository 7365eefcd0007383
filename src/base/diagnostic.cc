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
  auto before = [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.raw.begin, a.raw.end, a.rule_id) <
           std::tie(b.raw.begin, b.raw.end, b.rule_id);
  };
  std::vector<Diagnostic>& d = *diagnostics;
  // Already in order (a long file's findings, sorted as they were joined, with no parse
  // problem added after): one pass instead of a sort.
  if (std::is_sorted(d.begin(), d.end(), before)) return;
  if (d.size() < 64) {
    std::stable_sort(d.begin(), d.end(), before);
    return;
  }
  // Many (a long file has tens of thousands): sort their indices, then put each diagnostic
  // in its place by following the permutation's cycles, in place: a merge sort of the
  // structs moved each one log n times, and a sorted copy was megabytes more to fault in.
  std::vector<uint32_t> order(d.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return before(d[a], d[b]); });
  // Position i takes the diagnostic now at order[i]; a done position gets order[i] = i.
  for (uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    Diagnostic held = std::move(d[i]);
    uint32_t at = i;
    while (order[at] != i) {
      uint32_t from = order[at];
      d[at] = std::move(d[from]);
      order[at] = at;
      at = from;
    }
    d[at] = std::move(held);
    order[at] = at;
  }
}

}  // namespace fulint

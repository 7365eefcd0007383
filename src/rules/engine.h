#pragma once
// Stage 5: runs the loaded rules over a Document and returns sorted Diagnostics.
#include <vector>

#include "base/diagnostic.h"
#include "parse/document.h"
#include "rules/rule_set.h"
#include "segment/segmenter.h"

namespace fulint {

struct LintOptions {
  Severity min_level = Severity::kSuggestion;
  // Only these rule ids, when non-empty (rule examples run one rule at a time).
  std::vector<std::string> only;
  // When set, each rule's running time in seconds is added to (*rule_seconds)[rule index]
  // (`fulint debug timings` uses it to show where a run goes).
  std::vector<double>* rule_seconds = nullptr;
  // Threads for one long document (its rules split among them, each thread with its own
  // segmenter and scope caches); documents under kParallelRulesFrom bytes use one.
  unsigned threads = 1;
};

constexpr size_t kParallelRulesFrom = 256 * 1024;

std::vector<Diagnostic> Lint(const Document& doc, const RuleSet& rules, Segmenter& segmenter,
                             const LintOptions& options);

// Fills the message's %s placeholders with `args` in order (missing ones become "").
std::string FormatMessage(const std::string& message, const std::vector<std::string>& args);

// True when the rule's when/unless conditions allow it to run on `doc`.
bool RuleApplies(const Rule& rule, const Document& doc);

}  // namespace fulint

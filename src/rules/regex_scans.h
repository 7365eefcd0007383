#pragma once
// One scan of a document for the required literals of all of a rule set's regexes.
//
// A regex with a literal prefilter (regex_prefilter.h) searches a text only around the
// occurrences of its literals, which it used to find with its own automaton on every call:
// about thirty walks over each draft, a ninth of a folder run's instructions in callgrind.
// RegexUnion compiles the literals of every regex of the rule set into one LiteralUnion;
// RegexScans runs it once over a view of a document on the first request and hands each
// regex its hits (Regex::ForEachUntil's `shared_hits`), which for any range of the view are
// the ones the regex's own scan of that range would find (literal_union.h).
//
// Reading every pattern to learn its literals costs about as much as linting a dozen drafts,
// and a regex reads its own only after scanning a few kilobytes (regex.cc), so the union is
// made once the rule set has linted kBuildAfterBytes: a run over one draft never pays for it.
// Documents linted before then, or while another thread builds it, use each regex's own scan.
#include <atomic>
#include <cstddef>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/run_once.h"
#include "rules/literal_union.h"

namespace fulint {

class Regex;

class RegexUnion {
 public:
  static constexpr size_t kBuildAfterBytes = 16 * 1024;
  // `regexes`: the rule set's regexes (compiled); those without literals get no slot.
  explicit RegexUnion(std::vector<const Regex*> regexes) : regexes_(std::move(regexes)) {}
  struct Built {
    std::unordered_map<const Regex*, uint32_t> slot_of;
    LiteralUnion literals;
  };
  // Counts `bytes` more linted text; returns the union once it is built (null before). The
  // thread that takes the count over the line builds it; the others go on without it.
  const Built* Note(size_t bytes);
  // Builds it now, whatever has been linted (tests, benchmarks).
  const Built* BuildNow();

 private:
  std::vector<const Regex*> regexes_;
  std::atomic<size_t> linted_{0};
  std::atomic<bool> claimed_{false};
  std::unique_ptr<Built> storage_;
  std::atomic<const Built*> built_{nullptr};
};

class RegexScans {
 public:
  // `regex_union` may be null (no sharing); `bytes` is the document's length, counted towards
  // the union's threshold.
  RegexScans(RegexUnion* regex_union, std::vector<std::string_view> views, size_t bytes);
  RegexScans(const RegexScans&) = delete;
  RegexScans& operator=(const RegexScans&) = delete;
  // The regex's literal hits over the whole of `text`, or null when `text` is not one of the
  // views, the regex has no slot, or the union is not built yet.
  const std::vector<LiteralHit>* Hits(const Regex& regex, std::string_view text);

 private:
  struct Scan {  // one view's scan
    RunOnce done;
    std::vector<std::vector<LiteralHit>> per_slot;
  };
  const RegexUnion::Built* built_ = nullptr;
  std::vector<std::string_view> views_;
  std::vector<std::unique_ptr<Scan>> scans_;  // one per view
};

}  // namespace fulint

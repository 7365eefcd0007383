#pragma once
// A Unicode-aware regular expression (Perl syntax; PCRE2 with its JIT, or Boost.Regex over ICU
// for what PCRE2 does not accept) that reports matches as byte ranges of a UTF-8 text. `.` does
// not match a line break, as in Vale and RE2.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/range.h"
#include "rules/literal_union.h"

namespace fulint {

class Regex {
 public:
  Regex();
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;

  // False with `error` and the pattern offset `error_at` when the pattern is invalid.
  // `prefilter` false searches every text in full (tests compare the two).
  bool Compile(const std::string& pattern, bool ignore_case, std::string* error, int* error_at,
               bool prefilter = true);
  bool valid() const { return impl_ != nullptr; }
  // "pcre2", "pcre2-jit" (once it has searched enough text) or "boost": which engine runs the
  // pattern (see regex.cc).
  const char* engine() const;
  // Calls `on_match(whole, groups)` for each match inside text[within]; group ranges are
  // empty-at-0 when a group did not take part. Returns false with `error` when matching gave
  // up (catastrophic backtracking), keeping the matches found so far. Like Vale, a pattern
  // sees only text[within]: `^` and `\b` treat its start as the start of a text.
  bool ForEach(std::string_view text, Range within,
               const std::function<void(Range, const std::vector<Range>&)>& on_match,
               std::string* error = nullptr) const;
  // The same, stopping after the first call of `on_match` that returns false (a rule that
  // only asks whether a text has a match need not enumerate them all).
  // `shared_hits`, when given, are this regex's ScanLiterals() found in the whole of `text`
  // (a LiteralUnion's scan, made once for many regexes): they stand in for the regex's own
  // scan of text[within].
  bool ForEachUntil(std::string_view text, Range within,
                    const std::function<bool(Range, const std::vector<Range>&)>& on_match,
                    std::string* error = nullptr,
                    const std::vector<LiteralHit>* shared_hits = nullptr) const;
  // The literals every match needs, one of which a text must hold to be searched
  // (regex_prefilter.h); empty when the regex has no such prefilter. Reads the pattern now if
  // no search has yet (which happens once a regex has been asked about a kilobyte of text).
  const std::vector<std::string>& ScanLiterals() const;
  // True when the pattern matches somewhere in text[within].
  bool Search(std::string_view text, Range within) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fulint

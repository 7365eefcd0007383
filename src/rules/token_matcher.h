#pragma once
// Finds any of a rule's tokens in a text. Literal tokens (words, spaces, apostrophes, hyphens)
// go into one PhraseMatcher automaton; only tokens with real regex syntax become Boost regexes.
// `raw` patterns are used as written; tokens get word boundaries unless `nonword`.
#include <string>
#include <vector>

#include "rules/phrase_matcher.h"
#include "rules/phrase_scans.h"
#include "rules/regex.h"
#include "rules/regex_scans.h"
#include "rules/scan_targets.h"
#include "rules/yaml_reader.h"

namespace fulint {

struct TokenMatch {
  Range range;
  int token;  // index into the tokens given to Build, or -1 for a raw pattern
  // For a regex match, the ranges of its groups 1, 2...: groups[0] is $1 (empty at 0 when the
  // group took no part). Empty for a phrase match.
  std::vector<Range> groups = {};
};

class TokenMatcher {
 public:
  TokenMatcher() : phrases_(true) {}
  // Compiles; reports bad patterns through `reader` at `key`. False on any error.
  bool Build(const std::vector<std::string>& tokens, const std::vector<std::string>& raw,
             const std::vector<std::string>& exceptions, bool ignore_case, bool nonword,
             YamlReader& reader, const std::string& tokens_key,
             const std::string& raw_key = "raw");
  bool empty() const { return phrases_.empty() && regexes_.empty(); }
  // Leftmost-longest, non-overlapping matches in text[within], minus exceptions. A regex that
  // gives up (catastrophic backtracking) sets `error` and the other matches are kept. With
  // `scans`, the phrase list's matches come from the document's shared scan.
  // With `regex_scans`, the regexes' literals come from the document's shared scan.
  std::vector<TokenMatch> FindAll(std::string_view text, Range within, std::string* error = nullptr,
                                  PhraseScans* scans = nullptr,
                                  RegexScans* regex_scans = nullptr) const;
  // The same as !FindAll(...).empty(), stopping at the first match that is not an exception
  // (FindAll keeps one of those, or an earlier match overlapping it). A regex that would give
  // up after that match is not run that far, so `error` is set less often.
  bool Any(std::string_view text, Range within, std::string* error = nullptr,
           PhraseScans* scans = nullptr, RegexScans* regex_scans = nullptr) const;
  // Appends the phrase list, if any, and the regexes, for the rule set's shared scans.
  void AddScanTargets(ScanTargets* out) const {
    if (!phrases_.empty()) out->phrase_lists.push_back(&phrases_);
    for (const auto& r : regexes_) out->regexes.push_back(&r.re);
  }

 private:
  struct CompiledRegex {
    Regex re;
    int token;
  };
  bool IsException(std::string_view matched) const;

  bool ignore_case_ = true;
  PhraseMatcher phrases_;
  std::vector<CompiledRegex> regexes_;
  std::vector<std::string> exceptions_;
};

// True when a token has no regex syntax and can go into the phrase automaton.
bool IsLiteralToken(const std::string& token);

}  // namespace fulint

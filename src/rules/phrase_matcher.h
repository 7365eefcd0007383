#pragma once
// Matches a list of literal phrases in one pass (Aho-Corasick), the way rules' word lists are
// matched instead of one giant regex alternation. Case-insensitive for ASCII when asked; runs
// of white space (including line breaks) match a single space, and a typographic apostrophe
// matches a straight one. A phrase that starts or ends with a word character only matches
// at a word boundary on that side.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/range.h"

namespace fulint {

struct PhraseMatch {
  Range range;
  int id;  // the id given to Add
};

class PhraseMatcher {
 public:
  explicit PhraseMatcher(bool ignore_case) : ignore_case_(ignore_case) { states_.push_back({}); }
  void Add(std::string_view phrase, int id);
  // Links the automaton; call once after the last Add.
  void Build();
  bool empty() const { return patterns_.empty(); }
  // Leftmost-longest, non-overlapping matches inside text[within].
  std::vector<PhraseMatch> FindAll(std::string_view text, Range within) const;

 private:
  struct State {
    std::vector<std::pair<unsigned char, int32_t>> next;  // sorted by byte
    int32_t fail = 0;
    int32_t output = -1;   // pattern ending exactly here
    int32_t dict = -1;     // nearest state on the fail chain with an output
  };
  struct Pattern {
    int id;
    uint32_t length;  // in normalized bytes
    bool word_start, word_end;
  };
  int32_t Step(int32_t state, unsigned char c) const;
  int32_t Child(int32_t state, unsigned char c) const;
  unsigned char Fold(unsigned char c) const;

  bool ignore_case_;
  std::vector<State> states_;
  std::vector<Pattern> patterns_;
  int32_t root_next_[256];
};

// True when the code point at/before `off` in `text` is a letter, digit or mark.
bool IsWordCharAt(std::string_view text, uint32_t off);
bool IsWordCharBefore(std::string_view text, uint32_t off);

}  // namespace fulint

#pragma once
// Matches a list of literal phrases in one pass (Aho-Corasick compiled to a DFA), the way
// rules' word lists are matched instead of one giant regex alternation. Case-insensitive for
// ASCII when asked; runs of white space (including line breaks) match a single space, and a
// typographic apostrophe matches a straight one. A phrase that starts or ends with a word
// character only matches at a word boundary on that side.
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
  // Links the automaton and compiles it into a transition table; call once after the last Add.
  void Build();
  bool empty() const { return patterns_.empty(); }
  // Leftmost-longest, non-overlapping matches inside text[within].
  std::vector<PhraseMatch> FindAll(std::string_view text, Range within) const;

 private:
  // The trie, kept only while building.
  struct State {
    std::vector<std::pair<unsigned char, int32_t>> next;  // sorted by byte
    int32_t fail = 0;
    int32_t output = -1;  // pattern ending exactly here
    int32_t dict = -1;    // nearest state on the fail chain with an output
  };
  struct Pattern {
    int id;
    uint32_t length;  // in normalized bytes
    bool word_start, word_end;
  };
  int32_t Child(int32_t state, unsigned char c) const;
  unsigned char Fold(unsigned char c) const;

  bool ignore_case_;
  std::vector<State> states_;
  std::vector<Pattern> patterns_;
  // The compiled DFA: bytes fold into classes (one per byte that occurs in a phrase, class 0
  // for the rest), delta_[state * classes_ + class] is the next state, first_output_[state]
  // the first state on its output chain (-1: none), output_next_ the rest of the chain.
  uint8_t byte_class_[256] = {};
  bool is_space_[256] = {};
  uint32_t classes_ = 1;
  uint32_t apostrophe_class_ = 0;
  std::vector<int32_t> delta_;
  std::vector<int32_t> first_output_;
  uint32_t ring_mask_ = 0;  // match starts are remembered for the last ring_mask_+1 bytes
};

// True when the code point at/before `off` in `text` is a letter, digit or mark.
bool IsWordCharAt(std::string_view text, uint32_t off);
bool IsWordCharBefore(std::string_view text, uint32_t off);

}  // namespace fulint

#pragma once
// What a regex needs to match, read off its pattern, so most text is never handed to the
// regex engine. Facts, each proven from the pattern's syntax or not claimed at all:
//   - required literals: every match contains at least one of these strings (compared with
//     ASCII case folded), so text without any of them has no match;
//   - what may come before the literal in a match: the ASCII bytes a match may consume
//     between its start and the literal, so a match starts after the last other byte before
//     a literal occurrence (a barrier);
//   - whether a match may also start at the subject's start without a literal (\A branches);
//   - end anchoring: how far before the end a match ending at \z can start.
// A rule's regex then runs only on the stretches before each literal (regex.cc). The reader
// knows the Perl syntax rule authors write (groups, alternation,
// quantifiers, classes, escapes, anchors, lookaround, backreferences); anything else, such as
// the `x` flag or \Q...\E, makes it claim nothing, which is always correct.
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/range.h"

namespace fulint {

struct RegexFacts {
  // Empty: no literal is required (the pattern can match without one, or was not understood).
  std::vector<std::string> literals;  // lower-case ASCII letters
  // Every match ends at the end of the subject (\z) and consumes at most `head_max`
  // characters before a final stretch of white space or non-ASCII characters, so a match
  // starts at most 4 * head_max bytes before that stretch.
  bool end_anchored = false;
  uint32_t head_max = 0;
  // With literals: the ASCII bytes that may come between a match's start and its literal
  // (a match starts after the last other byte before the literal), and whether a match may
  // also start at the subject's start without any literal (an \A branch).
  std::bitset<128> before;
  bool or_at_start = false;
  // The literals are worth finding in a scan shared by many regexes (regex_scans.h), not in
  // one of the regex's own: one-byte literals with many distinct bytes, which a scanner cannot
  // skip to sixteen bytes at a time.
  bool shared_only = false;
};

RegexFacts AnalyzeRegex(std::string_view pattern, bool ignore_case);

// Finds the required literals of a regex in a text, ASCII case folded, with one automaton.
class LiteralScanner {
 public:
  LiteralScanner() = default;
  explicit LiteralScanner(const std::vector<std::string>& literals);
  bool empty() const { return longest_ == 0; }
  // Calls on_hit(begin, end) for each occurrence (overlapping ones included) inside
  // text[within]; stops early when on_hit returns false.
  template <typename OnHit>
  void ForEachHit(std::string_view text, Range within, OnHit on_hit) const {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    Cursor at{within.begin, 0};
    for (uint32_t hit_end; (hit_end = NextHit(bytes, within.end, &at)) != 0;)
      if (!on_hit(hit_end - length_[static_cast<uint32_t>(at.row) / classes_], hit_end)) return;
  }
  bool AnyIn(std::string_view text, Range within) const;

 private:
  struct Cursor {
    uint32_t i;   // the next byte to read
    int32_t row;  // the current state's row in delta_
  };
  // Walks the automaton from `at` to the end of the next occurrence and returns that offset
  // (past its last byte), or 0 at `end`. Out of line, so the loop keeps its state in
  // registers: inlined into a caller's loop it was spilled to the stack at every byte.
  [[gnu::noinline]] uint32_t NextHit(const unsigned char* bytes, uint32_t end, Cursor* at) const;
  // The first offset from `i` whose byte starts some literal, or `end`. Sixteen bytes at a
  // time when literals start with at most four distinct bytes (a literal such as "give 110%"
  // starts with g or G); most text is then passed over without walking the automaton.
  uint32_t NextStart(const unsigned char* bytes, uint32_t i, uint32_t end) const;
  bool is_start_[256] = {};
  unsigned char start_bytes_[4] = {};
  uint32_t start_count_ = 0;  // distinct start bytes, when at most four; else 5
  // class_[byte]: the byte's class (ASCII case folded; bytes in no literal share class 0);
  // delta_[state * classes_ + class]: the next state's row (state * classes_), complemented
  // (~row) when a literal ends at that state; length_[state]: the length of the shortest
  // literal ending at this state (0: none), which is all a caller needs to know.
  uint8_t class_[256] = {};
  uint32_t classes_ = 1;
  std::vector<int32_t> delta_;
  std::vector<uint32_t> length_;
  uint32_t longest_ = 0;
};

}  // namespace fulint

#include "rules/phrase_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <deque>

namespace fulint {
namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

bool IsWordCodePoint(UChar32 c) {
  return c >= 0 && (u_isalnum(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) &
                                        U_GC_M_MASK);
}

}  // namespace

bool IsWordCharAt(std::string_view text, uint32_t off) {
  if (off >= text.size()) return false;
  int32_t i = static_cast<int32_t>(off);
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return IsWordCodePoint(c);
}

bool IsWordCharBefore(std::string_view text, uint32_t off) {
  if (off == 0 || off > text.size()) return false;
  int32_t i = static_cast<int32_t>(off);
  UChar32 c;
  U8_PREV(text.data(), 0, i, c);
  return IsWordCodePoint(c);
}

unsigned char PhraseMatcher::Fold(unsigned char c) const {
  if (IsSpace(c)) return ' ';
  if (ignore_case_ && c >= 'A' && c <= 'Z') return c - 'A' + 'a';
  return c;
}

int32_t PhraseMatcher::Child(int32_t state, unsigned char c) const {
  const auto& next = states_[state].next;
  auto it = std::lower_bound(next.begin(), next.end(), std::make_pair(c, INT32_MIN));
  return (it != next.end() && it->first == c) ? it->second : -1;
}

void PhraseMatcher::Add(std::string_view phrase, int id) {
  // Normalize: trim, collapse spaces, curly apostrophe -> straight.
  std::string norm;
  for (size_t i = 0; i < phrase.size(); ++i) {
    if (phrase.substr(i).starts_with(kCurlyApostrophe)) {
      norm.push_back('\'');
      i += 2;
      continue;
    }
    unsigned char c = Fold(phrase[i]);
    if (c == ' ' && (norm.empty() || norm.back() == ' ')) continue;
    norm.push_back(static_cast<char>(c));
  }
  while (!norm.empty() && norm.back() == ' ') norm.pop_back();
  if (norm.empty()) return;
  int32_t s = 0;
  for (unsigned char c : norm) {
    int32_t child = Child(s, c);
    if (child < 0) {
      child = static_cast<int32_t>(states_.size());
      states_.push_back({});
      auto& next = states_[s].next;
      next.insert(std::lower_bound(next.begin(), next.end(), std::make_pair(c, INT32_MIN)),
                  {c, child});
    }
    s = child;
  }
  if (states_[s].output >= 0) return;  // duplicate phrase: keep the first id
  states_[s].output = static_cast<int32_t>(patterns_.size());
  patterns_.push_back({id, static_cast<uint32_t>(norm.size()), IsWordCharAt(norm, 0),
                       IsWordCharBefore(norm, static_cast<uint32_t>(norm.size()))});
}

void PhraseMatcher::Build() {
  std::fill(std::begin(root_next_), std::end(root_next_), 0);
  for (auto [c, child] : states_[0].next) root_next_[c] = child;
  std::deque<int32_t> queue;
  for (auto [c, child] : states_[0].next) queue.push_back(child);
  while (!queue.empty()) {
    int32_t s = queue.front();
    queue.pop_front();
    for (auto [c, child] : states_[s].next) {
      int32_t f = states_[s].fail;
      while (f != 0 && Child(f, c) < 0) f = states_[f].fail;
      int32_t target = Child(f, c);
      states_[child].fail = (target >= 0 && target != child) ? target : 0;
      int32_t fs = states_[child].fail;
      states_[child].dict = states_[fs].output >= 0 ? fs : states_[fs].dict;
      queue.push_back(child);
    }
  }
}

int32_t PhraseMatcher::Step(int32_t state, unsigned char c) const {
  while (true) {
    if (state == 0) return root_next_[c];
    int32_t child = Child(state, c);
    if (child >= 0) return child;
    state = states_[state].fail;
  }
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(std::string_view text, Range within) const {
  std::vector<PhraseMatch> found;
  if (patterns_.empty()) return found;
  // starts[k] is the text offset of the k-th normalized byte, to recover match starts.
  std::vector<uint32_t> starts;
  starts.reserve(within.size());
  int32_t state = 0;
  bool last_space = true;
  for (uint32_t i = within.begin; i < within.end;) {
    uint32_t at = i;
    unsigned char c;
    if (text.substr(i).starts_with(kCurlyApostrophe)) {
      c = '\'';
      i += 3;
    } else {
      c = Fold(text[i]);
      ++i;
    }
    if (c == ' ') {
      if (last_space) continue;  // a run of spaces is one space
      last_space = true;
    } else {
      last_space = false;
    }
    starts.push_back(at);
    state = Step(state, c);
    for (int32_t s = states_[state].output >= 0 ? state : states_[state].dict; s > 0;
         s = states_[s].dict) {
      const Pattern& p = patterns_[states_[s].output];
      uint32_t begin = starts[starts.size() - p.length];
      if (p.word_start && IsWordCharBefore(text, begin)) continue;
      if (p.word_end && i < text.size() && IsWordCharAt(text, i)) continue;
      found.push_back({{begin, i}, p.id});
    }
  }
  // Leftmost-longest, without overlaps.
  std::sort(found.begin(), found.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin
                                          : a.range.end > b.range.end;
  });
  std::vector<PhraseMatch> out;
  for (const auto& m : found)
    if (out.empty() || m.range.begin >= out.back().range.end) out.push_back(m);
  return out;
}

}  // namespace fulint

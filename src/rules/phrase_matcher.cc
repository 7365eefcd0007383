#include "rules/phrase_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <deque>

namespace fulint {
namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

// ICU's answer for ASCII, without the call: letters and digits are word characters.
bool IsAsciiWordByte(unsigned char b) {
  return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

bool IsWordCodePoint(UChar32 c) {
  return c >= 0 && (u_isalnum(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) &
                                        U_GC_M_MASK);
}

}  // namespace

bool IsWordCharAt(std::string_view text, uint32_t off) {
  if (off >= text.size()) return false;
  unsigned char b = static_cast<unsigned char>(text[off]);
  if (b < 0x80) return IsAsciiWordByte(b);
  int32_t i = static_cast<int32_t>(off);
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return IsWordCodePoint(c);
}

bool IsWordCharBefore(std::string_view text, uint32_t off) {
  if (off == 0 || off > text.size()) return false;
  unsigned char b = static_cast<unsigned char>(text[off - 1]);
  if (b < 0x80) return IsAsciiWordByte(b);
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
  // Aho-Corasick failure and output links over the trie, breadth first.
  std::vector<int32_t> order, depth(states_.size(), 0);
  std::deque<int32_t> queue;
  for (auto [c, child] : states_[0].next) {
    queue.push_back(child);
    depth[child] = 1;
  }
  while (!queue.empty()) {
    int32_t s = queue.front();
    queue.pop_front();
    order.push_back(s);
    for (auto [c, child] : states_[s].next) {
      int32_t f = states_[s].fail;
      while (f != 0 && Child(f, c) < 0) f = states_[f].fail;
      int32_t target = Child(f, c);
      states_[child].fail = (target >= 0 && target != child) ? target : 0;
      int32_t fs = states_[child].fail;
      states_[child].dict = states_[fs].output >= 0 ? fs : states_[fs].dict;
      depth[child] = depth[s] + 1;
      queue.push_back(child);
    }
  }
  // Byte classes: each byte that occurs in a phrase is its own class, the rest share class 0.
  uint8_t class_of_folded[256] = {};
  classes_ = 1;
  for (const State& st : states_)
    for (auto [c, child] : st.next)
      if (class_of_folded[c] == 0) class_of_folded[c] = static_cast<uint8_t>(classes_++);
  for (int b = 0; b < 256; ++b) {
    byte_class_[b] = class_of_folded[Fold(static_cast<unsigned char>(b))];
    is_space_[b] = IsSpace(static_cast<unsigned char>(b));
  }
  apostrophe_class_ = class_of_folded[static_cast<unsigned char>('\'')];
  const size_t n = states_.size();
  fail_.resize(n);
  output_.resize(n);
  dict_.resize(n);
  first_output_.assign(n, -1);
  dense_row_.assign(n, -1);
  edge_begin_.assign(n + 1, 0);
  edges_.clear();
  int32_t rows = 0;
  for (size_t s = 0; s < n; ++s) {
    fail_[s] = states_[s].fail;
    output_[s] = states_[s].output;
    dict_[s] = states_[s].dict;
    if (s > 0) first_output_[s] = states_[s].output >= 0 ? static_cast<int32_t>(s) : states_[s].dict;
    if (depth[s] <= kDenseDepth) dense_row_[s] = rows++;
    edge_begin_[s] = static_cast<uint32_t>(edges_.size());
    if (depth[s] > kDenseDepth)
      for (auto [c, child] : states_[s].next) edges_.push_back({class_of_folded[c], child});
  }
  edge_begin_[n] = static_cast<uint32_t>(edges_.size());
  // Full rows for the shallow states: a missing edge follows the failure link, whose row is
  // complete already (it is shallower, and breadth-first order puts it first).
  delta_.assign(static_cast<size_t>(rows) * classes_, 0);
  for (auto [c, child] : states_[0].next) delta_[class_of_folded[c]] = child;
  for (int32_t s : order) {
    if (dense_row_[s] < 0) continue;
    int32_t* row = &delta_[static_cast<size_t>(dense_row_[s]) * classes_];
    const int32_t* fail_row = &delta_[static_cast<size_t>(dense_row_[fail_[s]]) * classes_];
    for (uint32_t k = 0; k < classes_; ++k) row[k] = fail_row[k];
    for (auto [c, child] : states_[s].next) row[class_of_folded[c]] = child;
  }
  // Entries name their target by its row when it is shallow and ends no phrase (the scan
  // then needs nothing else), and as -(state + 1) otherwise.
  row_state_.assign(static_cast<size_t>(rows), 0);
  for (size_t s = 0; s < n; ++s)
    if (dense_row_[s] >= 0) row_state_[dense_row_[s]] = static_cast<int32_t>(s);
  for (int32_t& t : delta_)
    t = dense_row_[t] >= 0 && first_output_[t] < 0 ? dense_row_[t] * static_cast<int32_t>(classes_)
                                                    : -(t + 1);
  uint32_t longest = 1;
  for (const Pattern& p : patterns_) longest = std::max(longest, p.length);
  uint32_t ring = 1;
  while (ring < longest) ring <<= 1;
  ring_mask_ = ring - 1;
  states_.clear();  // the trie is compiled; its per-state vectors are not needed any more
  states_.shrink_to_fit();
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(std::string_view text, Range within) const {
  std::vector<PhraseMatch> found;
  if (patterns_.empty()) return found;
  // ring[k & mask] is the text offset of the k-th normalized byte (a curly apostrophe and a
  // run of spaces are one byte each), to recover where a match starts.
  std::vector<uint32_t> ring(ring_mask_ + 1);
  // Locals, so the compiler keeps them in registers: it cannot tell the stores into `ring`
  // from the tables and would reload them for every byte.
  const int32_t* const delta = delta_.data();
  const uint8_t* const byte_class = byte_class_;
  const bool* const is_space = is_space_;
  uint32_t* const ring_at = ring.data();
  const uint32_t mask = ring_mask_;
  uint32_t count = 0;
  int32_t state = 0;  // the current state when it is deep (row < 0)
  int32_t row = 0;    // the current state's row in delta_ when it is shallow
  bool last_space = true;
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const uint32_t end = std::min<uint32_t>(within.end, static_cast<uint32_t>(text.size()));
  for (uint32_t i = within.begin; i < end;) {
    uint32_t at = i;
    unsigned char b = bytes[i++];
    uint32_t cls;
    if (is_space[b]) {
      if (last_space) continue;  // a run of spaces is one space
      last_space = true;
      cls = byte_class[b];
    } else {
      last_space = false;
      if (b == 0xE2 && i + 1 < text.size() && bytes[i] == 0x80 && bytes[i + 1] == 0x99) {
        cls = apostrophe_class_;  // U+2019 matches a straight apostrophe
        i += 2;
      } else {
        cls = byte_class[b];
      }
    }
    ring_at[count & mask] = at;
    ++count;
    // The common case, one load: a shallow state with no output goes to another such state.
    if (row >= 0) {
      int32_t v = delta[static_cast<uint32_t>(row) + cls];
      if (v >= 0) {
        row = v;
        continue;
      }
      state = -v - 1;
    } else {
      state = Next(state, cls);
    }
    // A deep state, or a shallow one where a phrase ends: outputs, then on from here.
    row = dense_row_[state] >= 0 ? dense_row_[state] * static_cast<int32_t>(classes_) : -1;
    for (int32_t s = first_output_[state]; s > 0; s = dict_[s]) {
      const Pattern& p = patterns_[output_[s]];
      uint32_t begin = ring[(count - p.length) & ring_mask_];
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

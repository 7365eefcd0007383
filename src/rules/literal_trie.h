#pragma once
// The Aho-Corasick automaton under LiteralScanner (one regex's literals, regex_prefilter.h)
// and LiteralUnion (many regexes' literals, literal_union.h): a trie of the literals with
// ASCII letters case folded, then a full transition table over byte classes. Each user keeps
// its own facts per state (the shortest literal ending there, or that for each slot) and
// joins them along failure links as Build visits the states.
#include <cstdint>
#include <deque>
#include <map>
#include <string_view>
#include <vector>

namespace fulint {

class LiteralTrie {
 public:
  // Adds a non-empty literal; returns the state where it ends.
  int32_t Add(std::string_view literal) {
    int32_t s = 0;
    for (unsigned char b : literal) {
      uint8_t k = ClassOf(b);
      auto it = nodes_[s].next.find(k);
      if (it == nodes_[s].next.end()) {
        nodes_.push_back({});
        it = nodes_[s].next.emplace(k, static_cast<int32_t>(nodes_.size() - 1)).first;
      }
      s = it->second;
    }
    return s;
  }
  size_t states() const { return nodes_.size(); }
  uint32_t classes() const { return classes_; }
  // byte_class()[b]: the class of byte b (0 for bytes in no literal).
  const uint8_t* byte_class() const { return class_; }

  // The transition table, delta[state * classes() + class] = the next state, made breadth
  // first; on_state(state, failure_state) is called for every state but the root in that
  // order, so a state's failure state has been visited before it.
  template <typename OnState>
  std::vector<int32_t> Build(OnState on_state) {
    std::vector<int32_t> delta(nodes_.size() * classes_, 0);
    std::deque<int32_t> queue;
    for (auto [k, child] : nodes_[0].next) {
      delta[k] = child;
      queue.push_back(child);
    }
    while (!queue.empty()) {
      int32_t s = queue.front();
      queue.pop_front();
      const Node& n = nodes_[s];
      on_state(s, n.fail);
      const size_t row = static_cast<size_t>(s) * classes_;
      const size_t fail_row = static_cast<size_t>(n.fail) * classes_;
      for (uint32_t k = 0; k < classes_; ++k) delta[row + k] = delta[fail_row + k];
      for (auto [k, child] : n.next) {
        nodes_[child].fail = s == 0 ? 0 : delta[fail_row + k];
        delta[row + k] = child;
        queue.push_back(child);
      }
    }
    return delta;
  }

 private:
  struct Node {
    std::map<uint8_t, int32_t> next;
    int32_t fail = 0;
  };
  uint8_t ClassOf(unsigned char b) {
    unsigned char f = b >= 'A' && b <= 'Z' ? b + 32 : b;
    if (class_[f] == 0) {
      class_[f] = static_cast<uint8_t>(classes_++);
      if (f >= 'a' && f <= 'z') class_[f - 32] = class_[f];
    }
    return class_[f];
  }
  std::vector<Node> nodes_ = std::vector<Node>(1);
  uint8_t class_[256] = {};
  uint32_t classes_ = 1;
};

}  // namespace fulint

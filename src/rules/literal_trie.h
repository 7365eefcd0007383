#pragma once
// The Aho-Corasick automaton under LiteralScanner (one regex's literals, regex_prefilter.h)
// and LiteralUnion (many regexes' literals, literal_union.h): a trie of the literals with
// ASCII letters case folded, then a full transition table over byte classes. Each user keeps
// its own facts per state (the shortest literal ending there, or that for each slot) and
// joins them along failure links as Build visits the states.
#include <cstdint>
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
      int32_t e = nodes_[s].first_edge;
      while (e >= 0 && edges_[e].klass != k) e = edges_[e].next;
      if (e < 0) {
        int32_t child = static_cast<int32_t>(nodes_.size());
        nodes_.push_back({});
        edges_.push_back({k, child, nodes_[s].first_edge});
        e = nodes_[s].first_edge = static_cast<int32_t>(edges_.size() - 1);
      }
      s = edges_[e].child;
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
    // Every state but the root enters the queue once, so a vector holds it.
    std::vector<int32_t> queue;
    queue.reserve(nodes_.size());
    for (int32_t e = nodes_[0].first_edge; e >= 0; e = edges_[e].next) {
      delta[edges_[e].klass] = edges_[e].child;
      queue.push_back(edges_[e].child);
    }
    for (size_t head = 0; head < queue.size(); ++head) {
      int32_t s = queue[head];
      const Node& n = nodes_[s];
      on_state(s, n.fail);
      const size_t row = static_cast<size_t>(s) * classes_;
      const size_t fail_row = static_cast<size_t>(n.fail) * classes_;
      for (uint32_t k = 0; k < classes_; ++k) delta[row + k] = delta[fail_row + k];
      for (int32_t e = n.first_edge; e >= 0; e = edges_[e].next) {
        const Edge& edge = edges_[e];
        nodes_[edge.child].fail = delta[fail_row + edge.klass];
        delta[row + edge.klass] = edge.child;
        queue.push_back(edge.child);
      }
    }
    return delta;
  }

 private:
  // A state's children are a list of edges (most states have one child; the root has a few
  // dozen). A std::map per state cost more to build than the whole table: a third of the
  // 2.7 M instructions of the built-in style's longest literal list (193 literals).
  struct Node {
    int32_t first_edge = -1;  // in edges_, -1 for none
    int32_t fail = 0;
  };
  struct Edge {
    uint8_t klass;
    int32_t child;
    int32_t next;  // the parent's next edge, -1 for none
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
  std::vector<Edge> edges_;
  uint8_t class_[256] = {};
  uint32_t classes_ = 1;
};

}  // namespace fulint

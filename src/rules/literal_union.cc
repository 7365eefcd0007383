#include "rules/literal_union.h"

#include <algorithm>
#include <deque>
#include <map>

namespace fulint {
namespace {

unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

}  // namespace

LiteralUnion::LiteralUnion(const std::vector<std::vector<std::string>>& literals)
    : slots_(literals.size()) {
  // A trie over the case-folded literals, then Aho-Corasick links, compiled to a table (as in
  // LiteralScanner, with a list of slots where it keeps one length).
  struct Node {
    std::map<uint8_t, int32_t> next;
    int32_t fail = 0;
    std::map<uint32_t, uint32_t> own;  // slot -> shortest literal ending exactly here
  };
  std::vector<Node> nodes(1);
  auto class_of = [&](unsigned char b) {
    unsigned char f = Lower(b);
    if (class_[f] == 0) {
      class_[f] = static_cast<uint8_t>(classes_++);
      if (f >= 'a' && f <= 'z') class_[f - 32] = class_[f];
    }
    return class_[f];
  };
  for (uint32_t slot = 0; slot < literals.size(); ++slot)
    for (const std::string& lit : literals[slot]) {
      if (lit.empty()) continue;
      int32_t s = 0;
      for (unsigned char b : lit) {
        uint8_t k = class_of(b);
        auto it = nodes[s].next.find(k);
        if (it == nodes[s].next.end()) {
          nodes.push_back({});
          it = nodes[s].next.emplace(k, static_cast<int32_t>(nodes.size() - 1)).first;
        }
        s = it->second;
      }
      uint32_t len = static_cast<uint32_t>(lit.size());
      auto [at, fresh] = nodes[s].own.emplace(slot, len);
      if (!fresh) at->second = std::min(at->second, len);
    }
  // Breadth first, so a state's failure state is complete before the state: its outputs are
  // its own joined with its failure state's (those literals end here too), shortest per slot.
  delta_.assign(nodes.size() * classes_, 0);
  std::vector<std::map<uint32_t, uint32_t>> all(nodes.size());
  std::deque<int32_t> queue;
  for (auto [k, child] : nodes[0].next) {
    delta_[k] = child;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    int32_t s = queue.front();
    queue.pop_front();
    const Node& n = nodes[s];
    all[s] = all[n.fail];
    for (auto [slot, len] : n.own) {
      auto [at, fresh] = all[s].emplace(slot, len);
      if (!fresh) at->second = std::min(at->second, len);
    }
    for (uint32_t k = 0; k < classes_; ++k)
      delta_[static_cast<size_t>(s) * classes_ + k] =
          delta_[static_cast<size_t>(n.fail) * classes_ + k];
    for (auto [k, child] : n.next) {
      nodes[child].fail = s == 0 ? 0 : delta_[static_cast<size_t>(n.fail) * classes_ + k];
      delta_[static_cast<size_t>(s) * classes_ + k] = child;
      queue.push_back(child);
    }
  }
  output_begin_.assign(nodes.size() + 1, 0);
  for (size_t s = 0; s < nodes.size(); ++s) {
    output_begin_[s] = static_cast<uint32_t>(outputs_.size());
    for (auto [slot, len] : all[s]) outputs_.push_back({slot, len});
  }
  output_begin_[nodes.size()] = static_cast<uint32_t>(outputs_.size());
  // States to rows, with "has outputs" in the entry's sign.
  for (int32_t& t : delta_) {
    int32_t row = t * static_cast<int32_t>(classes_);
    t = all[static_cast<size_t>(t)].empty() ? row : ~row;
  }
}

void LiteralUnion::Scan(std::string_view text,
                        std::vector<std::vector<LiteralHit>>* per_slot) const {
  per_slot->resize(slots_);
  for (auto& hits : *per_slot) hits.clear();
  if (outputs_.empty()) return;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const uint32_t n = static_cast<uint32_t>(text.size());
  const int32_t* const delta = delta_.data();
  int32_t row = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const int32_t v = delta[static_cast<uint32_t>(row) + class_[bytes[i]]];
    if (v >= 0) {
      row = v;
      continue;
    }
    row = ~v;
    const uint32_t state = static_cast<uint32_t>(row) / classes_;
    for (uint32_t k = output_begin_[state]; k < output_begin_[state + 1]; ++k)
      (*per_slot)[outputs_[k].slot].push_back({i + 1 - outputs_[k].length, i + 1});
  }
}

}  // namespace fulint

#include "rules/literal_union.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <utility>

#include "rules/literal_trie.h"

namespace fulint {

namespace {

// A state's outputs: (slot, shortest literal of that slot ending here), sorted by slot. Small
// sorted vectors, not maps: copying a map into every state was most of building the union of
// the built-in style's literals (4.5 M instructions, callgrind).
using Outputs = std::vector<std::pair<uint32_t, uint32_t>>;

void AddOutput(uint32_t slot, uint32_t len, Outputs* out) {
  auto at = std::lower_bound(out->begin(), out->end(), std::make_pair(slot, uint32_t{0}));
  if (at != out->end() && at->first == slot)
    at->second = std::min(at->second, len);
  else
    out->insert(at, {slot, len});
}

}  // namespace

LiteralUnion::LiteralUnion(const std::vector<std::vector<std::string>>& literals,
                           AutomatonCache* cache)
    : slots_(literals.size()) {
  if (!cache) {
    Build(literals);
    return;
  }
  const uint64_t key = KeyOf(literals, cache->build_id());
  if (auto stored = cache->Load(key); stored && Restore(std::move(stored))) return;
  Build(literals);
  cache->Store(key, Serialize());
}

uint64_t LiteralUnion::KeyOf(const std::vector<std::vector<std::string>>& literals,
                             const std::string& build_id) {
  KeyHasher key;
  key.Add(std::string_view("LiteralUnion"));
  key.Add(build_id);
  key.Add(literals.size());
  for (const auto& slot : literals) {
    key.Add(slot.size());
    for (const std::string& literal : slot) key.Add(literal);
  }
  return key.value();
}

namespace {
constexpr size_t kCounts = 5;  // Serialize's header: these counts, then class_, then tables
}  // namespace

std::string LiteralUnion::Serialize() const {
  std::string out;
  const uint64_t counts[kCounts] = {longest_, classes_, delta_.size(), output_begin_.size(),
                                    outputs_.size()};
  AppendTable(TableView<uint64_t>(counts, kCounts), &out);
  AppendTable(TableView<uint8_t>(class_, 256), &out);
  AppendTable(delta_, &out);
  AppendTable(output_begin_, &out);
  AppendTable(outputs_, &out);
  return out;
}

bool LiteralUnion::Restore(std::unique_ptr<AutomatonCache::Mapped> mapped) {
  const std::string_view body = mapped->body();
  uint64_t counts[kCounts];
  constexpr size_t kFixed = sizeof counts + 256;
  if (body.size() < kFixed) return false;
  std::memcpy(counts, body.data(), sizeof counts);
  const auto [longest, classes, delta_count, begin_count, output_count] = counts;
  // Sizes that agree with each other and the body (the checksum vouched for the bytes).
  TableReader tables(body, kFixed);
  if (longest > UINT32_MAX || classes == 0 || classes > 256 || delta_count % classes != 0 ||
      begin_count != delta_count / classes + 1 || output_count > UINT32_MAX ||
      !tables.Fits(4 * (delta_count + begin_count) + sizeof(Output) * output_count))
    return false;
  longest_ = static_cast<uint32_t>(longest);
  classes_ = static_cast<uint32_t>(classes);
  std::memcpy(class_, body.data() + sizeof counts, 256);
  tables.Next(&delta_, delta_count);
  tables.Next(&output_begin_, begin_count);
  tables.Next(&outputs_, output_count);
  mapped_ = std::move(mapped);
  return true;
}

void LiteralUnion::Build(const std::vector<std::vector<std::string>>& literals) {
  auto built = std::make_unique<Tables>();
  Tables& t = *built;
  LiteralTrie trie;
  std::vector<Outputs> own(1);  // per state: the literals ending exactly there
  for (uint32_t slot = 0; slot < literals.size(); ++slot)
    for (const std::string& lit : literals[slot]) {
      if (lit.empty()) continue;
      longest_ = std::max(longest_, static_cast<uint32_t>(lit.size()));
      int32_t s = trie.Add(lit);
      own.resize(trie.states());
      AddOutput(slot, static_cast<uint32_t>(lit.size()), &own[s]);
    }
  own.resize(trie.states());
  // A state's outputs are its own joined with its failure state's (those literals end here
  // too), shortest per slot.
  std::vector<Outputs> all(trie.states());
  t.delta = trie.Build([&](int32_t s, int32_t fail) {
    all[s] = all[fail];
    for (auto [slot, len] : own[s]) AddOutput(slot, len, &all[s]);
  });
  std::copy(trie.byte_class(), trie.byte_class() + 256, class_);
  classes_ = trie.classes();
  t.output_begin.assign(trie.states() + 1, 0);
  for (size_t s = 0; s < trie.states(); ++s) {
    t.output_begin[s] = static_cast<uint32_t>(t.outputs.size());
    for (auto [slot, len] : all[s]) t.outputs.push_back({slot, len});
  }
  t.output_begin[trie.states()] = static_cast<uint32_t>(t.outputs.size());
  // States to rows, with "has outputs" in the entry's sign.
  for (int32_t& target : t.delta) {
    int32_t row = target * static_cast<int32_t>(classes_);
    target = all[static_cast<size_t>(target)].empty() ? row : ~row;
  }
  built_ = std::move(built);
  delta_ = built_->delta;
  output_begin_ = built_->output_begin;
  outputs_ = built_->outputs;
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

void LiteralUnion::ScanLike(std::string_view text, std::string_view like,
                            const std::vector<std::vector<LiteralHit>>& like_hits,
                            std::vector<std::vector<LiteralHit>>* per_slot) const {
  per_slot->resize(slots_);
  for (auto& hits : *per_slot) hits.clear();
  if (outputs_.empty()) return;
  const uint32_t n = static_cast<uint32_t>(text.size());
  const uint32_t m = std::max<uint32_t>(longest_, 1);
  // Ends whose hits may differ: a hit ending at e covers at most the m bytes before e, so a
  // differing run [x, y) affects the ends x+1 .. y+m-1. Kept as merged inclusive ranges.
  std::vector<std::pair<uint32_t, uint32_t>> dirty;
  constexpr uint32_t kBlock = 64;
  for (uint32_t i = 0; i < n;) {
    // Whole blocks that are equal are passed over with one memcmp each.
    if (i + kBlock <= n && std::memcmp(text.data() + i, like.data() + i, kBlock) == 0) {
      i += kBlock;
      continue;
    }
    if (text[i] == like[i]) {
      ++i;
      continue;
    }
    uint32_t x = i;
    while (i < n && text[i] != like[i]) ++i;
    uint32_t lo = x + 1, hi = std::min(n, i + m - 1);
    if (!dirty.empty() && lo <= dirty.back().second + 1)
      dirty.back().second = std::max(dirty.back().second, hi);
    else
      dirty.push_back({lo, hi});
  }
  if (dirty.empty()) {
    *per_slot = like_hits;
    return;
  }
  // The dirty ends' hits, from scans of `text` starting m bytes before each range (the
  // automaton's state at an end depends only on the m bytes before it).
  std::vector<std::vector<LiteralHit>> near(slots_), found;
  for (auto [lo, hi] : dirty) {
    uint32_t from = lo > m ? lo - m : 0;
    Scan(text.substr(from, hi - from), &found);
    for (size_t slot = 0; slot < slots_; ++slot)
      for (LiteralHit h : found[slot]) {
        h.begin += from;
        h.end += from;
        if (h.end >= lo && h.end <= hi) near[slot].push_back(h);
      }
  }
  // Each slot's hits in order of their ends: `like`'s at clean ends, the scans' at dirty ones.
  for (size_t slot = 0; slot < slots_; ++slot) {
    const auto& base = like_hits[slot];
    const auto& fresh = near[slot];
    auto& out = (*per_slot)[slot];
    out.reserve(base.size() + fresh.size());
    size_t d = 0, f = 0;
    for (const LiteralHit& h : base) {
      while (d < dirty.size() && dirty[d].second < h.end) ++d;
      if (d < dirty.size() && h.end >= dirty[d].first) continue;
      while (f < fresh.size() && fresh[f].end < h.end) out.push_back(fresh[f++]);
      out.push_back(h);
    }
    out.insert(out.end(), fresh.begin() + static_cast<std::ptrdiff_t>(f), fresh.end());
  }
}

}  // namespace fulint

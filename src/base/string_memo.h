#pragma once
// A small per-thread memo from short strings to a value, for answers that cost more than a
// hash probe (is this word in the dictionaries?). Open addressing over one array, the keys
// kept in one buffer: std::unordered_map's modulo, node hops and per-key allocations were
// most of a lookup. It starts small (a one-draft run touches little of it), doubles as it
// fills, and is cleared when it reaches its bound, so it stays in cache.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace fulint {

template <typename Value>
class StringMemo {
 public:
  explicit StringMemo(uint32_t slots_log2 = 10, uint32_t max_slots_log2 = 16)
      : slots_(size_t{1} << slots_log2), max_slots_(size_t{1} << max_slots_log2) {}

  // The value stored for `key`, or null.
  const Value* Find(std::string_view key) const {
    const uint64_t h = Hash(key);
    for (size_t i = h & Mask();; i = (i + 1) & Mask()) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.hash == static_cast<uint32_t>(h >> 32) && s.length == key.size() &&
          std::memcmp(keys_.data() + s.offset, key.data(), key.size()) == 0)
        return &s.value;
    }
  }

  // Stores `value` for `key` (not already present); keys longer than 64 KB are not kept.
  void Insert(std::string_view key, const Value& value) {
    if (key.size() > 0xFFFF) return;
    if (2 * (count_ + 1) > slots_.size()) {
      if (slots_.size() < max_slots_)
        Grow();
      else
        Clear();
    }
    if (keys_.size() + key.size() > (1u << 30)) Clear();
    const uint64_t h = Hash(key);
    Place({static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(h >> 32),
           static_cast<uint16_t>(key.size()), true, value},
          h);
    keys_.append(key);
    ++count_;
  }

  void Clear() {
    for (Slot& s : slots_) s = Slot{};  // values freed too
    keys_.clear();
    count_ = 0;
  }

 private:
  struct Slot {
    uint32_t offset = 0;  // of the key in keys_
    uint32_t hash = 0;    // the hash's high half, to skip most key comparisons
    uint16_t length = 0;
    bool used = false;
    Value value{};
  };
  size_t Mask() const { return slots_.size() - 1; }
  void Place(const Slot& slot, uint64_t h) {
    size_t i = h & Mask();
    while (slots_[i].used) i = (i + 1) & Mask();
    slots_[i] = slot;
  }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.used) Place(s, Hash(std::string_view(keys_.data() + s.offset, s.length)));
  }
  static uint64_t Hash(std::string_view s) {  // FNV-1a, then a final mix for the low bits
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
  }
  std::vector<Slot> slots_;
  size_t max_slots_;
  std::string keys_;
  size_t count_ = 0;
};

}  // namespace fulint

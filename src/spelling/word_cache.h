#pragma once
// A compiled word list: every word form of one Hunspell dictionary (expanded with Hunspell's
// `unmunch`), sorted and memory-mapped, with a hash table over them. Checking a word is a hash
// probe into the mapped file, so a one-draft run does not pay Hunspell's ~75 ms dictionary load; Hunspell itself is
// loaded only to suggest corrections. Each cache records the size and modification time of
// the .dic and .aff it came from and is ignored (and rebuilt) when they change.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace fulint {

class WordCache {
 public:
  ~WordCache();
  WordCache(const WordCache&) = delete;
  WordCache& operator=(const WordCache&) = delete;

  // Maps `path`; null when it is missing, corrupt or not built from `signature`.
  static std::unique_ptr<WordCache> Open(const std::string& path, const std::string& signature);
  // True when `word` is in the table. The filter is not asked first: callers that look up
  // strings that are mostly not words (spelling suggestions' candidates) ask it themselves
  // (FilterRulesOut, RuledOutByHash); for a draft's own words, nearly all spelled right, its
  // bit was only one more cache miss on each lookup.
  bool Contains(std::string_view word) const;
  uint32_t size() const { return count_; }
  // The word at index `k` (< size()), in sorted order.
  std::string_view word(uint32_t k) const {
    return std::string_view(blob_ + offsets_[k], offsets_[k + 1] - offsets_[k]);
  }
  // True when the filter in front of the table rules `word` out (it never rules out a word
  // in the cache; most other strings it does).
  bool FilterRulesOut(std::string_view word) const;
  // The same, given Hash(word): a caller asking several caches about a word hashes it once.
  bool RuledOutByHash(uint32_t hash) const;
  // The hash every cache uses for its table and filter (FNV-1a).
  static uint32_t Hash(std::string_view word);

 private:
  WordCache() = default;
  const char* data_ = nullptr;
  size_t length_ = 0;
  uint32_t count_ = 0;
  const uint32_t* offsets_ = nullptr;  // count_ + 1 entries into blob_
  const char* blob_ = nullptr;
  const uint32_t* slots_ = nullptr;  // the hash table: a word's index + 1, or 0
  uint32_t slot_mask_ = 0;
  const uint64_t* filter_ = nullptr;  // a Bloom filter over the words (word_cache.cc)
  uint32_t filter_mask_ = 0;          // its size in bits, minus one
};

// "size:mtime" of the .dic and .aff files, or "" when either is missing.
std::string DictionarySignature(const std::string& dic, const std::string& aff);

// Expands `dic` with `aff` through `unmunch` and writes the cache to `out` atomically.
bool CompileWordCache(const std::string& dic, const std::string& aff, const std::string& out,
                      std::string* error);

// The cache file for dictionary `name` in folder `dir`. The name carries the format's
// version, so that two fulint versions sharing a cache folder (an editor's and the command
// line's) do not rebuild each other's file on every run.
std::string WordCacheFile(const std::string& dir, const std::string& name);

// Where caches are looked for and written: $FULINT_CACHE_DIR, else $XDG_CACHE_HOME/fulint,
// else ~/.cache/fulint.
std::string WordCacheDir();

}  // namespace fulint

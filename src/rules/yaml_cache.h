#pragma once
// Parsed rule files kept between runs. yaml-cpp needs about half of a one-draft run's
// instructions to parse the 40-odd files of the built-in style; reading their parsed trees
// back from one binary file takes a few percent of that. An entry is used only when the rule
// file's bytes hash to what they were when it was parsed, so an edited rule is parsed again.
// Each rules folder has its own file: when one file held every folder's entries, a machine
// that had linted with a dozen clones of the repository had a 1 MB file of 1,228 entries,
// and indexing them was 5% of a one-draft run's samples (perf); a run now reads only its own
// folder's. Entries of files that no longer exist are dropped when a file is rewritten, and
// then the files of folders that no longer exist too. Any problem with the cache (unreadable,
// corrupt, not writable) just means parsing as if there were none. The file is memory-mapped
// and only indexed when opened: copying every entry out of it was a sixth of a one-draft
// run's page faults.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "rules/yaml_value.h"

namespace fulint {

class YamlCache {
 public:
  // Reads the cache at `file` ("" for none: nothing is read or written).
  explicit YamlCache(std::string file);
  ~YamlCache();
  YamlCache(const YamlCache&) = delete;
  YamlCache& operator=(const YamlCache&) = delete;
  // The cache file of the rules folder `rules_dir` in the user's cache folder (see
  // spelling/word_cache.h), or "" when $FULINT_NO_RULE_CACHE is set.
  static std::string DefaultFile(const std::string& rules_dir);

  // The tree of the file at `path` whose bytes are `text`: from the cache when they are
  // unchanged, else parsed with yaml-cpp (and kept for Save). Safe to call from many threads.
  bool Parse(const std::string& path, const std::string& text, YamlValue* out,
             std::string* error, YamlMark* error_mark);
  // Whether the cache holds a tree for the file at `path` (from some version of it).
  bool Has(const std::string& path);
  // Writes the cache back (atomically) when something new was parsed.
  void Save();
  // How many Parse calls were answered from the cache (for tests and `debug timings`).
  size_t hits() const { return hits_; }

 private:
  struct Entry {
    uint64_t hash = 0;
    std::string_view mapped;  // YamlValue::Serialize's bytes in the mapping, or
    std::string owned;        // those of a tree parsed in this run
    bool is_owned = false;
    std::string_view tree() const { return is_owned ? std::string_view(owned) : mapped; }
  };
  std::string file_;
  const char* mapping_ = nullptr;  // the cache file as read, mapped
  size_t mapping_size_ = 0;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // by absolute path
  bool dirty_ = false;
  size_t hits_ = 0;
};

}  // namespace fulint

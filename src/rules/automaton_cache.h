#pragma once
// Compiled automata kept between runs: the one of every phrase list (PhraseUnion) and the one
// of every regex's literals (LiteralUnion). Building the first for the built-in style (10,793
// states) took 0.9 ms of a 5.7 ms one-draft run, after the rule files themselves came from the
// YAML cache; read back, its tables are used where they lie in the file's mapping
// (rules/table_view.h) and it takes 0.05 ms. A file is named by its key, a hash of everything
// the automaton is made from (its kind, the program's build id, every phrase or literal with
// its list), so an edited word
// list or a rebuilt fulint simply makes a new file; only the newest few are kept. The file
// holds the tables in the running program's own layout, which the build id in the key pins
// down, and a checksum: a damaged file reads as absent. As with the other caches, any problem
// (unreadable, corrupt, not writable) only means building the automaton as if there were none.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace fulint {

class AutomatonCache {
 public:
  // Files in the folder `dir` ("" for none: nothing is read or written); `build_id` goes
  // into every key (base/build_id.h).
  AutomatonCache(std::string dir, std::string build_id);
  AutomatonCache(const AutomatonCache&) = delete;
  AutomatonCache& operator=(const AutomatonCache&) = delete;
  // The folder in the user's cache folder (see spelling/word_cache.h), or "" when
  // $FULINT_NO_RULE_CACHE is set.
  static std::string DefaultDir();
  // Files kept in the folder: storing one more removes the least recently written.
  static constexpr size_t kKeep = 8;

  const std::string& build_id() const { return build_id_; }

  // A file's body, memory-mapped for as long as the object lives.
  class Mapped {
   public:
    Mapped(void* base, size_t size, size_t body_at) : base_(base), size_(size), body_at_(body_at) {}
    ~Mapped();
    Mapped(const Mapped&) = delete;
    Mapped& operator=(const Mapped&) = delete;
    std::string_view body() const {
      return {static_cast<const char*>(base_) + body_at_, size_ - body_at_};
    }

   private:
    void* base_;
    size_t size_, body_at_;
  };
  // The body stored under `key` when its file exists, says it holds that key and its body is
  // the one written (checksum); null otherwise. The body starts 8-byte aligned.
  std::unique_ptr<Mapped> Load(uint64_t key);
  // Stores `body` under `key` (atomically), then trims the folder to kKeep files. Safe to
  // call from many threads, like Load.
  void Store(uint64_t key, std::string_view body);
  size_t hits() const { return hits_.load(std::memory_order_relaxed); }
  size_t stores() const { return stores_.load(std::memory_order_relaxed); }

  // The cache PhraseUnion builds through (nullptr: it builds every time). The command line
  // installs one for a run; a library user need not.
  static void Install(AutomatonCache* cache);
  static AutomatonCache* Installed();

 private:
  std::string FileOf(uint64_t key) const;
  std::string dir_, build_id_;
  std::atomic<size_t> hits_{0}, stores_{0};
  std::mutex store_mutex_;  // two threads storing one key would share a temporary file
};

// Installs a cache for as long as it lives.
class InstalledAutomatonCache {
 public:
  explicit InstalledAutomatonCache(AutomatonCache* cache) { AutomatonCache::Install(cache); }
  ~InstalledAutomatonCache() { AutomatonCache::Install(nullptr); }
  InstalledAutomatonCache(const InstalledAutomatonCache&) = delete;
  InstalledAutomatonCache& operator=(const InstalledAutomatonCache&) = delete;
};

// A checksum of `bytes` eight at a time in four lanes (a cache file's body is hundreds of
// kilobytes; byte-at-a-time FNV-1a would take longer than building the automaton).
uint64_t WordChecksum(std::string_view bytes);

// Accumulates a cache key from the values an automaton is made of.
class KeyHasher {
 public:
  void Add(uint64_t v) {
    h_ = (h_ ^ v) * 0x9E3779B97F4A7C15ull;
    h_ ^= h_ >> 29;
  }
  void Add(std::string_view s) {
    Add(s.size());
    Add(WordChecksum(s));
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 0x243F6A8885A308D3ull;
};

}  // namespace fulint

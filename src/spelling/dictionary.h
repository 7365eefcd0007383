#pragma once
// Spelling knowledge: Hunspell dictionaries from the system plus the project's own word lists
// (one word per line). Loaded once per process and shared by every rule that names the same
// dictionaries; suggestions are computed only on request and cached.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class Hunspell;

namespace fulint {
class WordCache;
}

namespace fulint {

struct DictionarySpec {
  std::vector<std::string> hunspell;   // names such as "en_US", "en_med_glut"
  std::vector<std::string> wordlists;  // paths of project word lists
  std::string Key() const;
};

class Dictionary {
 public:
  ~Dictionary();
  // Null with `error` set when a dictionary cannot be found or read. Shared per spec.
  static std::shared_ptr<Dictionary> Get(const DictionarySpec& spec, std::string* error);

  // True when `word` (UTF-8, straight apostrophes) is spelled correctly.
  bool Knows(const std::string& word) const;
  // False only when Knows(word) is false; cheap (a few bit tests, no table lookup). Spelling
  // suggestions ask about hundreds of candidate strings per misspelling, nearly none of them
  // words, and ask Knows only about those this lets through.
  bool MightKnow(const std::string& word) const;
  // True when the lower-case form of an all-capitals word is an ordinary word.
  bool KnowsLower(const std::string& word) const;
  // Up to `max` suggestions, best first: known words one edit away (spelling/suggest.h), cached.
  std::vector<std::string> Suggest(const std::string& word, size_t max) const;
  // Different for every Dictionary made in this process (an address can be reused after a
  // reload), so memos of answers can tell dictionaries apart.
  uint64_t serial() const { return serial_; }

 private:
  Dictionary();
  bool InCaches(const std::string& word) const;
  // Loads Hunspell on first use (only when a word cache is missing).
  Hunspell* hunspell() const;

  uint64_t serial_;
  DictionarySpec spec_;
  std::vector<std::unique_ptr<WordCache>> caches_;  // one per Hunspell dictionary, or empty
  mutable std::unique_ptr<Hunspell> hunspell_;
  std::unordered_set<std::string> extra_;  // project words, as written
  // A Bloom filter over extra_ (two bits a word, about 16 bits a word in all), for MightKnow.
  std::vector<uint64_t> extra_filter_;
  // True when the filters rule `word` out of extra_ (if asked) and of every cache (if asked).
  bool FiltersRuleOut(std::string_view word, bool project_words, bool caches) const;
  mutable std::mutex mutex_;                     // Hunspell is not thread-safe
  mutable std::unordered_map<std::string, std::vector<std::string>> suggestions_;
};

// Folder holding system Hunspell dictionaries ($FULINT_HUNSPELL_DIR or /usr/share/hunspell).
std::string HunspellDir();

// Folders searched for compiled word caches, in order: $FULINT_CACHE_DIR, the installed
// share/fulint/word-cache, the build tree's word-cache, the user's cache folder.
std::vector<std::string> WordCacheSearchPath();

// Compiles the caches for Hunspell dictionaries `names` into `out_dir`; false with `error`.
bool CompileWordCaches(const std::vector<std::string>& names, const std::string& out_dir,
                       std::string* error);

}  // namespace fulint

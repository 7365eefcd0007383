#pragma once
// What AnalyzeRegex read off each pattern (regex_prefilter.h), kept between runs. Reading the
// built-in style's patterns is about ten million instructions, done again by every run on its
// first files (callgrind: 10.3 of 367 M for 1,000 drafts; file 1 alone took 12.4 M against
// 0.3 M for a later one), and two threads starting side by side both paid for it: one reads a
// pattern while the other searches without its prefilter meanwhile (regex.cc). The facts
// depend only on the pattern, its case flag and fulint's own code, so the file is keyed by the
// program's build id (base/build_id.h): a rebuilt fulint ignores the facts of the one before.
// Like the YAML cache, any problem with the file only means analysing as if it were absent.
#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rules/regex_prefilter.h"

namespace fulint {

class RegexFactsCache {
 public:
  // Reads the cache at `file` ("" for none: nothing is read or written), keeping entries only
  // when it was written by a program with build id `build_id` (none at all when that is "").
  RegexFactsCache(std::string file, std::string build_id);
  RegexFactsCache(const RegexFactsCache&) = delete;
  RegexFactsCache& operator=(const RegexFactsCache&) = delete;
  // The cache file in the user's cache folder, or "" when $FULINT_NO_RULE_CACHE is set.
  static std::string DefaultFile();

  // AnalyzeRegex(pattern, ignore_case), from the file when it has the pattern. Safe to call
  // from many threads.
  RegexFacts Facts(std::string_view pattern, bool ignore_case);
  // Writes the file back (atomically) when some pattern was analysed in this run.
  void Save();
  size_t hits() const;

  // The cache that Regex's prefilter asks (nullptr: it analyses every pattern itself). The
  // command line installs one for a run and saves it at the end; a library user need not.
  static void Install(RegexFactsCache* cache);
  static RegexFactsCache* Installed();

 private:
  std::string file_, build_id_, data_;  // data_: the file's bytes, which loaded_ points into
  std::unordered_map<std::string_view, std::string_view> loaded_;  // key -> encoded facts
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::string> added_;  // analysed in this run, encoded
  bool dirty_ = false;  // added_ holds facts the file does not
  std::atomic<size_t> hits_{0};
};

// Installs a cache for as long as it lives (RegexFactsCache::Install).
class InstalledRegexFactsCache {
 public:
  explicit InstalledRegexFactsCache(RegexFactsCache* cache) { RegexFactsCache::Install(cache); }
  ~InstalledRegexFactsCache() { RegexFactsCache::Install(nullptr); }
  InstalledRegexFactsCache(const InstalledRegexFactsCache&) = delete;
  InstalledRegexFactsCache& operator=(const InstalledRegexFactsCache&) = delete;
};

// The facts of `pattern`: from the installed cache, or analysed.
RegexFacts RegexFactsOf(std::string_view pattern, bool ignore_case);

}  // namespace fulint

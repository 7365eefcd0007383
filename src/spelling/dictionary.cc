#include "spelling/dictionary.h"

#include <atomic>

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string_view>

#include "base/read_file.h"
#include "spelling/hash_mix.h"
#include "spelling/suggest.h"
#include "spelling/word_cache.h"
#include "spelling/words.h"

namespace fulint {
namespace fs = std::filesystem;

namespace {

// The two bits of the project-word filter for a word with hash `hash` (WordCache::Hash, so
// one hash serves this filter and the caches'): the two halves of the mixed hash.
template <typename OnBit>
void ForEachExtraFilterBit(uint32_t hash, size_t mask, OnBit on_bit) {
  const uint64_t x = MixHash(hash);
  on_bit(static_cast<size_t>(x) & mask);
  on_bit(static_cast<size_t>(x >> 32) & mask);
}

}  // namespace

std::string DictionarySpec::Key() const {
  std::string key;
  for (const auto& h : hunspell) key += h + "|";
  key += "#";
  for (const auto& w : wordlists) key += w + "|";
  return key;
}

std::string HunspellDir() {
  const char* env = std::getenv("FULINT_HUNSPELL_DIR");
  return env && *env ? env : "/usr/share/hunspell";
}

Dictionary::~Dictionary() = default;

std::vector<std::string> WordCacheSearchPath() {
  std::vector<std::string> out;
  if (const char* d = std::getenv("FULINT_CACHE_DIR"); d && *d) out.push_back(d);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    out.push_back((exe.parent_path() / ".." / "share" / "fulint" / "word-cache").string());
    out.push_back((exe.parent_path() / "word-cache").string());
  }
  std::string user = WordCacheDir();
  if (!user.empty()) out.push_back(user);
  return out;
}

bool CompileWordCaches(const std::vector<std::string>& names, const std::string& out_dir,
                       std::string* error) {
  std::string dir = HunspellDir();
  std::string aff = dir + "/" + names.front() + ".aff";
  for (const auto& name : names)
    if (!CompileWordCache(dir + "/" + name + ".dic", aff, WordCacheFile(out_dir, name), error))
      return false;
  return true;
}

Dictionary::Dictionary() {
  static std::atomic<uint64_t> next_serial{1};
  serial_ = next_serial++;
}

std::shared_ptr<Dictionary> Dictionary::Get(const DictionarySpec& spec, std::string* error) {
  static std::mutex cache_mutex;
  static std::unordered_map<std::string, std::weak_ptr<Dictionary>> cache;
  std::lock_guard<std::mutex> lock(cache_mutex);
  if (auto hit = cache[spec.Key()].lock()) return hit;

  std::shared_ptr<Dictionary> dict(new Dictionary());
  dict->spec_ = spec;
  std::string dir = HunspellDir();
  for (const auto& name : spec.hunspell) {
    if (!fs::exists(dir + "/" + name + ".dic")) {
      *error = "Hunspell dictionary '" + name + "' not found in " + dir +
               " (install the hunspell-en-us and hunspell-en-med packages)";
      return nullptr;
    }
  }
  std::string aff = dir + "/" + spec.hunspell.front() + ".aff";
  if (!fs::exists(aff)) {
    *error = "Hunspell affix file " + aff + " not found";
    return nullptr;
  }
  // Compiled caches when every dictionary has a fresh one (built now if possible);
  // otherwise plain Hunspell.
  for (const auto& name : spec.hunspell) {
    std::string dic = dir + "/" + name + ".dic";
    std::string signature = DictionarySignature(dic, aff);
    std::unique_ptr<WordCache> cache;
    for (const auto& folder : WordCacheSearchPath()) {
      if ((cache = WordCache::Open(WordCacheFile(folder, name), signature))) break;
    }
    std::string user_dir = WordCacheDir();
    std::string ignored;
    if (!cache && !user_dir.empty() &&
        CompileWordCache(dic, aff, WordCacheFile(user_dir, name), &ignored))
      cache = WordCache::Open(WordCacheFile(user_dir, name), signature);
    if (!cache) {
      dict->caches_.clear();
      break;
    }
    dict->caches_.push_back(std::move(cache));
  }
  if (dict->caches_.empty()) dict->hunspell();
  for (const auto& path : spec.wordlists) {
    // Read whole and split here, without std::ifstream and getline (their locale and buffer
    // set-up and per-line calls cost more than the words themselves).
    std::string text;
    if (ReadWholeFile(path, &text) != ReadStatus::kOk) {
      *error = "cannot read word list " + path;
      return nullptr;
    }
    for (size_t at = 0; at < text.size();) {
      size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(at, end - at);
      at = end + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      // A line may hold several words ("Maternal-Fetal Medicine"): each is accepted, split at
      // spaces, hyphens, commas and slashes as the word breaker splits text.
      std::string word;
      for (char c : NormalizeApostrophes(line) + " ") {
        if (c == ' ' || c == '-' || c == ',' || c == '/' || c == '(' || c == ')') {
          if (!word.empty()) dict->extra_.insert(word);
          word.clear();
        } else {
          word += c;
        }
      }
      if (line.find_first_of(" ,/()") == std::string::npos)
        dict->extra_.insert(NormalizeApostrophes(line));  // "PGY-2" as written too
    }
  }
  // The filter's size is a power of two: at least 16 bits a word, at least 4,096 bits.
  size_t bits = 4096;
  while (bits < 16 * dict->extra_.size()) bits *= 2;
  dict->extra_filter_.assign(bits / 64, 0);
  for (const auto& word : dict->extra_)
    ForEachExtraFilterBit(WordCache::Hash(word), bits - 1, [&](size_t bit) {
      dict->extra_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    });
  cache[spec.Key()] = dict;
  return dict;
}

Hunspell* Dictionary::hunspell() const {
  if (hunspell_) return hunspell_.get();
  std::string dir = HunspellDir();
  const auto& names = spec_.hunspell;
  std::string aff = dir + "/" + names.front() + ".aff";
  hunspell_ = std::make_unique<Hunspell>(aff.c_str(), (dir + "/" + names.front() + ".dic").c_str());
  for (size_t i = 1; i < names.size(); ++i) hunspell_->add_dic((dir + "/" + names[i] + ".dic").c_str());
  return hunspell_.get();
}

// Hunspell's case rules over the caches: a lower-case entry also accepts its capitalised and
// all-capitals forms; a capitalised entry accepts its all-capitals form. The words asked
// about here are nearly all words (a draft's, or suggestions MightKnow let through), so the
// caches' filters are not asked first (WordCache::Contains).
bool Dictionary::InCaches(const std::string& word) const {
  auto has = [&](const std::string& w) {
    for (const auto& c : caches_)
      if (c->Contains(w)) return true;
    return false;
  };
  if (has(word)) return true;
  if (IsCapitalized(word)) {
    std::string first_lower = word;
    first_lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    if (has(first_lower)) return true;
  }
  if (IsAllCaps(word)) {
    std::string lower = LowerAscii(word);
    std::string title = lower;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    return has(lower) || has(title);
  }
  return false;
}

bool Dictionary::FiltersRuleOut(std::string_view word, bool project_words, bool caches) const {
  const uint32_t hash = WordCache::Hash(word);
  if (project_words) {
    bool out = false;
    ForEachExtraFilterBit(hash, extra_filter_.size() * 64 - 1, [&](size_t bit) {
      out |= (extra_filter_[bit >> 6] >> (bit & 63) & 1) == 0;
    });
    if (!out) return false;
  }
  if (caches)
    for (const auto& c : caches_)
      if (!c->RuledOutByHash(hash)) return false;
  return true;
}

// Knows, InCaches and their case rules step for step, with each exact lookup replaced by a
// filter that never rules out what the lookup would find.
bool Dictionary::MightKnow(const std::string& word) const {
  if (caches_.empty()) return true;  // Hunspell answers: no filter to ask
  if (!FiltersRuleOut(word, true, true)) return true;  // extra_ or the caches
  if (IsCapitalized(word)) {
    if (!FiltersRuleOut(LowerAscii(word), true, false)) return true;
    std::string first_lower = word;
    first_lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    if (!FiltersRuleOut(first_lower, false, true)) return true;
  }
  if (IsAllCaps(word)) {
    std::string lower = LowerAscii(word);
    std::string title = lower;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    if (!FiltersRuleOut(lower, false, true) || !FiltersRuleOut(title, false, true)) return true;
  }
  return false;
}

bool Dictionary::Knows(const std::string& word) const {
  if (extra_.count(word)) return true;
  // A capitalised form of a known lower-case project word is fine ("Nephrology" at a
  // sentence start); an all-lower form of a capitalised one ("eras" for ERAS) is not.
  if (IsCapitalized(word) && extra_.count(LowerAscii(word))) return true;
  if (!caches_.empty()) return InCaches(word);
  std::lock_guard<std::mutex> lock(mutex_);
  return hunspell()->spell(word);
}

bool Dictionary::KnowsLower(const std::string& word) const {
  std::string lower = LowerAscii(word);
  if (extra_.count(lower)) return true;
  if (!caches_.empty()) return InCaches(lower);
  std::lock_guard<std::mutex> lock(mutex_);
  return hunspell()->spell(lower);
}

std::vector<std::string> Dictionary::Suggest(const std::string& word, size_t max) const {
  // The cache keeps the best few whatever `max` a caller asks for.
  const size_t kKept = std::max<size_t>(max, 8);
  auto first = [max](const std::vector<std::string>& all) {
    return std::vector<std::string>(all.begin(), all.begin() + std::min(max, all.size()));
  };
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = suggestions_.find(word);
    if (it != suggestions_.end()) return first(it->second);
  }
  // Computed outside the lock: Knows() takes it when it has to ask Hunspell.
  std::vector<std::string> found =
      SuggestNearby(word, [this](const std::string& w) { return MightKnow(w) && Knows(w); },
                    kKept);
  std::lock_guard<std::mutex> lock(mutex_);
  return first(suggestions_.emplace(word, std::move(found)).first->second);
}

}  // namespace fulint

#include "spelling/dictionary.h"

#include <hunspell/hunspell.hxx>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "spelling/words.h"

namespace fulint {
namespace fs = std::filesystem;

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

std::shared_ptr<Dictionary> Dictionary::Get(const DictionarySpec& spec, std::string* error) {
  static std::mutex cache_mutex;
  static std::unordered_map<std::string, std::weak_ptr<Dictionary>> cache;
  std::lock_guard<std::mutex> lock(cache_mutex);
  if (auto hit = cache[spec.Key()].lock()) return hit;

  std::shared_ptr<Dictionary> dict(new Dictionary());
  std::string dir = HunspellDir();
  for (size_t i = 0; i < spec.hunspell.size(); ++i) {
    std::string base = dir + "/" + spec.hunspell[i];
    if (!fs::exists(base + ".dic")) {
      *error = "Hunspell dictionary '" + spec.hunspell[i] + "' not found in " + dir +
               " (install the hunspell-en-us and hunspell-en-med packages)";
      return nullptr;
    }
    if (i == 0) {
      if (!fs::exists(base + ".aff")) {
        *error = "Hunspell affix file " + base + ".aff not found";
        return nullptr;
      }
      dict->hunspell_ = std::make_unique<Hunspell>((base + ".aff").c_str(), (base + ".dic").c_str());
    } else {
      dict->hunspell_->add_dic((base + ".dic").c_str());
    }
  }
  for (const auto& path : spec.wordlists) {
    std::ifstream in(path);
    if (!in) {
      *error = "cannot read word list " + path;
      return nullptr;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      std::string word = NormalizeApostrophes(line);
      dict->extra_.insert(word);
    }
  }
  cache[spec.Key()] = dict;
  return dict;
}

bool Dictionary::Knows(const std::string& word) const {
  if (extra_.count(word)) return true;
  // A capitalised form of a known lower-case project word is fine ("Nephrology" at a
  // sentence start); an all-lower form of a capitalised one ("eras" for ERAS) is not.
  if (IsCapitalized(word) && extra_.count(LowerAscii(word))) return true;
  if (!hunspell_) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  return hunspell_->spell(word);
}

bool Dictionary::KnowsLower(const std::string& word) const {
  std::string lower = LowerAscii(word);
  if (extra_.count(lower)) return true;
  if (!hunspell_) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  return hunspell_->spell(lower);
}

std::vector<std::string> Dictionary::Suggest(const std::string& word, size_t max) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = suggestions_.find(word);
  if (it == suggestions_.end()) {
    std::vector<std::string> all = hunspell_ ? hunspell_->suggest(word) : std::vector<std::string>{};
    it = suggestions_.emplace(word, std::move(all)).first;
  }
  std::vector<std::string> out(it->second.begin(),
                               it->second.begin() + std::min(max, it->second.size()));
  return out;
}

}  // namespace fulint

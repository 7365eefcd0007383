#include "checks/shouting.h"

#include <unordered_set>

#include "spelling/dictionary.h"
#include "spelling/words.h"

namespace fulint {
namespace {

class Shouting : public Check {
 public:
  std::shared_ptr<Dictionary> dict;
  std::unordered_set<std::string> acronyms;
  size_t min_length = 3;

  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    std::string_view text = ctx.view();
    for (const Range& unit : units) {
      for (const Range& w : ctx.scopes().Units("word", unit)) {
        std::string word(text.substr(w.begin, w.size()));
        if (word.size() < min_length || !IsAllCaps(word) || HasDigit(word)) continue;
        if (acronyms.count(word) || !dict->KnowsLower(word)) continue;
        // "XXX" is a template slot (Placeholder's finding), not shouting.
        if (word.find_first_not_of(word[0]) == std::string::npos) continue;
        out->push_back({w, {word, LowerAscii(word)}, {}, ""});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> LoadShouting(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<Shouting>();
  DictionarySpec spec;
  std::vector<std::string> acronyms;
  int min_length = 3;
  if (!reader.Strings("dictionaries", &spec.hunspell) ||
      !ReadTokenList(reader, rule_dir, "acronyms", "acronyms_file", &acronyms) ||
      !reader.Int("min_length", &min_length))
    return nullptr;
  if (spec.hunspell.empty()) spec.hunspell = {"en_US"};
  check->min_length = static_cast<size_t>(std::max(2, min_length));
  check->acronyms.insert(acronyms.begin(), acronyms.end());
  std::string error;
  check->dict = Dictionary::Get(spec, &error);
  if (!check->dict) {
    reader.Error("dictionaries", error);
    return nullptr;
  }
  return check;
}

}  // namespace fulint

#include "checks/institution_agreement.h"

#include <cctype>
#include <unordered_set>

#include "spelling/words.h"

namespace fulint {
namespace {

// Lower-cased words of `text` made of letters (with apostrophes and hyphens).
void AddWords(std::string_view text, std::unordered_set<std::string>* out) {
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out->insert(LowerAscii(cur));
    cur.clear();
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 || c == '\'') cur += c;
    else flush();
  }
  flush();
}

bool IsCapitalWord(std::string_view w) {
  return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
}

class InstitutionAgreement : public Check {
 public:
  std::vector<std::string> fields;
  std::unordered_set<std::string> institution_words;  // lower case
  std::unordered_set<std::string> connectors = {"of", "the", "and", "for", "at", "de", "la"};

  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    const Document& doc = ctx.doc();
    std::unordered_set<std::string> allowed;
    bool named = false;
    for (const auto& f : fields)
      if (const Field* field = doc.Metadata(f)) {
        AddWords(field->value, &allowed);
        named = true;
      }
    if (doc.signature) AddWords(doc.Slice(*doc.signature), &allowed);
    if (!named && !doc.paragraphs.empty()) {
      auto sentences = ctx.scopes().Units("sentence", doc.paragraphs.front());
      if (!sentences.empty()) AddWords(doc.Slice(sentences.front()), &allowed);
    }
    std::string_view text = ctx.view();
    for (const Range& unit : units) {
      auto words = ctx.scopes().Units("word", unit);
      for (size_t i = 0; i < words.size();) {
        if (!IsCapitalWord(text.substr(words[i].begin, words[i].size()))) {
          ++i;
          continue;
        }
        // A run of capitalised words, joined by connectors and single spaces.
        size_t j = i + 1;
        while (j < words.size()) {
          std::string_view gap = text.substr(words[j - 1].end, words[j].begin - words[j - 1].end);
          if (gap != " " && gap != "-") break;
          std::string_view w = text.substr(words[j].begin, words[j].size());
          if (!IsCapitalWord(w) && !connectors.count(std::string(w))) break;
          ++j;
        }
        while (j > i + 1 && !IsCapitalWord(text.substr(words[j - 1].begin, words[j - 1].size()))) --j;
        Check(doc, text, unit, words, i, j, allowed, out);
        i = j;
      }
    }
  }

 private:
  void Check(const Document& doc, std::string_view text, Range unit, std::span<const Range> words,
             size_t i, size_t j, const std::unordered_set<std::string>& allowed,
             std::vector<Finding>* out) const {
    // One word of the name shared with the program's is enough: "Northfield Community
    // Hospital Family Medicine Residency" is the Northfield program's full name.
    bool has_institution_word = false, has_distinct = false, any_allowed = false;
    for (size_t k = i; k < j; ++k) {
      std::string w = LowerAscii(text.substr(words[k].begin, words[k].size()));
      if (institution_words.count(w)) {
        has_institution_word = true;
      } else if (!connectors.count(w)) {
        has_distinct = true;
        if (allowed.count(w)) any_allowed = true;
      }
    }
    if (!has_institution_word || !has_distinct || any_allowed) return;
    // "my home program", "our Mercy General": the applicant's own places.
    size_t from = words[i].begin > unit.begin + 12 ? words[i].begin - 12 : unit.begin;
    std::string before = LowerAscii(text.substr(from, words[i].begin - from));
    if (before.find("my ") != std::string::npos || before.find("our ") != std::string::npos) return;
    Range r{words[i].begin, words[j - 1].end};
    out->push_back({r, {std::string(doc.Slice(r))}, {}, ""});
  }
};

}  // namespace

std::unique_ptr<Check> LoadInstitutionAgreement(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<InstitutionAgreement>();
  std::vector<std::string> words;
  if (!reader.Strings("fields", &check->fields) ||
      !ReadTokenList(reader, rule_dir, "institution_words", "institution_words_file", &words))
    return nullptr;
  if (words.empty()) {
    reader.Error(reader.root().Mark(), "an institution_agreement rule needs 'institution_words_file'");
    return nullptr;
  }
  for (const auto& w : words) check->institution_words.insert(LowerAscii(w));
  return check;
}

}  // namespace fulint

#include "checks/institution_agreement.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/ascii.h"
#include "spelling/words.h"

namespace fulint {
namespace {

// The words of `text`: runs of letters, digits, apostrophes and non-ASCII bytes (views into
// `text`, compared ignoring ASCII case).
void AddWords(std::string_view text, std::vector<std::string_view>* out) {
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    unsigned char u = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(u) || u >= 0x80 || u == '\'') continue;
    if (i > start) out->push_back(text.substr(start, i - start));
    start = i + 1;
  }
}

// The words a name may share with the program's without being another program's: those of
// the fields naming the program, the signature, and (when no field names it) the opening
// sentence. Gathered on first need: most names have no institution word, and a draft with
// none never needs them (they were a quarter of this check's time).
class AllowedWords {
 public:
  AllowedWords(LintContext& ctx, const std::vector<std::string>& fields)
      : ctx_(ctx), fields_(fields) {}
  bool Has(std::string_view word) {
    if (!gathered_) Gather();
    for (std::string_view w : words_)
      if (EqualsIgnoreCaseAscii(w, word)) return true;
    return false;
  }

 private:
  void Gather() {
    gathered_ = true;
    const Document& doc = ctx_.doc();
    bool named = false;
    for (const auto& f : fields_)
      if (const Field* field = doc.Metadata(f)) {
        AddWords(field->value, &words_);
        named = true;
      }
    if (doc.signature) AddWords(doc.Slice(*doc.signature), &words_);
    if (!named && !doc.paragraphs.empty()) {
      auto sentences = ctx_.scopes().Units("sentence", doc.paragraphs.front());
      if (!sentences.empty()) AddWords(doc.Slice(sentences.front()), &words_);
    }
  }
  LintContext& ctx_;
  const std::vector<std::string>& fields_;
  bool gathered_ = false;
  std::vector<std::string_view> words_;
};

bool IsCapitalWord(std::string_view w) {
  return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
}

// The small words that may join the words of a name ("University of the North").
bool IsConnector(std::string_view w) {
  for (std::string_view c : {"of", "the", "and", "for", "at", "de", "la"})
    if (w == c) return true;
  return false;
}

// A set of strings that can be asked about a string_view without making a string of it.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// `word` in lower case, in `buf` when it fits (every capitalised word of a long text is
// looked up: a string for each was a good part of this check's time), else in `spill`.
constexpr size_t kLowerBuffer = 64;
std::string_view LowerWord(std::string_view word, char (&buf)[kLowerBuffer], std::string* spill) {
  if (word.size() > kLowerBuffer) return *spill = LowerAscii(word);
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buf, word.size());
}

class InstitutionAgreement : public Check {
 public:
  std::vector<std::string> fields;
  std::unordered_set<std::string, ViewHash, std::equal_to<>> institution_words;  // lower case
  size_t longest_institution_word = 0;

  // Every capitalised word looked up: the second longest check on a long text.
  int StartEarlyRank() const override { return 1; }

  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    const Document& doc = ctx.doc();
    AllowedWords allowed(ctx, fields);
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
          if (!IsCapitalWord(w) && !IsConnector(w)) break;
          ++j;
        }
        while (j > i + 1 && !IsCapitalWord(text.substr(words[j - 1].begin, words[j - 1].size()))) --j;
        Check(doc, text, unit, words, i, j, allowed, out);
        i = j;
      }
    }
  }

 private:
  bool IsInstitutionWord(std::string_view lower) const {
    // Most capitalised words are longer than any institution word: no hash for them.
    return lower.size() <= longest_institution_word && institution_words.contains(lower);
  }

  void Check(const Document& doc, std::string_view text, Range unit, std::span<const Range> words,
             size_t i, size_t j, AllowedWords& allowed,
             std::vector<Finding>* out) const {
    // One word of the name shared with the program's is enough: "Northfield Community
    // Hospital Family Medicine Residency" is the Northfield program's full name.
    bool has_institution_word = false, has_distinct = false;
    char buf[kLowerBuffer];
    std::string spill;
    for (size_t k = i; k < j; ++k) {
      std::string_view w = LowerWord(text.substr(words[k].begin, words[k].size()), buf, &spill);
      if (IsInstitutionWord(w)) has_institution_word = true;
      else if (!IsConnector(w)) has_distinct = true;
    }
    if (!has_institution_word || !has_distinct) return;
    // The run names an institution (rare): is a distinct word of it the program's own? The
    // run is a few words, so they are classified again rather than kept in a vector.
    for (size_t k = i; k < j; ++k) {
      std::string_view word = text.substr(words[k].begin, words[k].size());
      std::string_view w = LowerWord(word, buf, &spill);
      if (!IsInstitutionWord(w) && !IsConnector(w) && allowed.Has(word)) return;
    }
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
  for (const auto& w : words) {
    check->institution_words.insert(LowerAscii(w));
    check->longest_institution_word = std::max(check->longest_institution_word, w.size());
  }
  return check;
}

}  // namespace fulint

#include "checks/name_agreement.h"

#include <algorithm>
#include <cctype>

#include "spelling/words.h"

namespace fulint {
namespace {

// Splits on " and ", "&", "," and ";" (addressee separators).
std::vector<std::string> SplitPeople(std::string_view s) {
  std::vector<std::string> parts;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',' || s[i] == ';' || s[i] == '&') {
      parts.push_back(cur);
      cur.clear();
    } else if (s.substr(i, 5) == " and ") {
      parts.push_back(cur);
      cur.clear();
      i += 4;
    } else {
      cur += s[i];
    }
  }
  parts.push_back(cur);
  return parts;
}

// The last word of a person's name, without titles, degrees or punctuation.
std::string LastName(std::string_view person) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : person) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(cur);
  static const std::vector<std::string> kSuffixes = {"MD", "M.D.", "DO", "D.O.", "PhD", "Ph.D.",
                                                     "Jr.", "Jr", "Sr.", "III", "II", "MPH", "FACP"};
  while (!words.empty() &&
         std::find(kSuffixes.begin(), kSuffixes.end(), words.back()) != kSuffixes.end())
    words.pop_back();
  if (words.empty()) return "";
  std::string last = words.back();
  while (!last.empty() && std::ispunct(static_cast<unsigned char>(last.back())) && last.back() != '.')
    last.pop_back();
  if (!last.empty() && last.back() == '.') return "";  // an initial or a title alone
  return last;
}

bool HasSlot(std::string_view s) {
  return s.find_first_of("[{<_") != std::string_view::npos || s.find("XX") != std::string_view::npos;
}

class NameAgreement : public Check {
 public:
  std::vector<std::string> fields;

  void Run(LintContext& ctx, const std::vector<Range>&, std::vector<Finding>* out) const override {
    const Document& doc = ctx.doc();
    if (!doc.salutation) return;
    std::vector<std::string> expected;
    std::string expected_text;
    for (const auto& f : fields) {
      const Field* field = doc.Metadata(f);
      if (!field || field->value.empty()) continue;
      for (auto& s : Surnames(field->value)) expected.push_back(LowerAscii(s));
      if (expected_text.empty()) expected_text = field->value;
    }
    if (expected.empty()) return;
    std::string_view salutation = doc.Slice(*doc.salutation);
    if (HasSlot(salutation)) return;
    // Drop the greeting word ("Dear") before splitting the addressees.
    size_t space = salutation.find(' ');
    if (space == std::string_view::npos) return;
    std::string_view rest = salutation.substr(space + 1);
    for (const std::string& person : SplitPeople(rest)) {
      // A bare first name ("Dear Theo,") is Greeting's finding, not a disagreement.
      if (person.find(' ') == std::string::npos ||
          person.find_first_not_of(' ') == person.find_last_of(' ') + 1)
        continue;
      std::string last = LastName(person);
      if (last.empty() || !std::isupper(static_cast<unsigned char>(last[0]))) continue;
      if (std::find(expected.begin(), expected.end(), LowerAscii(last)) != expected.end()) continue;
      size_t at = salutation.find(last);
      uint32_t begin = doc.salutation->begin + static_cast<uint32_t>(at);
      out->push_back({{begin, begin + static_cast<uint32_t>(last.size())}, {last, expected_text}, {}, ""});
    }
  }
};

}  // namespace

std::vector<std::string> Surnames(std::string_view people) {
  std::string cleaned;
  bool in_address = false;
  for (char c : people) {
    if (c == '<') in_address = true;
    if (!in_address && c != '"') cleaned += c;
    if (c == '>') in_address = false;
  }
  std::vector<std::string> out;
  for (const auto& person : SplitPeople(cleaned)) {
    std::string last = LastName(person);
    if (!last.empty() && last.find('@') == std::string::npos) out.push_back(last);
  }
  return out;
}

std::unique_ptr<Check> LoadNameAgreement(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<NameAgreement>();
  if (!reader.Strings("fields", &check->fields)) return nullptr;
  if (check->fields.empty()) {
    reader.Error(reader.root().Mark(), "a name_agreement rule needs 'fields'");
    return nullptr;
  }
  return check;
}

}  // namespace fulint

// The table of check types. Add a new type here, in name order.
#include <algorithm>
#include <fstream>

#include "checks/date_window.h"
#include "checks/existence.h"
#include "checks/institution_agreement.h"
#include "checks/metadata.h"
#include "checks/name_agreement.h"
#include "checks/occurrence.h"
#include "checks/repeated_word.h"
#include "checks/require.h"
#include "checks/sentiment.h"
#include "checks/shouting.h"
#include "checks/spelling.h"
#include "checks/substitution.h"
#include "rules/check_type.h"

namespace fulint {

const std::vector<CheckType>& CheckTypes() {
  static const std::vector<CheckType> kTypes = {
      {"date_window", "report when one metadata date is too many days after another",
       {"from", "max_days", "to"},
       &LoadDateWindow},
      {"existence", "report each match of tokens or a raw pattern",
       {"action", "append", "exceptions", "fix", "ignorecase", "nonword", "raw", "tokens",
        "tokens_file", "vocab"},
       &LoadExistence},
      {"institution_agreement", "institutions named in the body that are not the note's program",
       {"fields", "institution_words", "institution_words_file"},
       &LoadInstitutionAgreement},
      {"metadata", "report a metadata field whose value is in a list",
       {"field", "values", "values_file"},
       &LoadMetadata},
      {"name_agreement", "the salutation's surname matches the addressee in the metadata",
       {"fields"},
       &LoadNameAgreement},
      {"occurrence", "count tokens or units (paragraphs, words...) against min/max",
       {"action", "ignorecase", "max", "min", "token", "tokens", "tokens_file", "unit"},
       &LoadOccurrence},
      {"repeated_word", "a word written twice in a row (\"the the\"), not across a blank line",
       {"exceptions", "fix", "ignorecase"},
       &LoadRepeatedWord},
      {"require", "each unit of the scope must contain a token; optionally report its absence",
       {"ignore", "ignore_file", "ignorecase", "missing", "nonword", "raw", "tokens",
        "tokens_file"},
       &LoadRequire},
      {"sentiment", "negative phrases, unless negated or inside a neutral phrase",
       {"negators", "neutral", "neutral_file", "raw", "tokens", "tokens_file", "window"},
       &LoadSentiment},
      {"shouting", "ordinary words written in capitals for emphasis",
       {"acronyms", "acronyms_file", "dictionaries", "min_length"},
       &LoadShouting},
      {"spelling", "words unknown to Hunspell and the project's word lists",
       {"accept", "accept_files", "dictionaries", "language", "max_suggested", "names_from",
        "proper_nouns", "reject", "suggestions", "variant_wordlists", "wordlists"},
       &LoadSpelling},
      {"substitution", "suggest a replacement for each swap key found, with a fix",
       {"action", "append", "exceptions", "ignorecase", "nonword", "swap", "vocab"},
       &LoadSubstitution},
  };
  return kTypes;
}

const CheckType* FindCheckType(const std::string& name) {
  const auto& types = CheckTypes();
  auto it = std::lower_bound(types.begin(), types.end(), name,
                             [](const CheckType& t, const std::string& n) { return t.name < n; });
  return (it != types.end() && it->name == name) ? &*it : nullptr;
}

const std::vector<std::string>& CommonRuleKeys() {
  static const std::vector<std::string> kKeys = {
      "code", "description", "examples", "extends", "level", "limit", "link",
      "message", "scope", "unless", "view", "when"};
  return kKeys;
}

bool ReadTokenList(YamlReader& reader, const std::string& rule_dir, const std::string& key,
                   const std::string& file_key, std::vector<std::string>* out) {
  if (!reader.Strings(key, out)) return false;
  std::vector<std::string> files;
  if (!reader.Strings(file_key, &files)) return false;
  for (const auto& name : files) {
    std::ifstream in(name.starts_with("/") ? name : rule_dir + "/" + name);
    if (!in) {
      reader.Error(file_key, "cannot read word list '" + name + "' (looked in " + rule_dir + ")");
      return false;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      auto first = line.find_first_not_of(" \t");
      if (first == std::string::npos || line[first] == '#') continue;
      auto last = line.find_last_not_of(" \t");
      out->push_back(line.substr(first, last - first + 1));
    }
  }
  return true;
}

}  // namespace fulint

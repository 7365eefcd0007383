#pragma once
// The registry of check types (`extends:` values): one explicit sorted table, no static
// self-registration, so the list is greppable and `--list-checks` is a loop over it.
#include <memory>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/yaml_reader.h"

namespace fulint {

// Reads the type's own keys from `reader`; returns null after reporting errors.
using CheckLoader = std::unique_ptr<Check> (*)(YamlReader& reader, const std::string& rule_dir);

struct CheckType {
  const char* name;
  const char* summary;
  std::vector<std::string> keys;  // the type's own keys, besides the common ones
  CheckLoader load;
};

const std::vector<CheckType>& CheckTypes();
const CheckType* FindCheckType(const std::string& name);

// Keys every rule may have.
const std::vector<std::string>& CommonRuleKeys();

// Reads `tokens`, `tokens_file` and the like into a TokenMatcher-ready list: the entries of
// `key` plus the lines of each file named by `file_key` (relative to the rule's folder; blank
// lines and lines starting with '#' skipped).
bool ReadTokenList(YamlReader& reader, const std::string& rule_dir, const std::string& key,
                   const std::string& file_key, std::vector<std::string>* out);

}  // namespace fulint

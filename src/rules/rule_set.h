#pragma once
// Loading rules: every `<dir>/<Style>/<Rule>.yml` becomes a Rule with id `Style.Rule`.
// Mistakes are collected as located errors; a broken rule is left out, the others load.
#include <memory>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/yaml_reader.h"

namespace fulint {

struct RuleSet {
  std::vector<std::unique_ptr<Rule>> rules;  // sorted by id
  const Rule* Find(const std::string& id) const;
};

// Loads all styles under `dir`. Returns false when `dir` cannot be read or any rule has an
// error (each in `errors`); the rules that loaded are kept either way.
bool LoadRules(const std::string& dir, RuleSet* out, std::vector<ConfigError>* errors);

// Loads one rule file as `id`; null after reporting errors.
std::unique_ptr<Rule> LoadRuleFile(const std::string& path, const std::string& id,
                                   std::vector<ConfigError>* errors);

}  // namespace fulint

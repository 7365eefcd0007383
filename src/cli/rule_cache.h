#pragma once
// Rules loaded once per configuration: files under the same `.fulint.yaml` share one RuleSet
// (and the Hunspell dictionaries it holds), so a folder of drafts loads the rules once.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace fulint {

class RuleCache {
 public:
  RuleCache(std::string rules_dir, std::string forced_config)
      : rules_dir_(std::move(rules_dir)), forced_config_(std::move(forced_config)) {}

  // The rules for `file` (its nearest config), or null when they could not be loaded; each
  // configuration's errors are printed to stderr once. `file` may be a folder, unless
  // `known_file` says it is not one (the files of a run: that saves a stat per file).
  const RuleSet* ForFile(const std::string& file, bool known_file = false);
  // The config path that applies to `file` ("" for none).
  std::string ConfigFor(const std::string& file) const;
  bool had_errors() const { return had_errors_; }

 private:
  std::string rules_dir_, forced_config_;
  std::map<std::string, std::unique_ptr<RuleSet>> sets_;  // by config path; null on error
  // The config found for each folder: a folder of a thousand drafts is searched once.
  std::map<std::string, std::string> config_by_dir_;
  bool had_errors_ = false;
};

}  // namespace fulint

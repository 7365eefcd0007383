#pragma once
// Turns a loaded Config into the options the rule loader takes, and checks that the rule ids
// and styles it names exist.
#include <vector>

#include "config/config.h"
#include "rules/rule_set.h"

namespace fulint {

// Reports config entries naming rules or styles that are not in `all_ids` (with a "did you
// mean"), then returns the loader options.
RuleOptions ToRuleOptions(const Config& config, const std::vector<std::string>& all_ids,
                          std::vector<ConfigError>* errors);

}  // namespace fulint

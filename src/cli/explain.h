#pragma once
// `fulint --explain Style.Rule`: why a rule exists, its level and scope, and its examples.
#include <string>

#include "rules/rule_set.h"

namespace fulint {

// Prints the explanation to stdout and returns 0, or reports an unknown id and returns 2.
int ExplainRule(const RuleSet& rules, const std::string& id);

}  // namespace fulint

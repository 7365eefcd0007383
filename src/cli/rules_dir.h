#pragma once
// Where the built-in rules live when --rules is not given.
#include <string>

namespace fulint {

// $FULINT_RULES, else `<dir of the executable>/../share/fulint/rules` (an installed fulint),
// else the source tree's rules/ (a build-tree fulint).
std::string DefaultRulesDir();

}  // namespace fulint

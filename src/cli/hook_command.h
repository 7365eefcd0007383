#pragma once
// `fulint hook install|uninstall`: a git pre-commit hook that lints the staged drafts.
#include <string>

namespace fulint {

// Returns the exit status. `force` replaces a pre-commit hook that is not fulint's.
int RunHookCommand(const std::string& action, bool force);

}  // namespace fulint

#pragma once
// `fulint debug decode|structure FILE`: prints one stage's output, so parser behaviour can be
// inspected (and turned into golden tests) without writing a rule.
#include <string>

namespace fulint {

// Returns the exit status (0, or 2 when the file cannot be read or decoded).
int RunDebug(const std::string& stage, const std::string& path);

}  // namespace fulint

#pragma once
// `fulint debug decode|structure|segment FILE`: prints one stage's output, so parser behaviour
// can be inspected (and turned into golden tests) without writing a rule. `debug timings FILE`
// shows how long loading the rules, the whole lint and each rule take.
#include <string>

namespace fulint {

// Returns the exit status (0, or 2 when the file cannot be read or decoded).
int RunDebug(const std::string& stage, const std::string& path);

}  // namespace fulint

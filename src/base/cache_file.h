#pragma once
// Writing one of the files fulint keeps between runs in the user's cache folder. A cache is
// only ever a shortcut, so there is no fsync: a crash may lose the new file, never leave half
// of one, because it is written beside its name and renamed over it.
#include <string>

namespace fulint {

// Replaces `file` with `data` (creating its folder), atomically. False when it could not.
bool ReplaceCacheFile(const std::string& file, const std::string& data);

}  // namespace fulint

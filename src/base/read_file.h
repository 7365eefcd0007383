#pragma once
// Reading a small file (a rule, a word list, a cache) whole, in one system call when its size
// is known: streams through std::stringstream copied it twice, a tenth of start-up.
#include <string>

namespace fulint {

// False when the file cannot be opened or read (`*out` is then empty).
bool ReadWholeFile(const std::string& path, std::string* out);

}  // namespace fulint

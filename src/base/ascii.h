#pragma once
// ASCII case helpers shared by every stage (header names, charsets, YAML values, word lists).
// Non-ASCII bytes are left as they are.
#include <string>
#include <string_view>

namespace fulint {

std::string LowerAscii(std::string_view s);
bool EqualsIgnoreCaseAscii(std::string_view a, std::string_view b);

}  // namespace fulint

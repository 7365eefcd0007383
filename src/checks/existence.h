#pragma once
// `extends: existence` — reports every occurrence of a token or raw pattern (Vale's keys).
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadExistence(YamlReader& reader, const std::string& rule_dir);
}

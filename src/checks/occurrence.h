#pragma once
// `extends: occurrence` — counts, in each unit of the scope, either matches of `token` (Vale)
// or sub-units (`unit: paragraph|sentence|word|line|list`), and reports more than `max` or
// fewer than `min`. Message arguments: the count, then the limit it breaks.
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadOccurrence(YamlReader& reader, const std::string& rule_dir);
}

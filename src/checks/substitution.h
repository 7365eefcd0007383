#pragma once
// `extends: substitution` — suggests a replacement for each `swap` key found; offers the
// replacement as a fix. Message arguments: the replacement, then the matched text (Vale).
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadSubstitution(YamlReader& reader, const std::string& rule_dir);
}

#pragma once
// `extends: sentiment` — a lexicon of negative phrases with negation and neutral contexts:
// a phrase is not reported when a negator ("not", "no", "without", "never"...) comes within
// `window` words before it in the same clause ("not a problem", "without any difficulty"), or
// when it lies inside a neutral phrase ("sorry to hear", "heart failure", "trauma bay").
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadSentiment(YamlReader& reader, const std::string& rule_dir);
}

#pragma once
// `extends: shouting` — an ordinary word written in capitals for emphasis ("LOVED"): all
// capitals, at least `min_length` letters, its lower-case form a dictionary word, and not an
// acronym from `acronyms_file` (ERAS, SOAP, and other acronyms that are also words).
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadShouting(YamlReader& reader, const std::string& rule_dir);
}

#pragma once
// `extends: require` — something must be present: each unit of the scope must contain one of
// the tokens or raw patterns, after the `ignore` phrases are blanked out (so a subject made
// only of generic words can be told from one that names something). When the scope is absent
// altogether, `missing` (a message) makes that a finding too, at the start of the note.
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadRequire(YamlReader& reader, const std::string& rule_dir);
}

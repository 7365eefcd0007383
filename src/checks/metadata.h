#pragma once
// `extends: metadata` — reports a metadata field (front matter or e-mail header) whose value is
// one of `values` (or a line of `values_file`), at the field. For facts that only the draft's
// own metadata can tell, such as a program's policy on post-interview messages.
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadMetadata(YamlReader& reader, const std::string& rule_dir);
}

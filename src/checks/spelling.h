#pragma once
// `extends: spelling` — words not in the Hunspell dictionaries (`dictionaries`, system names)
// or the project's word lists (`wordlists`, relative to the rule file). Not flagged: words
// with digits, all-capital acronyms, names found in the draft's own metadata (`names_from`),
// its salutation and signature, and capitalised words inside a sentence (proper nouns) when
// `proper_nouns: skip`. Each finding carries up to `suggestions` Hunspell suggestions, computed
// for at most `max_suggested` words per file (suggesting is slow). Message arguments: the
// word, then " (did you mean 'x'?)" or "".
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadSpelling(YamlReader& reader, const std::string& rule_dir);
}

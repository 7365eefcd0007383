#pragma once
// `extends: repeated_word` — a word written twice ("the the"): a run of letters, then the same
// letters again (compared with Unicode case folding under `ignorecase`) after spaces or tabs
// with at most one line break, so not across a blank line. Each further copy joins the same
// finding ("the the the"). Words are whole: a letter run preceded by a letter, digit or '_' is
// not one, nor is a copy followed by one. `exceptions` lists doubles that are grammatical
// ("had had"); `fix: {safe: true}` offers keeping the first copy as a safe fix.
//
// The definition is that of the regex \b([[:alpha:]]+)(?:(?:[ \t]+\n?|\n)[ \t]*\1\b)+ under
// PCRE2's UTF and UCP modes (tests/unit/repeated_word_test.cc compares the two); written out
// it is one pass over the text instead of a regex attempt at every letter.
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadRepeatedWord(YamlReader& reader, const std::string& rule_dir);

struct RepeatedWordMatch {
  Range whole;  // every copy and the space between them
  Range first;  // the first copy
};
// The matches in text[within], in order.
std::vector<RepeatedWordMatch> FindRepeatedWords(std::string_view text, Range within,
                                                 bool ignore_case);
}  // namespace fulint

#pragma once
// Small word-shape helpers shared by the spelling checks.
#include <string>
#include <string_view>

#include "base/ascii.h"

namespace fulint {

// Typographic apostrophes (U+2019, U+02BC) become straight ones.
std::string NormalizeApostrophes(std::string_view s);
bool IsCapitalized(std::string_view s);  // first letter upper case, some lower case after
bool IsAllCaps(std::string_view s);      // two or more letters, none lower case
bool HasDigit(std::string_view s);
// Composed (NFC) form, so "cafe" + U+0301 is spelled like "café".
std::string ToNfc(std::string_view s);
// False for words in other scripts (CJK, Greek...), which an English speller cannot judge.
bool HasLatinLetter(std::string_view s);

// What the spelling check asks of each word, from one pass over its bytes instead of one per
// question (the five passes were 8 M of 357 M instructions over 1,000 drafts). Each field is
// what the function of that name answers.
struct WordShape {
  bool latin_letter = false;  // HasLatinLetter
  bool digit = false;         // HasDigit
  bool all_caps = false;      // IsAllCaps
  bool capitalized = false;   // IsCapitalized
  bool dot_or_underscore = false;
};
WordShape ShapeOf(std::string_view s);

}  // namespace fulint

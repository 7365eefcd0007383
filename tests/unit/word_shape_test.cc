// ShapeOf answers, in one pass, what HasLatinLetter, HasDigit, IsAllCaps and IsCapitalized
// answer one pass each (the spelling check asks all of them of every word).
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "spelling/words.h"

namespace fulint {

TEST_CASE("word shape: one pass agrees with the separate tests", "[spelling]") {
  std::vector<std::string> words = {"", "a", "A", "ab", "Ab", "AB", "aB", "ABc", "NASA", "NASAs",
                                    "I", "IV", "x2", "COVID19", "e.g.", "a.m.", "foo_bar",
                                    "McDonald", "O'Neil", "'s", "caf\xC3\xA9", "\xC3\x89T\xC3\x89",
                                    "A1", "Dr.", "_", "9", "\xCE\xB1\xCE\xB2", "Zz", "zZ"};
  // And random words over letters, digits, marks and a multi-byte character's bytes.
  const std::string alphabet = "aZbY09._'-\xC3\xA9";
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string w;
    for (int n = static_cast<int>(rng() % 7); n > 0; --n) w += alphabet[rng() % alphabet.size()];
    words.push_back(w);
  }
  for (const auto& w : words) {
    INFO(w);
    WordShape shape = ShapeOf(w);
    CHECK(shape.latin_letter == HasLatinLetter(w));
    CHECK(shape.digit == HasDigit(w));
    CHECK(shape.all_caps == IsAllCaps(w));
    CHECK(shape.capitalized == IsCapitalized(w));
    CHECK(shape.dot_or_underscore ==
          (w.find('.') != std::string::npos || w.find('_') != std::string::npos));
  }
}

}  // namespace fulint

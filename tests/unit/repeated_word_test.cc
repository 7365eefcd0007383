// Tests for the repeated_word check type: its definition is a regex's (repeated_word.h), so it
// is compared with that regex, run by PCRE2, on random texts built to hit the edges: case,
// Unicode letters and case folds (long s, Kelvin sign, final sigma), digits and '_' next to
// words, spaces, tabs and line breaks between copies.
#include "checks/repeated_word.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "rules/regex.h"
#include "test_util.h"

namespace fulint {
namespace {

std::vector<RepeatedWordMatch> ByRegex(const Regex& re, const std::string& text, Range within) {
  std::vector<RepeatedWordMatch> out;
  std::string error;
  re.ForEach(
      text, within,
      [&](Range whole, const std::vector<Range>& groups) { out.push_back({whole, groups.at(0)}); },
      &error);
  REQUIRE(error.empty());
  return out;
}

TEST_CASE("repeated_word finds what its regex finds", "[repeated_word]") {
  const char* kPattern = R"(\b([[:alpha:]]+)(?:(?:[ \t]+\n?|\n)[ \t]*\1\b)+)";
  const std::vector<std::string> pieces = {
      "the", "The", "THE", "a", "A", "ab", "1", "_", " ", "  ", "\t", "\n", "\n\n", "\r\n",
      "\xC3\xA9", "\xC3\x89", "s", "S", "\xC5\xBF", "k", "K", "\xE2\x84\xAA", "\xCF\x83",
      "\xCF\x82", "\xCE\xA3", "-", ".", "'", "\xE2\x80\x99", "e\xCC\x81"};
  std::mt19937 rng(1204);
  for (bool ignore_case : {true, false}) {
    Regex re;
    std::string error;
    int at = 0;
    REQUIRE(re.Compile(kPattern, ignore_case, &error, &at, false));
    for (int round = 0; round < 20000; ++round) {
      auto [text, range] = test::RandomPieces(rng, pieces, 24);
      uint32_t size = static_cast<uint32_t>(text.size());
      for (Range within : {Range{0, size}, range}) {
        auto want = ByRegex(re, text, within);
        auto got = FindRepeatedWords(text, within, ignore_case);
        INFO("ignorecase " << ignore_case << " text '" << text << "' " << within.begin << "-"
                           << within.end);
        REQUIRE(got.size() == want.size());
        for (size_t k = 0; k < got.size(); ++k) {
          CHECK(got[k].whole == want[k].whole);
          CHECK(got[k].first == want[k].first);
        }
      }
    }
  }
}

TEST_CASE("repeated_word: copies across one line break, not a blank line", "[repeated_word]") {
  std::string text = "Thank you for the\nthe tour. We saw the\n\nthe clinic, the the the ward.";
  auto found = FindRepeatedWords(text, {0, static_cast<uint32_t>(text.size())}, true);
  REQUIRE(found.size() == 2);
  CHECK(text.substr(found[0].whole.begin, found[0].whole.size()) == "the\nthe");
  CHECK(text.substr(found[1].whole.begin, found[1].whole.size()) == "the the the");
  CHECK(text.substr(found[1].first.begin, found[1].first.size()) == "the");
}

}  // namespace
}  // namespace fulint

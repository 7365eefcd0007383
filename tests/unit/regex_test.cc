// The two regex engines behind Regex: PCRE2 for what it accepts, Boost.Regex otherwise, with
// the same meaning for the things rules rely on.
#include <catch2/catch.hpp>

#include <filesystem>

#include "rules/regex.h"
#include "rules/rule_set.h"

using fulint::Range;
using fulint::Regex;

namespace {

std::vector<std::string> Matches(const std::string& pattern, const std::string& text,
                                 bool ignore_case = false, Range within = {0, 0}) {
  Regex re;
  std::string error;
  int at = 0;
  REQUIRE(re.Compile(pattern, ignore_case, &error, &at));
  if (within.end == 0) within = {0, static_cast<uint32_t>(text.size())};
  std::vector<std::string> out;
  re.ForEach(text, within, [&](Range r, const std::vector<Range>&) {
    out.push_back(text.substr(r.begin, r.size()));
  });
  return out;
}

}  // namespace

TEST_CASE("regex: PCRE2 runs Perl syntax with Unicode classes and case folding", "[regex]") {
  Regex re;
  std::string error;
  int at = 0;
  REQUIRE(re.Compile("\\b[[:alpha:]]+\\b", false, &error, &at));
  CHECK(std::string(re.engine()) == "pcre2");
  CHECK(Matches("\\b[[:alpha:]]+\\b", "Café naïve 42") == std::vector<std::string>{"Café", "naïve"});
  CHECK(Matches("ÉCOLE", "une école", true) == std::vector<std::string>{"école"});
  CHECK(Matches("[\\x{1F000}-\\x{1FAFF}]", "ok 😀 fine") == std::vector<std::string>{"😀"});
}

TEST_CASE("regex: ^ and $ at line breaks, . stops at them, as Boost's Perl mode", "[regex]") {
  CHECK(Matches("^\\w+", "one\ntwo") == std::vector<std::string>{"one", "two"});
  CHECK(Matches("a.b", "a\nb axb") == std::vector<std::string>{"axb"});
  CHECK(Matches("\\Aone", "one\none") == std::vector<std::string>{"one"});
}

TEST_CASE("regex: a range is seen as a whole text", "[regex]") {
  // "bc" at the start of the range counts as a word start for \b and ^.
  CHECK(Matches("^\\bbc", "abc", false, {1, 3}) == std::vector<std::string>{"bc"});
  CHECK(Matches("(?<=a)b", "ab", false, {1, 2}).empty());  // no look-behind outside the range
}

TEST_CASE("regex: empty matches advance, lookarounds and back-references work", "[regex]") {
  CHECK(Matches("x*", "axb") == std::vector<std::string>{"", "x", "", ""});  // as Perl and Python
  CHECK(Matches("\\b(\\w+) \\1\\b", "the the end") == std::vector<std::string>{"the the"});
  CHECK(Matches("(?<=\\S) {2,}(?=\\S)", "a  b   ") == std::vector<std::string>{"  "});
}

TEST_CASE("regex: Boost takes what PCRE2 rejects; invalid patterns give Boost's error", "[regex]") {
  Regex re;
  std::string error;
  int at = 0;
  REQUIRE(re.Compile("\\<rank\\>", false, &error, &at));  // Boost's word-start/-end escapes
  CHECK(std::string(re.engine()) == "boost");
  CHECK(Matches("\\<rank\\>", "rank ranking") == std::vector<std::string>{"rank"});
  Regex bad;
  CHECK_FALSE(bad.Compile("(unclosed", false, &error, &at));
  CHECK_FALSE(error.empty());
}

TEST_CASE("regex: catastrophic backtracking is reported, not hung on", "[regex]") {
  Regex re;
  std::string error;
  int at = 0;
  REQUIRE(re.Compile("(a+)+$", false, &error, &at));
  std::string text(40, 'a');
  text += "!";
  std::string match_error;
  bool ok = re.ForEach(text, {0, static_cast<uint32_t>(text.size())},
                       [](Range, const std::vector<Range>&) {}, &match_error);
  // PCRE2's JIT may also prove there is no match quickly; either way it returns.
  if (!ok) CHECK_FALSE(match_error.empty());
}

TEST_CASE("regex: a pattern is JIT-compiled once it has scanned enough, same matches", "[regex]") {
  Regex re;
  std::string error;
  int at = 0;
  REQUIRE(re.Compile("\\b(?:very|really) \\w+", true, &error, &at));
  std::string text;
  for (int i = 0; i < 2000; ++i) text += i % 3 ? "It was Very good. " : "nothing here at all. ";
  auto count = [&] {
    size_t n = 0;
    re.ForEach(text, {0, static_cast<uint32_t>(text.size())},
               [&](Range, const std::vector<Range>&) { ++n; });
    return n;
  };
  CHECK(std::string(re.engine()) == "pcre2");
  size_t first = count();  // scans ~38 KB: enough to switch
  CHECK(std::string(re.engine()) == "pcre2-jit");
  CHECK(count() == first);
  CHECK(first == 1333);
}

TEST_CASE("regex: a pattern its literals rule out is never JIT-compiled", "[regex]") {
  // The JIT pays for itself only on text the interpreter would otherwise search: what the
  // prefilter rules out does not count towards it.
  Regex re;
  std::string error;
  int at = 0;
  REQUIRE(re.Compile("\\bwhere (?:I|we) (?:stand|rank)\\b", false, &error, &at));
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "nothing here at all. ";  // 42 KB, no "where"
  size_t n = 0;
  auto on_match = [&](Range, const std::vector<Range>&) { ++n; };
  for (int i = 0; i < 3; ++i) re.ForEach(text, {0, static_cast<uint32_t>(text.size())}, on_match);
  CHECK(n == 0);
  CHECK(std::string(re.engine()) == "pcre2");
  // A text the prefilter lets through, searched often enough, does tip it over.
  std::string hit = "I wonder where we stand with you.";
  for (int i = 0; i < 200 && std::string(re.engine()) == "pcre2"; ++i)
    re.ForEach(hit, {0, static_cast<uint32_t>(hit.size())}, on_match);
  CHECK(std::string(re.engine()) == "pcre2-jit");
  size_t before = n;
  re.ForEach(hit, {0, static_cast<uint32_t>(hit.size())}, on_match);
  CHECK(n == before + 1);
}

TEST_CASE("regex: ForEachUntil stops at the first false", "[regex]") {
  fulint::Regex re;
  std::string error;
  int at = 0;
  REQUIRE(re.Compile("\\d+", false, &error, &at));
  std::string text = "1 22 333 4444";
  std::vector<fulint::Range> seen;
  bool ok = re.ForEachUntil(text, {0, static_cast<uint32_t>(text.size())},
                            [&](fulint::Range r, const std::vector<fulint::Range>&) {
                              seen.push_back(r);
                              return seen.size() < 2;
                            });
  CHECK(ok);
  REQUIRE(seen.size() == 2);
  CHECK(seen[1] == fulint::Range{2, 4});
}

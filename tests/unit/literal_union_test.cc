// The shared literal scan (rules/literal_union.h, rules/regex_scans.h) must stand in exactly
// for each regex's own: the same hits for every range of a text, and so the same matches.
#include "rules/literal_union.h"

#include <algorithm>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rules/regex.h"
#include "rules/regex_prefilter.h"
#include "rules/regex_scans.h"

namespace fulint {
namespace {

using Hits = std::vector<std::pair<uint32_t, uint32_t>>;

Hits OwnScan(const LiteralScanner& scanner, std::string_view text, Range within) {
  Hits out;
  scanner.ForEachHit(text, within, [&](uint32_t b, uint32_t e) {
    out.emplace_back(b, e);
    return true;
  });
  return out;
}

Hits SharedInside(const std::vector<LiteralHit>& all, Range within) {
  Hits out;
  for (const LiteralHit& h : all)
    if (h.begin >= within.begin && h.end <= within.end) out.emplace_back(h.begin, h.end);
  return out;
}

const std::vector<std::string> kTexts = {
    "",
    "Thank you, Dr. Lee. I will rank you first!",
    "aaaa abab ABAB abcabc",
    "It was very  very\tgood. so. So? SO!",
    "caf\xC3\xA9 na\xC3\xAFve \xE2\x84\xAA elvin \xC5\xBF",  // non-ASCII, Kelvin sign, long s
    "where I currently stand on your rank list",
};

TEST_CASE("LiteralUnion finds, in every range, what each slot's own scanner finds", "[literals]") {
  const std::vector<std::vector<std::string>> slots = {
      {"rank", "ran", "an"},        // literals ending inside one another
      {"a", "ab", "abab", "b"},     // one-byte literals, overlaps
      {"."},                        // punctuation only
      {},                           // a slot without literals
      {"so", "very  very", " \t"},  // spaces, a tab
      {"\xE2\x84\xAA", "\xC5\xBF", "caf\xC3\xA9"},  // non-ASCII bytes
      {"rank", "you"},              // shares a literal with slot 0
  };
  LiteralUnion shared(slots);
  REQUIRE(shared.slots() == slots.size());
  std::vector<LiteralScanner> own;
  for (const auto& s : slots) own.emplace_back(s);
  int compared = 0, with_hits = 0;
  for (const std::string& text : kTexts) {
    std::vector<std::vector<LiteralHit>> per_slot;
    shared.Scan(text, &per_slot);
    REQUIRE(per_slot.size() == slots.size());
    for (size_t s = 0; s < slots.size(); ++s) {
      for (size_t k = 1; k < per_slot[s].size(); ++k)  // in order of their ends
        CHECK(per_slot[s][k - 1].end < per_slot[s][k].end);
      for (uint32_t b = 0; b <= text.size(); ++b)
        for (uint32_t e = b; e <= text.size(); ++e) {
          INFO("slot " << s << ", text '" << text << "' [" << b << ", " << e << ")");
          Hits want = slots[s].empty() ? Hits{} : OwnScan(own[s], text, {b, e});
          CHECK(SharedInside(per_slot[s], {b, e}) == want);
          with_hits += !want.empty();
          ++compared;
        }
    }
  }
  CHECK(with_hits > 0);
  CHECK(with_hits < compared);
}

TEST_CASE("LiteralUnion::ScanLike gives Scan's hits from a like text's, scanning only where "
          "they differ", "[literals]") {
  const std::vector<std::vector<std::string>> slots = {
      {"rank", "ran", "an"}, {"a", "ab", "abab", "b"}, {"."}, {},
      {"  ", "very  very", " \t"}, {"http://", "@"}, {"rank", "you"}};
  LiteralUnion shared(slots);
  REQUIRE(shared.longest() == 10);
  // Texts and their masked copies (runs of bytes blanked, as links, quotes and headers are),
  // from a fixed seed: masks at the start and end, side by side, longer than the longest
  // literal and shorter, and none.
  uint32_t seed = 12345;
  auto next = [&](uint32_t bound) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % bound;
  };
  const std::vector<std::string> pieces = {"rank", "an", "ab", "a", "b", ".", " ", "  ", "\t",
                                           "very  very", "http://x.y", "d@e.f", "you", "\n"};
  int differing = 0, dirty_hits = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    while (text.size() < 20 + next(200)) text += pieces[next(pieces.size())];
    std::string like = text;
    for (int masks = static_cast<int>(next(4)); masks > 0; --masks) {
      size_t at = next(static_cast<uint32_t>(text.size()));
      size_t len = 1 + next(round % 2 ? 30 : 4);
      for (size_t i = at; i < std::min(text.size(), at + len); ++i)
        if (like[i] != '\n') like[i] = ' ';
    }
    differing += like != text;
    std::vector<std::vector<LiteralHit>> want, like_hits, got;
    shared.Scan(text, &want);
    shared.Scan(like, &like_hits);
    shared.ScanLike(text, like, like_hits, &got);
    REQUIRE(got.size() == want.size());
    for (size_t s = 0; s < want.size(); ++s) {
      INFO("round " << round << ", slot " << s << ", text '" << text << "', like '" << like
                    << "'");
      REQUIRE(got[s].size() == want[s].size());
      for (size_t k = 0; k < want[s].size(); ++k) {
        CHECK(got[s][k].begin == want[s][k].begin);
        CHECK(got[s][k].end == want[s][k].end);
      }
      dirty_hits += like_hits[s].size() != want[s].size();
    }
  }
  CHECK(differing > 200);
  CHECK(dirty_hits > 50);  // masking changed the hits often: the rescans were exercised
}

TEST_CASE("LiteralUnion folds ASCII case only", "[literals]") {
  LiteralUnion shared({{"Rank"}, {"\xC3\xA9"}});
  std::vector<std::vector<LiteralHit>> per_slot;
  shared.Scan("RANK rank rAnK \xC3\x89 \xC3\xA9", &per_slot);
  CHECK(per_slot[0].size() == 3);
  REQUIRE(per_slot[1].size() == 1);  // é, not É
  CHECK(per_slot[1][0].begin == 18);
}

// Every match of `re` in text[within], as "begin-end" strings.
std::vector<std::string> Matches(const Regex& re, std::string_view text, Range within,
                                 const std::vector<LiteralHit>* shared) {
  std::vector<std::string> out;
  re.ForEachUntil(
      text, within,
      [&](Range whole, const std::vector<Range>&) {
        out.push_back(std::to_string(whole.begin) + "-" + std::to_string(whole.end));
        return true;
      },
      nullptr, shared);
  return out;
}

TEST_CASE("A regex finds the same matches with the shared hits as with its own scan",
          "[literals]") {
  const std::vector<std::pair<std::string, bool>> patterns = {
      {"\\b(?:very|really|so)(?:\\s+(?:very|really|so))+\\b", true},  // barriers
      {"rank(?:ed|ing)?", false},                                    // no barriers
      {"(?<=\\S)[ \\t]{2,}(?=\\S)", false},                           // two blanks
      {"\\b[[:alpha:]]{2,}[.!?]\\s+\\K[[:lower:]][[:alpha:]]*|\\A[[:lower:]]+", false},  // \A
      {"\\bI(?: will|'ll)? rank you\\b", true},
      {"elvin", true},  // ignoring case: the Kelvin sign may start a match
  };
  int compared = 0, matched = 0;
  for (const auto& [pattern, ignore_case] : patterns) {
    Regex with_shared, plain;
    std::string error;
    int at = 0;
    REQUIRE(with_shared.Compile(pattern, ignore_case, &error, &at));
    REQUIRE(plain.Compile(pattern, ignore_case, &error, &at, /*prefilter=*/false));
    const std::vector<std::string>& literals = with_shared.ScanLiterals();
    INFO("pattern " << pattern);
    REQUIRE(!literals.empty());
    LiteralUnion shared({literals});
    for (const std::string& text : kTexts) {
      std::vector<std::vector<LiteralHit>> per_slot;
      shared.Scan(text, &per_slot);
      for (uint32_t b = 0; b <= text.size(); ++b)
        for (uint32_t e = b; e <= text.size(); ++e) {
          INFO("text '" << text << "' [" << b << ", " << e << ")");
          auto want = Matches(plain, text, {b, e}, nullptr);
          CHECK(Matches(with_shared, text, {b, e}, &per_slot[0]) == want);
          CHECK(Matches(with_shared, text, {b, e}, nullptr) == want);
          matched += !want.empty();
          ++compared;
        }
    }
  }
  CHECK(matched > 0);
  CHECK(matched < compared);
}

TEST_CASE("RegexUnion is built once enough text was linted, with slots for literal regexes",
          "[literals]") {
  Regex literal, none;
  std::string error;
  int at = 0;
  REQUIRE(literal.Compile("\\bplan to rank\\b", true, &error, &at));
  REQUIRE(none.Compile("[[:alpha:]]+", false, &error, &at));  // no required literal
  RegexUnion regexes({&literal, &none});
  std::string text = "I plan to rank you first. I plan to rank.";
  size_t below = RegexUnion::kBuildAfterBytes - 1;
  {
    RegexScans early(&regexes, {text}, below);
    CHECK(early.Hits(literal, text) == nullptr);  // not built yet: each regex scans itself
  }
  RegexScans later(&regexes, {text}, 1);  // the byte that crosses the line
  const std::vector<LiteralHit>* hits = later.Hits(literal, text);
  REQUIRE(hits != nullptr);
  REQUIRE(hits->size() == 2);
  CHECK((*hits)[0].begin == 2);
  CHECK((*hits)[0].end == 14);
  CHECK(later.Hits(none, text) == nullptr);  // no literal, no slot
  std::string copy = text;
  CHECK(later.Hits(literal, copy) == nullptr);  // not one of the document's views
}

}  // namespace
}  // namespace fulint

// Tests for PhraseMatcher: case, word boundaries, leftmost-longest, white space, apostrophes
// and byte offsets after non-ASCII text.
#include "rules/phrase_matcher.h"

#include <algorithm>
#include <cstdint>
#include <catch2/catch.hpp>
#include <initializer_list>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "test_util.h"

namespace fulint {
namespace {

PhraseMatcher Make(std::initializer_list<std::pair<const char*, int>> phrases,
                   bool ignore_case = true) {
  PhraseMatcher m(ignore_case);
  for (auto [p, id] : phrases) m.Add(p, id);
  m.Build();
  return m;
}

std::vector<PhraseMatch> Find(const PhraseMatcher& m, std::string_view text) {
  return m.FindAll(text, Range{0, static_cast<uint32_t>(text.size())});
}

TEST_CASE("PhraseMatcher matches ASCII case-insensitively when asked", "[phrase]") {
  PhraseMatcher m = Make({{"touch base", 7}});
  auto found = Find(m, "Let us TOUCH Base soon, touch base.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].range == Range{7, 17});
  CHECK(found[0].id == 7);
  CHECK(found[1].range == Range{24, 34});
}

TEST_CASE("PhraseMatcher is case-sensitive when not asked to ignore case", "[phrase]") {
  PhraseMatcher m = Make({{"TBD", 1}}, false);
  auto found = Find(m, "tbd, Tbd, TBD");
  REQUIRE(found.size() == 1);
  CHECK(found[0].range == Range{10, 13});
}

TEST_CASE("PhraseMatcher matches only at word boundaries", "[phrase]") {
  PhraseMatcher m = Make({{"pass", 1}, {"to", 2}});
  auto found = Find(m, "passionate bypass pass, today into to.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].range == Range{18, 22});
  CHECK(found[0].id == 1);
  CHECK(found[1].range == Range{35, 37});
  CHECK(found[1].id == 2);
}

TEST_CASE("PhraseMatcher treats accented letters and digits as word characters", "[phrase]") {
  PhraseMatcher m = Make({{"cafe", 1}, {"pgy", 2}});
  // "cafe\u0301" ends in a combining mark, "PGY2" in a digit: neither is a whole-word match.
  CHECK(Find(m, "cafe\xCC\x81 PGY2").empty());
  CHECK(Find(m, "\xC3\xA9" "cafe").empty());
  auto found = Find(m, "cafe, PGY-2");
  REQUIRE(found.size() == 2);
  CHECK(found[1].range == Range{6, 9});
}

TEST_CASE("PhraseMatcher picks the leftmost-longest of overlapping phrases", "[phrase]") {
  PhraseMatcher m = Make({{"thank you", 1}, {"thank you so much", 2}, {"so much", 3},
                          {"you so", 4}});
  auto found = Find(m, "THANK YOU so much! And thank you.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].range == Range{0, 17});
  CHECK(found[0].id == 2);
  CHECK(found[1].range == Range{23, 32});
  CHECK(found[1].id == 1);
}

TEST_CASE("PhraseMatcher prefers the earlier start over a longer later match", "[phrase]") {
  PhraseMatcher m = Make({{"new york", 1}, {"york city hall", 2}});
  auto found = Find(m, "in new york city hall");
  REQUIRE(found.size() == 1);
  CHECK(found[0].range == Range{3, 11});
  CHECK(found[0].id == 1);
}

TEST_CASE("PhraseMatcher finds a phrase that is the suffix of another", "[phrase]") {
  PhraseMatcher m = Make({{"reach out", 1}, {"out", 2}});
  auto found = Find(m, "to reach out or be out");
  REQUIRE(found.size() == 2);
  CHECK(found[0].range == Range{3, 12});
  CHECK(found[1].range == Range{19, 22});
  CHECK(found[1].id == 2);
}

TEST_CASE("PhraseMatcher matches white space runs and line breaks as one space", "[phrase]") {
  PhraseMatcher m = Make({{"look  forward to", 1}});
  auto found = Find(m, "I look \t forward\n  to it");
  REQUIRE(found.size() == 1);
  CHECK(found[0].range == Range{2, 21});
}

TEST_CASE("PhraseMatcher matches a curly apostrophe as a straight one", "[phrase]") {
  PhraseMatcher straight = Make({{"I'm excited", 1}});
  auto found = Find(straight, "I\xE2\x80\x99m excited!");
  REQUIRE(found.size() == 1);
  CHECK(found[0].range == Range{0, 13});

  PhraseMatcher curly = Make({{"don\xE2\x80\x99t hesitate", 2}});
  found = Find(curly, "Please don't hesitate.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].range == Range{7, 21});
  found = Find(curly, "Please don\xE2\x80\x99t hesitate.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].range == Range{7, 23});
}

TEST_CASE("PhraseMatcher: a phrase starting with a non-word character", "[phrase]") {
  PhraseMatcher m = Make({{"#blessed", 1}, {"+1", 2}});
  auto found = Find(m, "so#blessed, a+1, a+12");
  // No boundary is needed before '#' or '+', but one is after the final word character.
  REQUIRE(found.size() == 2);
  CHECK(found[0].range == Range{2, 10});
  CHECK(found[0].id == 1);
  CHECK(found[1].range == Range{13, 15});
  CHECK(found[1].id == 2);
}

TEST_CASE("PhraseMatcher: a phrase ending with a non-word character", "[phrase]") {
  PhraseMatcher m = Make({{"etc.", 1}});
  auto found = Find(m, "notes etc.and more");
  REQUIRE(found.size() == 1);
  CHECK(found[0].range == Range{6, 10});
  CHECK(Find(m, "fetc. x").empty());
}

TEST_CASE("PhraseMatcher keeps byte offsets after non-ASCII text", "[phrase]") {
  PhraseMatcher m = Make({{"thank you so much", 1}, {"I'm excited", 2}});
  std::string text = "Caf\xC3\xA9 \xE2\x80\x93 tr\xC3\xA8s bien, thank you so much!";
  auto found = Find(m, text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].range == Range{22, 39});
  CHECK(text.substr(22, 17) == "thank you so much");

  std::string cjk = "\xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80 I\xE2\x80\x99m excited.";
  found = Find(m, cjk);
  REQUIRE(found.size() == 1);
  CHECK(found[0].range == Range{12, 25});
}

TEST_CASE("PhraseMatcher searches only inside the given range", "[phrase]") {
  PhraseMatcher m = Make({{"best", 1}});
  std::string text = "best wishes, best";
  auto found = m.FindAll(text, Range{1, 17});
  REQUIRE(found.size() == 1);
  CHECK(found[0].range == Range{13, 17});
  // Word boundaries look at the whole text, not just the range.
  CHECK(m.FindAll("xbest", Range{1, 5}).empty());
}

TEST_CASE("PhraseMatcher ignores empty phrases and keeps the first id of duplicates",
          "[phrase]") {
  PhraseMatcher empty(true);
  empty.Add("   ", 1);
  empty.Build();
  CHECK(empty.empty());
  CHECK(Find(empty, "anything").empty());

  PhraseMatcher m = Make({{"Reach Out", 1}, {"reach  out", 2}});
  auto found = Find(m, "reach out");
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == 1);
}

TEST_CASE("IsWordCharAt and IsWordCharBefore read code points", "[phrase]") {
  std::string s = "a \xC3\xA9-\xCC\x81";  // a, space, e-acute, hyphen, combining acute
  CHECK(IsWordCharAt(s, 0));
  CHECK_FALSE(IsWordCharAt(s, 1));
  CHECK(IsWordCharAt(s, 2));
  CHECK_FALSE(IsWordCharAt(s, 4));
  CHECK(IsWordCharAt(s, 5));  // a mark counts
  CHECK_FALSE(IsWordCharAt(s, 7));  // past the end
  CHECK(IsWordCharBefore(s, 4));
  CHECK_FALSE(IsWordCharBefore(s, 0));
  CHECK(IsWordCharBefore(s, 7));
}


// The matcher's definition written the slow way: normalize the text (folded case, one space
// per white-space run, U+2019 as an apostrophe), try every phrase at every normalized
// position, keep word-bounded matches, then leftmost-longest without overlaps.
std::vector<PhraseMatch> BruteForce(const std::vector<std::pair<std::string, int>>& phrases,
                                    std::string_view text, Range within, bool ignore_case) {
  auto fold = [&](unsigned char c) -> char {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return ' ';
    if (ignore_case && c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    return static_cast<char>(c);
  };
  std::string norm;
  std::vector<uint32_t> at, after;  // text offset of each normalized byte, and just past it
  bool last_space = true;
  for (uint32_t i = within.begin; i < within.end;) {
    uint32_t begin = i;
    char c;
    if (text.substr(i).starts_with("\xE2\x80\x99")) {
      c = '\'';
      i += 3;
    } else {
      c = fold(static_cast<unsigned char>(text[i++]));
    }
    if (c == ' ' && last_space) continue;
    last_space = c == ' ';
    norm += c;
    at.push_back(begin);
    after.push_back(i);
  }
  std::vector<std::pair<std::string, int>> normalized;
  for (const auto& [p, id] : phrases) {
    std::string n;
    for (size_t i = 0; i < p.size(); ++i) {
      char c;
      if (std::string_view(p).substr(i).starts_with("\xE2\x80\x99")) {
        c = '\'';
        i += 2;
      } else {
        c = fold(static_cast<unsigned char>(p[i]));
      }
      if (c == ' ' && (n.empty() || n.back() == ' ')) continue;
      n += c;
    }
    while (!n.empty() && n.back() == ' ') n.pop_back();
    bool duplicate = false;
    for (const auto& q : normalized) duplicate |= q.first == n;
    if (!n.empty() && !duplicate) normalized.push_back({n, id});
  }
  std::vector<PhraseMatch> found;
  for (size_t k = 0; k < norm.size(); ++k) {
    for (const auto& [n, id] : normalized) {
      if (norm.compare(k, n.size(), n) != 0 || k + n.size() > norm.size()) continue;
      uint32_t begin = at[k], end = after[k + n.size() - 1];
      if (IsWordCharAt(n, 0) && IsWordCharBefore(text, begin)) continue;
      if (IsWordCharBefore(n, static_cast<uint32_t>(n.size())) && IsWordCharAt(text, end))
        continue;
      found.push_back({{begin, end}, id});
    }
  }
  std::sort(found.begin(), found.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin
                                          : a.range.end > b.range.end;
  });
  std::vector<PhraseMatch> out;
  for (const auto& m : found)
    if (out.empty() || m.range.begin >= out.back().range.end) out.push_back(m);
  return out;
}

TEST_CASE("SortCandidates orders as a full sort does, nearly sorted or not", "[phrase]") {
  std::mt19937 rng(20261206);
  auto by_key = [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin
                                          : a.range.end > b.range.end;
  };
  for (int round = 0; round < 300; ++round) {
    // Distinct ranges, in the order a scan meets their ends (ends ascending), or shuffled,
    // or reversed: the last two use up the insertion sort's budget and fall back.
    std::vector<PhraseMatch> v;
    const int n = 1 + static_cast<int>(rng() % 400);
    for (int k = 0; k < n; ++k) {
      uint32_t end = static_cast<uint32_t>(k * 3 + rng() % 3);
      uint32_t length = 1 + static_cast<uint32_t>(rng() % (round % 3 == 0 ? 40 : 6));
      v.push_back({{end >= length ? end - length : 0, end}, k});
    }
    std::sort(v.begin(), v.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
      return a.range.end != b.range.end ? a.range.end < b.range.end : a.range.begin < b.range.begin;
    });
    v.erase(std::unique(v.begin(), v.end(),
                        [](const PhraseMatch& a, const PhraseMatch& b) {
                          return a.range.begin == b.range.begin && a.range.end == b.range.end;
                        }),
            v.end());
    if (round % 5 == 3) std::shuffle(v.begin(), v.end(), rng);
    if (round % 5 == 4) std::reverse(v.begin(), v.end());
    std::vector<PhraseMatch> want = v;
    std::sort(want.begin(), want.end(), by_key);
    SortCandidates(&v);
    INFO("round " << round << ", " << v.size() << " candidates");
    REQUIRE(v.size() == want.size());
    for (size_t k = 0; k < v.size(); ++k) {
      CHECK(v[k].range.begin == want[k].range.begin);
      CHECK(v[k].range.end == want[k].range.end);
      CHECK(v[k].id == want[k].id);
    }
  }
}

// Sets PhraseAutomaton::full_rows_from for one test, and puts it back.
class FullRowsFrom {
 public:
  explicit FullRowsFrom(uint32_t bytes) : saved_(PhraseAutomaton::full_rows_from) {
    PhraseAutomaton::full_rows_from = bytes;
  }
  ~FullRowsFrom() { PhraseAutomaton::full_rows_from = saved_; }

 private:
  uint32_t saved_;
};

TEST_CASE("PhraseMatcher agrees with a brute-force matcher on random texts", "[phrase]") {
  // Every scan on the automaton's full rows (as long texts are scanned), then every scan on
  // its shallow rows (as drafts are).
  const uint32_t from = GENERATE(uint32_t{0}, UINT32_MAX);
  FullRowsFrom full_rows(from);
  // A small alphabet makes overlaps, shared prefixes and suffix phrases common.
  const std::vector<std::string> pieces = {"a", "b", "A", "B", " ", "  ", "\n", "'",
                                           "\xE2\x80\x99", "-", ".", "\xC3\xA9", "1", "ab", "z"};
  std::mt19937 rng(20261204);
  auto random_string = [&](int max_pieces) {
    std::string s;
    int n = static_cast<int>(rng() % max_pieces) + 1;
    for (int i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    return s;
  };
  for (int round = 0; round < 20000; ++round) {
    bool ignore_case = rng() % 2;
    std::vector<std::pair<std::string, int>> phrases;
    PhraseMatcher m(ignore_case);
    int count = static_cast<int>(rng() % 6) + 1;
    for (int k = 0; k < count; ++k) {
      phrases.push_back({random_string(4), k});
      m.Add(phrases.back().first, k);
    }
    m.Build();
    std::string text = random_string(40);
    uint32_t a = static_cast<uint32_t>(rng() % (text.size() + 1));
    uint32_t b = static_cast<uint32_t>(rng() % (text.size() + 1));
    Range within{std::min(a, b), std::max(a, b)};
    if (rng() % 2) within = {0, static_cast<uint32_t>(text.size())};
    auto got = m.FindAll(text, within);
    auto want = BruteForce(phrases, text, within, ignore_case);
    INFO("full rows from " << from << ", round " << round << " text '" << text << "' within "
                           << within.begin << "-" << within.end);
    REQUIRE(got.size() == want.size());
    for (size_t k = 0; k < got.size(); ++k) {
      CHECK(got[k].range.begin == want[k].range.begin);
      CHECK(got[k].range.end == want[k].range.end);
      CHECK(got[k].id == want[k].id);
    }
  }
}
}  // namespace
}  // namespace fulint

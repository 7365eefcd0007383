// Tests for the regex prefilter: what AnalyzeRegex proves about patterns, the literal scanner,
// and that a regex finds exactly the same matches with the prefilter as without it, for every
// `raw` pattern of the built-in style over the repository's drafts, long texts (where only
// the stretches between barriers are searched) and random texts.
#include "rules/regex_prefilter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "rules/literal_union.h"
#include "rules/regex.h"
#include "test_util.h"

namespace fulint {
namespace {

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST_CASE("AnalyzeRegex finds the literals every match contains", "[prefilter]") {
  CHECK(AnalyzeRegex("rank me", false).literals == std::vector<std::string>{"rank me"});
  CHECK(AnalyzeRegex("Rank ME", false).literals == std::vector<std::string>{"rank me"});
  CHECK(Sorted(AnalyzeRegex(R"(\b(?:very|really)\s+\w+)", true).literals) ==
        std::vector<std::string>{"really", "very"});
  CHECK(Sorted(AnalyzeRegex("colou?r", true).literals) ==
        std::vector<std::string>{"color", "colour"});
  // Lookaround consumes nothing: "xy" is what the match itself holds.
  CHECK(AnalyzeRegex("xx(?=abc)yy", true).literals == std::vector<std::string>{"xxyy"});
  // The longest-shortest choice among the pieces of a sequence.
  CHECK(AnalyzeRegex(R"(\w+ of my \w+ list\b)", true).literals ==
        std::vector<std::string>{" of my "});
  // A literal implied by a shorter one is dropped.
  CHECK(Sorted(AnalyzeRegex("(?:rank|ranked) me", true).literals) ==
        std::vector<std::string>{"rank me", "ranked me"});
  CHECK(Sorted(AnalyzeRegex("(?:rank|ranked)", true).literals) ==
        std::vector<std::string>{"rank"});
}

TEST_CASE("AnalyzeRegex claims nothing it cannot prove", "[prefilter]") {
  // No literal in every match.
  CHECK(AnalyzeRegex(R"(\b([[:alpha:]]+)\s+\1\b)", true).literals.empty());
  CHECK(AnalyzeRegex(R"(rank|\w+)", true).literals.empty());
  CHECK(AnalyzeRegex("(?:rank)?", true).literals.empty());
  CHECK(AnalyzeRegex("(?:rank)*", true).literals.empty());
  // One-letter literals are not worth scanning for.
  CHECK(AnalyzeRegex("a|b", true).literals.empty());
  // Non-ASCII letters fold by Unicode rules when ignoring case: not claimed then.
  CHECK(AnalyzeRegex("\xC3\xA9t\xC3\xA9", true).literals.empty());
  CHECK(AnalyzeRegex("\xC3\xA9t\xC3\xA9", false).literals ==
        std::vector<std::string>{"\xC3\xA9t\xC3\xA9"});
  // Syntax it does not read: inline flags, \Q...\E, recursion, stray braces.
  for (const char* p : {"(?i)rank", "(?x) r a n k", R"(\Qrank\E)", "(?R)rank", "rank{,3}x",
                        "(?P>name)rank", "rank(", "[rank"}) {
    INFO(p);
    RegexFacts f = AnalyzeRegex(p, true);
    CHECK(f.literals.empty());
    CHECK_FALSE(f.end_anchored);
    CHECK_FALSE(f.or_at_start);
  }
}

TEST_CASE("AnalyzeRegex: what may precede a literal is what the pieces before it consume",
          "[prefilter]") {
  // The literal starts the match: nothing before it.
  RegexFacts f = AnalyzeRegex(R"(\bwhere I\b[^.?!]{0,40}\brank\w*)", true);
  CHECK(f.literals == std::vector<std::string>{"where i"});
  CHECK(f.before.none());
  RegexFacts words = AnalyzeRegex(R"(\w+ will rank)", true);
  CHECK(words.literals == std::vector<std::string>{" will rank"});
  CHECK(words.before['_']);   // \w
  CHECK(words.before['Q']);   // \w, and letters of either case
  CHECK_FALSE(words.before[' ']);
  CHECK_FALSE(words.before[',']);
  // A negated class takes everything but its members; '.' takes everything.
  CHECK(AnalyzeRegex("[^,]yy", true).before.count() == 127);
  CHECK(AnalyzeRegex(".yy", true).before.count() == 128);
  // Lookbehind reads characters the match does not consume.
  CHECK(AnalyzeRegex(R"((?<=[\s\S])rank)", true).before.none());
}

TEST_CASE("AnalyzeRegex says what may come before a literal in a match", "[prefilter]") {
  // A sentence's end and the word before it; or the text's first word (\A branch).
  RegexFacts f = AnalyzeRegex(R"(\b[[:alpha:]]{2,}[.!?]\s+\K[[:lower:]]+|\A[[:lower:]]+)", false);
  CHECK(Sorted(f.literals) == std::vector<std::string>{"!", ".", "?"});
  CHECK(f.or_at_start);
  CHECK(f.before['a']);
  CHECK(f.before['Z']);
  CHECK_FALSE(f.before[' ']);
  CHECK_FALSE(f.before['.']);
  // A dropped literal's bytes before the kept one inside it.
  f = AnalyzeRegex("a?bcd", false);
  CHECK(f.literals == std::vector<std::string>{"bcd"});
  CHECK(f.before['a']);
  CHECK_FALSE(f.before['b']);
  // Two copies of a repeated class are a literal; one space is not.
  CHECK(Sorted(AnalyzeRegex(R"((?<=\S)[ \t]{2,}(?=\S))", false).literals) ==
        std::vector<std::string>{"\t\t", "\t ", " \t", "  "});
  CHECK(AnalyzeRegex(R"(\S[ \t]\S)", false).literals.empty());
  // Letters as one-character literals are everywhere: not claimed.
  CHECK(AnalyzeRegex("x|y", false).literals.empty());
  CHECK_FALSE(AnalyzeRegex(R"(\Ax|y)", false).or_at_start);
}

TEST_CASE("AnalyzeRegex bounds how far before the end an end-anchored match starts", "[prefilter]") {
  auto facts = AnalyzeRegex(R"([^.!?]\s*\z)", false);
  CHECK(facts.end_anchored);
  CHECK(facts.head_max == 1);
  facts = AnalyzeRegex(R"((?:ab|c)[ \t]*\s*\Z)", true);
  CHECK(facts.end_anchored);
  CHECK(facts.head_max == 2);
  facts = AnalyzeRegex(R"(x{2,3}(?=\s)\s*(?:\s*\z))", false);
  CHECK(facts.end_anchored);
  CHECK(facts.head_max == 3);
  // Not provable: unbounded before the final white space, a branch not anchored, a line end
  // ($ is multi-line here), white space that is not last, a backreference.
  for (const char* p : {R"(a+\s*\z)", R"(a\z|b)", R"(a\s*$)", R"(x\s*y\s*\z)",
                        R"((a)\1\z)", R"(a\R\z)", R"((?:a\z)?)"}) {
    INFO(p);
    CHECK_FALSE(AnalyzeRegex(p, false).end_anchored);
  }
}

TEST_CASE("LiteralScanner reports every occurrence, ASCII case folded", "[prefilter]") {
  LiteralScanner s({"rank", "ran", "list"});
  std::string text = "I RANKED them; a List, ran.";
  std::vector<std::pair<uint32_t, uint32_t>> hits;
  s.ForEachHit(text, {0, static_cast<uint32_t>(text.size())}, [&](uint32_t b, uint32_t e) {
    hits.push_back({b, e});
    return true;
  });
  // At "RANK" the shortest literal ending there is reported ("ran" ends earlier).
  std::vector<std::pair<uint32_t, uint32_t>> want = {{2, 5}, {2, 6}, {17, 21}, {23, 26}};
  CHECK(hits == want);
  CHECK(s.AnyIn(text, {0, 5}));
  CHECK_FALSE(s.AnyIn(text, {6, 17}));
  CHECK(LiteralScanner().empty());
}

struct Found {
  std::vector<std::pair<Range, std::vector<Range>>> matches;
  std::string error;
  bool operator==(const Found& o) const {
    if (matches.size() != o.matches.size() || error != o.error) return false;
    for (size_t i = 0; i < matches.size(); ++i) {
      if (matches[i].first.begin != o.matches[i].first.begin ||
          matches[i].first.end != o.matches[i].first.end)
        return false;
      const auto& a = matches[i].second;
      const auto& b = o.matches[i].second;
      if (a.size() != b.size()) return false;
      for (size_t g = 0; g < a.size(); ++g)
        if (a[g].begin != b[g].begin || a[g].end != b[g].end) return false;
    }
    return true;
  }
};

Found Run(const Regex& re, const std::string& text, Range within,
          const std::vector<LiteralHit>* shared = nullptr) {
  Found f;
  re.ForEachUntil(
      text, within,
      [&](Range whole, const std::vector<Range>& groups) {
        f.matches.push_back({whole, groups});
        return true;
      },
      &f.error, shared);
  return f;
}

// The `raw` patterns of every built-in rule (entries joined, as the rule loader does), with
// the rule's ignorecase.
std::vector<std::pair<std::string, bool>> BuiltInPatterns() {
  std::vector<std::pair<std::string, bool>> out;
  for (const auto& entry : std::filesystem::directory_iterator("rules/FollowUp")) {
    if (entry.path().extension() != ".yml") continue;
    YAML::Node rule = YAML::LoadFile(entry.path().string());
    if (!rule["raw"]) continue;
    std::string joined;
    if (rule["raw"].IsSequence()) {
      for (const auto& r : rule["raw"]) joined += r.as<std::string>();
    } else {
      joined = rule["raw"].as<std::string>();
    }
    bool ignore_case = rule["ignorecase"] && rule["ignorecase"].as<bool>();
    out.push_back({joined, ignore_case});
  }
  return out;
}

std::vector<std::string> Texts() {
  std::vector<std::string> texts;
  std::string all;
  for (const char* dir : {"tests/fixtures", "corpus", "bench/data"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::string t = test::ReadFile(entry.path());
      texts.push_back(t);
      all += t;
    }
  }
  // Sentences each built-in regex rule is about, so long texts have matches in them.
  const std::vector<std::string> phrases = {
      "I will rank you first. ", "Lakeshore Medical Center is my top choice! ",
      "you are at the top of my rank list, ", "where I currently stand on your rank list?",
      "Please let me know whether I am ranked.", "I can promise you will be first\non my list",
      "in exchange for a high rank", "really truly\nvery honored", "the the clinic",
      "so so SO much", "I would RANK YOUR PROGRAM FIRST", "ran\xE2\x84\xAA you first",
      "I will rank Lakeshore\xC5\xBF first", "if you rank me", "how your program will rank me",
      "Dear Dr. Lee,\n", "Dear Ana\n", "Best,\nAna Ruiz\n", "(555) 123-4567 ", "a@b.example ",
      "[Program Name] ", "{{name}} ", "Thank you! ", "emoji \xF0\x9F\x98\x80 end",
      "smile :) \xE2\x98\xBA ok <3 ", "caf\xC3\xA9s and the program\xE2\x80\x99s ", "___ "};
  std::mt19937 rng(20261204);
  for (int k = 0; k < 6; ++k) {
    // Long texts: the windowed search runs past 4 KB.
    std::string big = all;
    for (int i = 0; i < 60; ++i) {
      size_t at = rng() % (big.size() + 1);
      big.insert(at, phrases[rng() % phrases.size()]);
    }
    texts.push_back(big);
  }
  for (int k = 0; k < 300; ++k) {
    std::string t;
    int n = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) t += phrases[rng() % phrases.size()];
    texts.push_back(t);
  }
  return texts;
}

TEST_CASE("A regex finds the same matches with its prefilter as without", "[prefilter]") {
  auto patterns = BuiltInPatterns();
  REQUIRE(patterns.size() >= 10);
  // Synthetic patterns for constructs the built-in style does not use.
  for (const char* p : {R"(\bso\b(?:\s+so\b)+)", R"((?<=\s)rank(?:ed|ing)?\b)",
                        R"(\b(?<w>first|top)\b[^,]{0,20}\blist)", R"(rank\b\K\s*\w+)",
                        R"(\b(ran)[k]\b.{0,10}\1)", R"([Rr]ank(?!ing))", R"(\bmy\s*$)",
                        R"(\x{2019}s\b)", R"(choice\z|^Dear)",
                        R"(\b[[:alpha:]]{2,}[.!?]["”’)\]]*\s+\K[[:lower:]][[:alpha:]]*|\A[[:lower:]]+)",
                        R"(a?nk you|(?:x|th)ank)", R"((?:\Ade|y)ar\b)", R"(\w+[,;] \w)",
                        R"([[:alpha:]]+\.(?=\s))", R"([\x{2600}-\x{27BF}\x{1F300}]|<3|:\))",
                        R"(\[[^\]]*\]|\{\{|<[a-z]+>|_{3,})", R"([\x{E9}\x{2019}]s\b)"})
    patterns.push_back({p, true});
  auto texts = Texts();
  int compared = 0, with_literals = 0, shared_only = 0;
  for (const auto& [pattern, ignore_case] : patterns) {
    for (bool icase : {ignore_case, !ignore_case}) {
      Regex fast, full;
      std::string error;
      int at = 0;
      REQUIRE(fast.Compile(pattern, icase, &error, &at, true));
      REQUIRE(full.Compile(pattern, icase, &error, &at, false));
      RegexFacts facts = AnalyzeRegex(pattern, icase);
      with_literals += !facts.literals.empty();
      shared_only += facts.shared_only;
      // The literals as a scan shared with other regexes finds them (regex_scans.h).
      LiteralUnion shared({fast.ScanLiterals()});
      std::vector<std::vector<LiteralHit>> hits;
      for (const auto& text : texts) {
        uint32_t size = static_cast<uint32_t>(text.size());
        shared.Scan(text, &hits);
        for (Range within : {Range{0, size}, Range{size / 3, size - size / 4}}) {
          INFO("pattern " << pattern << " ignorecase " << icase << " text size " << size);
          Found want = Run(full, text, within);
          REQUIRE(Run(fast, text, within) == want);
          REQUIRE(Run(fast, text, within, &hits[0]) == want);
          ++compared;
        }
      }
    }
  }
  CHECK(with_literals >= 8);  // the prefilter was really in play
  CHECK(shared_only >= 3);    // and literals only a shared scan finds
  CHECK(compared > 1000);
}

TEST_CASE("An end-anchored regex finds the same matches with its prefilter as without", "[prefilter]") {
  const std::vector<std::string> pieces = {"a", "b", ".", "!", " ", "  ", "\n", "\t", "\xC3\xA9",
                                           "\xE2\x80\x83", "\xC2\xA0", "ab", "c"};
  std::mt19937 rng(41);
  std::string warm(4096, 'a');  // past the bytes after which the pattern is analysed
  for (const char* pattern : {R"([^.!?]\s*\z)", R"((?:ab|c)\s*\Z)", R"(\w\W?\s*\z)",
                              R"(\x{e9}\s*\z)", R"(a\s{0,2}\z)", R"((?<=b)a\s*\z)"}) {
    REQUIRE(AnalyzeRegex(pattern, false).end_anchored);
    for (bool icase : {false, true}) {
      Regex fast, full;
      std::string error;
      int at = 0;
      REQUIRE(fast.Compile(pattern, icase, &error, &at, true));
      REQUIRE(full.Compile(pattern, icase, &error, &at, false));
      // Both JIT-compiled: on a range that ends inside a character, PCRE2's interpreter and
      // its JIT disagree about \z (units never end inside one; the ranges here do not either).
      Run(fast, warm, {0, static_cast<uint32_t>(warm.size())});
      Run(full, warm, {0, static_cast<uint32_t>(warm.size())});
      for (int round = 0; round < 2000; ++round) {
        auto [text, range] = test::RandomPieces(rng, pieces, 30);
        uint32_t size = static_cast<uint32_t>(text.size());
        for (Range within : {Range{0, size}, range}) {
          std::string shown;
          for (unsigned char c : text) {
            if (c >= 32 && c < 127) shown += static_cast<char>(c);
            else shown += "\\x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
          }
          Found want = Run(full, text, within), got = Run(fast, text, within);
          std::string ranges;
          for (const auto& m : want.matches) ranges += " want " + std::to_string(m.first.begin) + "-" + std::to_string(m.first.end);
          for (const auto& m : got.matches) ranges += " got " + std::to_string(m.first.begin) + "-" + std::to_string(m.first.end);
          INFO("pattern " << pattern << " ignorecase " << icase << " text '" << shown << "' "
                          << within.begin << "-" << within.end << ranges);
          REQUIRE(got == want);
        }
      }
    }
  }
}

}  // namespace
}  // namespace fulint

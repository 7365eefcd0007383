// Tests for the shared phrase scan (rules/phrase_scans.h): a list's answer from the document's
// one scan of all lists must be the list's own answer, for any window, and a rule set must give
// the same diagnostics with it as without it.
#include "rules/phrase_scans.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/lint_file.h"
#include "rules/rule_set.h"
#include "test_util.h"

namespace fulint {
namespace {

void RequireSame(const std::vector<PhraseMatch>& got, const std::vector<PhraseMatch>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t k = 0; k < got.size(); ++k) {
    CHECK(got[k].range == want[k].range);
    CHECK(got[k].id == want[k].id);
  }
}

TEST_CASE("PhraseScans answers each list from one scan, with the list's own ids", "[phrase]") {
  PhraseMatcher filler(true), slang(true), exact(false);
  filler.Add("touch base", 0);
  filler.Add("thank you so much", 1);
  slang.Add("so much", 5);
  slang.Add("touch base", 6);  // the same phrase as filler's, another id
  exact.Add("TBD", 9);
  for (PhraseMatcher* m : {&filler, &slang, &exact}) m->Build();
  PhraseUnion phrase_union({&filler, &slang, &exact, &filler});  // a repeat is one list
  CHECK(phrase_union.lists() == 3);
  std::string text = "Thank you so much; let us Touch  Base. TBD, tbd.";
  std::string copy = text;  // not a view: answered by the list itself
  PhraseScans scans(&phrase_union, {text});
  Range all{0, static_cast<uint32_t>(text.size())};
  auto f = scans.FindAll(filler, text, all);
  REQUIRE(f.size() == 2);
  CHECK(f[0].id == 1);
  CHECK(f[1].range == Range{26, 37});
  CHECK(f[1].id == 0);
  auto s = scans.FindAll(slang, text, all);
  REQUIRE(s.size() == 2);
  CHECK(s[0].range == Range{10, 17});
  CHECK(s[1].id == 6);
  auto e = scans.FindAll(exact, text, all);
  REQUIRE(e.size() == 1);
  CHECK(e[0].range == Range{39, 42});
  // A window that cuts a phrase finds only what lies inside it.
  CHECK(scans.FindAll(filler, text, {0, 12}).empty());
  RequireSame(scans.FindAll(slang, text, {12, 40}), slang.FindAll(text, {12, 40}));
  RequireSame(scans.FindAll(filler, copy, all), filler.FindAll(copy, all));
  // Without a union every list scans for itself.
  PhraseScans none(nullptr, {text});
  RequireSame(none.FindAll(slang, text, all), slang.FindAll(text, all));
}

TEST_CASE("PhraseScans agrees with each list's own scan on random texts and windows", "[phrase]") {
  // A small alphabet makes overlaps, shared prefixes and suffix phrases common, and phrases
  // shared between lists.
  const std::vector<std::string> pieces = {
      "a", "b", "A", "B", " ", "  ", "\n", "'", "\xE2\x80\x99", "-", ".", "\xC3\xA9", "1", "ab"};
  std::mt19937 rng(20261205);
  for (int round = 0; round < 3000; ++round) {
    std::vector<PhraseMatcher> lists;
    int count = 1 + static_cast<int>(rng() % 4);
    for (int l = 0; l < count; ++l) {
      lists.emplace_back(rng() % 3 != 0);
      int phrases = 1 + static_cast<int>(rng() % 5);
      for (int k = 0; k < phrases; ++k)
        lists.back().Add(test::RandomPieces(rng, pieces, 3).text, k);
      lists.back().Build();
    }
    std::vector<const PhraseMatcher*> pointers;
    for (const auto& l : lists) pointers.push_back(&l);
    PhraseUnion phrase_union(pointers);
    std::string text = test::RandomPieces(rng, pieces, 40).text;
    std::string other = text + " ";  // a second view, as the decoded text is to the masked
    PhraseScans scans(&phrase_union, {other, text});
    for (int query = 0; query < 8; ++query) {
      Range within = test::RandomPieces(rng, {text}, 1).range;  // a random window of the text
      within = {std::min<uint32_t>(within.begin, static_cast<uint32_t>(text.size())),
                std::min<uint32_t>(within.end, static_cast<uint32_t>(text.size()))};
      if (query == 0) within = {0, static_cast<uint32_t>(text.size())};
      const PhraseMatcher& list = lists[rng() % lists.size()];
      INFO("round " << round << " text '" << text << "' within " << within.begin << "-"
                    << within.end);
      RequireSame(scans.FindAll(list, text, within), list.FindAll(text, within));
    }
  }
}

TEST_CASE("PhraseScans can be asked from several threads at once", "[phrase]") {
  PhraseMatcher a(true), b(true);
  a.Add("follow up", 1);
  b.Add("up to date", 2);
  a.Build();
  b.Build();
  PhraseUnion phrase_union({&a, &b});
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "I will follow up to date soon. ";
  PhraseScans scans(&phrase_union, {text});
  Range all{0, static_cast<uint32_t>(text.size())};
  std::vector<PhraseMatch> from_a, from_b;
  std::thread other([&] { from_b = scans.FindAll(b, text, all); });
  from_a = scans.FindAll(a, text, all);
  other.join();
  CHECK(from_a.size() == 2000);
  RequireSame(from_b, b.FindAll(text, all));
}

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("The built-in rules find the same with the shared phrase scan as without",
          "[phrase][rules]") {
  RuleSet rules;
  std::vector<ConfigError> errors;
  REQUIRE(LoadRules(FULINT_SOURCE_DIR "/rules", &rules, &errors));
  REQUIRE(rules.phrases);
  CHECK(rules.phrases->lists() >= 8);
  std::shared_ptr<const PhraseUnion> phrase_union = rules.phrases;
  Segmenter segmenter;
  int drafts = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(FULINT_SOURCE_DIR "/tests")) {
    auto ext = e.path().extension();
    if (ext != ".txt" && ext != ".md" && ext != ".eml") continue;
    std::string bytes = Slurp(e.path());
    rules.phrases = phrase_union;
    LintedFile shared = LintBytes(e.path().filename().string(), bytes, rules, segmenter, {});
    rules.phrases = nullptr;
    LintedFile own = LintBytes(e.path().filename().string(), bytes, rules, segmenter, {});
    INFO(e.path().string());
    const auto& a = shared.result.diagnostics;
    const auto& b = own.result.diagnostics;
    REQUIRE(a.size() == b.size());
    for (size_t k = 0; k < a.size(); ++k) {
      CHECK(a[k].rule_id == b[k].rule_id);
      CHECK(a[k].raw == b[k].raw);
      CHECK(a[k].message == b[k].message);
    }
    ++drafts;
  }
  CHECK(drafts >= 20);
}

TEST_CASE("The built-in rules find the same in a long text on full rows as on shallow rows",
          "[phrase][rules]") {
  RuleSet rules;
  std::vector<ConfigError> errors;
  REQUIRE(LoadRules(FULINT_SOURCE_DIR "/rules", &rules, &errors));
  // Every test draft, one after another, to past the length where scans take full rows.
  std::string text;
  while (text.size() < 2 * PhraseAutomaton::full_rows_from)
    for (const auto& e :
         std::filesystem::recursive_directory_iterator(FULINT_SOURCE_DIR "/tests/fixtures")) {
      auto ext = e.path().extension();
      if (ext == ".txt" || ext == ".md") text += Slurp(e.path()) + "\n\n";
    }
  Segmenter segmenter;
  LintedFile full = LintBytes("long.txt", text, rules, segmenter, {});
  const uint32_t saved = PhraseAutomaton::full_rows_from;
  PhraseAutomaton::full_rows_from = UINT32_MAX;
  LintedFile shallow = LintBytes("long.txt", text, rules, segmenter, {});
  PhraseAutomaton::full_rows_from = saved;
  const auto& a = full.result.diagnostics;
  const auto& b = shallow.result.diagnostics;
  CHECK(a.size() > 1000);
  REQUIRE(a.size() == b.size());
  size_t differ = 0;
  for (size_t k = 0; k < a.size(); ++k)
    differ += a[k].rule_id != b[k].rule_id || !(a[k].raw == b[k].raw) ||
              a[k].message != b[k].message;
  CHECK(differ == 0);
}

}  // namespace
}  // namespace fulint

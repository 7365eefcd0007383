// A long document's rules run on several threads (engine.cc): the findings must be the same,
// in the same order, as on one thread, whatever the number of threads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "cli/lint_file.h"
#include "rules/engine.h"
#include "rules/rule_set.h"
#include "rules/scan_targets.h"

namespace fulint {
namespace {

std::vector<std::string> Findings(const RuleSet& rules, const std::string& text,
                                  unsigned threads) {
  Segmenter segmenter;
  LintOptions options;
  options.threads = threads;
  LintedFile f = LintBytes("long.txt", text, rules, segmenter, options);
  REQUIRE(f.result.error.empty());
  std::vector<std::string> out;
  for (const auto& d : f.result.diagnostics)
    out.push_back(d.rule_id + " " + std::to_string(d.raw.begin) + "-" +
                  std::to_string(d.raw.end) + " " + d.message);
  return out;
}

TEST_CASE("engine: a long document gives the same findings on 1, 2 and 3 threads",
          "[engine][threads]") {
  RuleSet rules;
  std::vector<ConfigError> errors;
  REQUIRE(LoadRules(FULINT_SOURCE_DIR "/rules", &rules, &errors));
  // The bodies of two drafts with findings for many rules (a casual tone, ranking talk,
  // negativity, misspellings, repeated words, stray spaces, shouting), repeated past the size
  // at which rules go parallel.
  const std::string paragraphs =
      "Thanks so much for the interview!!! I'm sorry I was so nervous during our talk and that "
      "my answer about research was weak. Honestly the zoom kept lagging which was annoying.\n\n"
      "Riverbend is definitely my number one choice and I will be ranking you guys at the top "
      "of my list. Could you let me know if I am ranked to match?\n\n"
      "Thank you for the interveiw on November 18. I enjoyed learning about the the toxicology "
      "consult line and the ultrasound curicculum.  the residents were welcoming\n\n"
      "I am just really very excited about [PROGRAM NAME]. AMAZING teaching , and i will rank "
      "you highly.\n\n";
  std::string text = "Subject: Interview follow-up\n\nHi Dr. Nakashima,\n\n";
  while (text.size() < kParallelRulesFrom + 4096) text += paragraphs;
  text += "Cheers,\nAmara\n";
  auto one = Findings(rules, text, 1);
  REQUIRE(one.size() > 1000);
  std::set<std::string> rules_found;
  for (const auto& f : one) rules_found.insert(f.substr(0, f.find(' ')));
  REQUIRE(rules_found.size() >= 20);  // half the rules: a rule dropped by a thread shows
  CHECK(Findings(rules, text, 2) == one);
  CHECK(Findings(rules, text, 3) == one);
}

TEST_CASE("engine: a long document's threads take the longest rules first, those waiting "
          "for the phrase scan last", "[engine][threads]") {
  RuleSet rules;
  std::vector<ConfigError> errors;
  REQUIRE(LoadRules(FULINT_SOURCE_DIR "/rules", &rules, &errors));
  const auto& order = rules.parallel_order;
  REQUIRE(order.size() == rules.rules.size());
  std::vector<uint32_t> sorted(order.begin(), order.end());
  std::sort(sorted.begin(), sorted.end());
  for (uint32_t i = 0; i < sorted.size(); ++i) REQUIRE(sorted[i] == i);  // each rule once
  auto waits_for_scan = [&](uint32_t i) {
    ScanTargets targets;
    rules.rules[i]->check->AddScanTargets(&targets);
    return !targets.phrase_lists.empty();
  };
  size_t first_waiting = order.size();
  for (size_t k = 0; k < order.size(); ++k)
    if (waits_for_scan(order[k])) {
      first_waiting = k;
      break;
    }
  REQUIRE(first_waiting > 0);
  REQUIRE(first_waiting < order.size());
  for (size_t k = first_waiting; k < order.size(); ++k) CHECK(waits_for_scan(order[k]));
  // Among the others: higher ranks first, then id order.
  for (size_t k = 1; k < first_waiting; ++k) {
    int before = rules.rules[order[k - 1]]->check->StartEarlyRank();
    int after = rules.rules[order[k]]->check->StartEarlyRank();
    CHECK(before >= after);
    if (before == after) CHECK(order[k - 1] < order[k]);
  }
  CHECK(rules.rules[order[0]]->id == "FollowUp.Spelling");
  CHECK(rules.rules[order[1]]->id == "FollowUp.ConsistencyProgram");
}

}  // namespace
}  // namespace fulint

// The occurrence check's word list (`tokens`, fulint's addition to Vale's `token` regex):
// whole words and phrases counted per scope, and the one-of-three key rule.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli/lint_file.h"
#include "rules/rule_set.h"
#include "test_util.h"

namespace fulint {
namespace {

std::vector<ConfigError> LoadOne(const std::string& yaml, RuleSet* rules) {
  test::TempDir dir;
  dir.Write("Test/Rule.yml", yaml);
  std::vector<ConfigError> errors;
  LoadRules(dir.path().string(), rules, &errors);
  return errors;
}

std::vector<Diagnostic> Lint(const std::string& text, const RuleSet& rules) {
  Segmenter segmenter;
  return LintBytes("draft.txt", text, rules, segmenter, {}).result.diagnostics;
}

TEST_CASE("occurrence tokens: whole words and phrases are counted", "[occurrence]") {
  RuleSet rules;
  REQUIRE(LoadOne("extends: occurrence\nmessage: \"%s of them\"\nscope: text\nignorecase: true\n"
                  "tokens: [very, thank you]\nmax: 2\n",
                  &rules)
              .empty());
  // "every" and "thank-you" hold no whole token: three count, and the third is pointed at.
  std::string text = "Very kind, every time. Thank  you, very much; thank-you, VERY.\n";
  auto found = Lint(text, rules);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "4 of them");
  CHECK(found[0].matched == "very");
  CHECK(found[0].raw.begin == text.find("very much"));
  CHECK(Lint("Very kind. Thank you.\n", rules).empty());
}

TEST_CASE("occurrence needs exactly one of token, tokens or unit", "[occurrence]") {
  RuleSet rules;
  auto errors = LoadOne(
      "extends: occurrence\nmessage: m\nscope: text\ntoken: 'x'\ntokens: [y]\nmax: 1\n", &rules);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("exactly one of 'token', 'tokens'") != std::string::npos);
  CHECK(rules.rules.empty());
}

}  // namespace
}  // namespace fulint

// Every rule's own `examples`: each `bad` draft must trigger the rule, each `good` one must not.
// Examples are linted with only that rule enabled: as Markdown when they start with front
// matter, else as plain e-mail text.
#include <catch2/catch.hpp>

#include "cli/lint_file.h"
#include "rules/rule_set.h"

namespace fulint {
namespace {

size_t CountFindings(const RuleSet& rules, const Rule& rule, const std::string& text,
                     Segmenter& segmenter) {
  LintOptions options;
  options.only = {rule.id};
  const char* name = text.starts_with("---\n") ? "example.md" : "example.txt";
  LintedFile f = LintBytes(name, text, rules, segmenter, options);
  REQUIRE(f.result.error.empty());
  size_t n = 0;
  for (const auto& d : f.result.diagnostics) n += d.rule_id == rule.id;
  return n;
}

TEST_CASE("rule examples: bad ones trigger their rule, good ones do not") {
  RuleSet rules;
  std::vector<ConfigError> errors;
  REQUIRE(LoadRules(FULINT_SOURCE_DIR "/rules", &rules, &errors));
  REQUIRE(errors.empty());
  Segmenter segmenter;
  size_t examples = 0;
  for (const auto& rule : rules.rules) {
    for (const auto& text : rule->examples.bad) {
      INFO(rule->id << " bad example:\n" << text);
      CHECK(CountFindings(rules, *rule, text, segmenter) > 0);
      ++examples;
    }
    for (const auto& text : rule->examples.good) {
      INFO(rule->id << " good example:\n" << text);
      CHECK(CountFindings(rules, *rule, text, segmenter) == 0);
      ++examples;
    }
  }
  CHECK(examples >= 10);
}

}  // namespace
}  // namespace fulint

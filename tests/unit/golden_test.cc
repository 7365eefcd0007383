// Golden rule fixtures: every draft under tests/fixtures/ is linted with the built-in rules and
// its diagnostics must equal, exactly and exhaustively, the `.expected` file beside it:
//   LINE:COL: severity: [Rule.Id] matched text
// Run with FULINT_BLESS=1 to rewrite the .expected files after a reviewed behaviour change.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/lint_file.h"
#include "report/position.h"
#include "rules/rule_set.h"

namespace fulint {
namespace {
namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Render(const LintedFile& f) {
  std::ostringstream out;
  if (!f.result.error.empty()) return "error: " + f.result.error + "\n";
  LineIndex index(*f.doc);
  for (const auto& d : f.result.diagnostics) {
    Position p = index.Locate(d.raw.begin);
    std::string matched = d.matched.substr(0, d.matched.find('\n'));
    out << p.line << ":" << p.column << ": " << SeverityName(d.severity) << ": [" << d.rule_id
        << "] " << matched << "\n";
  }
  return out.str();
}

TEST_CASE("golden fixtures match their .expected diagnostics exactly") {
  RuleSet rules;
  std::vector<ConfigError> errors;
  REQUIRE(LoadRules(FULINT_SOURCE_DIR "/rules", &rules, &errors));
  Segmenter segmenter;
  bool bless = std::getenv("FULINT_BLESS") != nullptr;
  std::vector<fs::path> drafts;
  for (const auto& e : fs::recursive_directory_iterator(FULINT_SOURCE_DIR "/tests/fixtures")) {
    auto ext = e.path().extension();
    if (ext == ".txt" || ext == ".md" || ext == ".eml") drafts.push_back(e.path());
  }
  std::sort(drafts.begin(), drafts.end());
  REQUIRE(drafts.size() >= 8);
  for (const auto& draft : drafts) {
    fs::path expected_path = draft;
    expected_path += ".expected";
    LintedFile f = LintBytes(draft.filename().string(), Slurp(draft), rules, segmenter, {});
    std::string actual = Render(f);
    if (bless) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    INFO("fixture " << draft.string() << " (FULINT_BLESS=1 rewrites .expected)");
    REQUIRE(fs::exists(expected_path));
    CHECK(actual == Slurp(expected_path));
  }
}

}  // namespace
}  // namespace fulint

namespace fulint {
namespace {

TEST_CASE("the guide's note: filled in it is clean, as a template one Placeholder per slot") {
  RuleSet rules;
  std::vector<ConfigError> errors;
  REQUIRE(LoadRules(FULINT_SOURCE_DIR "/rules", &rules, &errors));
  Segmenter segmenter;
  std::string dir = FULINT_SOURCE_DIR "/tests/fixtures/guide/";
  LintedFile filled = LintBytes("filled.txt", Slurp(dir + "filled.txt"), rules, segmenter, {});
  CHECK(filled.result.diagnostics.empty());

  std::string template_text = Slurp(dir + "template.txt");
  size_t slots = std::count(template_text.begin(), template_text.end(), '[');
  LintedFile unfilled = LintBytes("template.txt", template_text, rules, segmenter, {});
  size_t placeholders = 0;
  for (const auto& d : unfilled.result.diagnostics) {
    CHECK(d.rule_id == "FollowUp.Placeholder");
    CHECK(d.severity == Severity::kError);
    placeholders += d.rule_id == "FollowUp.Placeholder";
  }
  CHECK(slots == 13);
  CHECK(placeholders == slots);
}

}  // namespace
}  // namespace fulint

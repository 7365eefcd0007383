// Fuzz target: one user rule file (<Style>/<Rule>.yml) through the YAML loader and its check
// type's validation, then, when it loads, run over a short draft (regexes, token lists,
// scopes, conditions, message formatting).
#include "fuzz_util.h"
#include "rules/engine.h"
#include "rules/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string path = fulint::fuzz::WriteInput("Fuzz/Rule.yml", data, size);
  std::vector<fulint::ConfigError> errors;
  fulint::RuleSet set;
  if (auto rule = fulint::LoadRuleFile(path, "Fuzz.Rule", &errors))
    set.rules.push_back(std::move(rule));
  for (const auto& e : errors) (void)e.Format();
  if (set.rules.empty()) return 0;
  static const std::string kDraft =
      "Subject: Thank you\n\nDear Dr. Okonkwo,\n\nThank you for the interview at [Program] on "
      "March 3. I really enjoyed it!! Very very much.\n\nSincerely,\nAlex\n";
  fulint::Document doc;
  fulint::fuzz::ParseAs("draft.txt", reinterpret_cast<const uint8_t*>(kDraft.data()), kDraft.size(),
                        &doc);
  static fulint::Segmenter segmenter;
  fulint::Lint(doc, set, segmenter, {});
  return 0;
}

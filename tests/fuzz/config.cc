// Fuzz target: a project configuration (.fulint.yaml) through the config loader and its
// translation into the rule loader's options (against the built-in rule ids).
#include "config/config.h"

#include "config/rule_options.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<std::string> kIds = fulint::ListRuleIds(FULINT_SOURCE_DIR "/rules");
  std::string path = fulint::fuzz::WriteInput(".fulint.yaml", data, size);
  std::vector<fulint::ConfigError> errors;
  fulint::Config config;
  fulint::LoadConfig(path, &config, &errors);
  fulint::ToRuleOptions(config, kIds, &errors);
  for (const auto& e : errors) (void)e.Format();
  return 0;
}

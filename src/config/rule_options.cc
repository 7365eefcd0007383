#include "config/rule_options.h"

#include <algorithm>
#include <set>

namespace fulint {

RuleOptions ToRuleOptions(const Config& config, const std::vector<std::string>& all_ids,
                          std::vector<ConfigError>* errors) {
  RuleOptions options;
  options.config_path = config.path;
  std::set<std::string> styles;
  for (const auto& id : all_ids) styles.insert(id.substr(0, id.find('.')));
  auto error_at = [&](const YamlMark& mark, const std::string& message) {
    errors->push_back({config.path, mark.line + 1, mark.column + 1, message});
  };
  for (const auto& [id, setting] : config.rules) {
    if (!std::binary_search(all_ids.begin(), all_ids.end(), id)) {
      std::string hint = DidYouMean(id, all_ids);
      error_at(setting.mark, "unknown rule '" + id + "'" +
                                 (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
      continue;
    }
    if (!setting.enabled) options.disabled_rules.push_back(id);
    if (setting.overrides) options.overrides[id] = {setting.overrides, setting.mark};
  }
  for (const auto& [style, on] : config.styles) {
    if (!styles.count(style)) {
      std::string hint = DidYouMean(style, {styles.begin(), styles.end()});
      error_at(config.style_marks.at(style),
               "unknown style '" + style + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
      continue;
    }
    if (!on) options.disabled_styles.push_back(style);
  }
  if (!config.accept.empty() || !config.reject.empty() || !config.accept_files.empty() ||
      !config.language.empty()) {
    YamlValue words = YamlValue::Map();
    auto add = [&](const char* key, const std::vector<std::string>& values) {
      if (values.empty()) return;
      YamlValue list = YamlValue::Sequence();
      for (const auto& v : values) list.Append(YamlValue::Scalar(v));
      words.Set(key, std::move(list));
    };
    add("language", config.language);
    add("accept", config.accept);
    add("reject", config.reject);
    add("accept_files", config.accept_files);
    options.type_keys["spelling"] = words;
  }
  return options;
}

}  // namespace fulint

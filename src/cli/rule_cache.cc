#include "cli/rule_cache.h"

#include <cstdio>
#include <filesystem>

#include "config/config.h"
#include "config/rule_options.h"

namespace fulint {

std::string RuleCache::ConfigFor(const std::string& file) const {
  return forced_config_.empty() ? FindConfig(file) : forced_config_;
}

const RuleSet* RuleCache::ForFile(const std::string& file, bool known_file) {
  std::string config_path;
  if (!forced_config_.empty()) {
    config_path = forced_config_;
  } else {
    // FindConfig starts from the file's folder, or from `file` itself when it is a folder.
    // The cache key is the text before the file name: files with the same one are in the same
    // folder, so they have the same config (two spellings of one folder only miss the cache).
    // std::filesystem::path's parent_path() was a third of a 1,000-draft run's serial start.
    std::error_code ec;
    std::string dir;
    if (file == "-" || (!known_file && std::filesystem::is_directory(file, ec))) {
      dir = file;
    } else {
      size_t slash = file.rfind('/');
      dir = slash == std::string::npos ? std::string() : file.substr(0, slash + 1);
    }
    auto found = config_by_dir_.find(dir);
    if (found == config_by_dir_.end())
      found = config_by_dir_.emplace(dir, FindConfig(file)).first;
    config_path = found->second;
  }
  auto it = sets_.find(config_path);
  if (it != sets_.end()) return it->second.get();
  std::vector<ConfigError> errors;
  Config config;
  // Every step runs even after errors, so one run reports every mistake in the config.
  if (!config_path.empty()) LoadConfig(config_path, &config, &errors);
  RuleOptions options = ToRuleOptions(config, ListRuleIds(rules_dir_), &errors);
  auto set = std::make_unique<RuleSet>();
  LoadRules(rules_dir_, set.get(), &errors, options);
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.Format().c_str());
  if (!errors.empty()) {
    std::fprintf(stderr, "fulint: %zu error%s in %s; files under it are not linted\n",
                 errors.size(), errors.size() == 1 ? "" : "s",
                 config_path.empty() ? ("rules under " + rules_dir_).c_str() : config_path.c_str());
    had_errors_ = true;
    set.reset();
  }
  return (sets_[config_path] = std::move(set)).get();
}

}  // namespace fulint

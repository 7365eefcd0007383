#include "lsp/rule_sets.h"

#include <sys/stat.h>

#include <filesystem>

#include "config/config.h"
#include "config/rule_options.h"

namespace fulint::lsp {

FileStamp StampOf(const std::string& path) {
  FileStamp s;
  struct stat st;
  if (path.empty() || ::stat(path.c_str(), &st) != 0) return s;
  s.exists = true;
  s.size = static_cast<uint64_t>(st.st_size);
  s.inode = static_cast<uint64_t>(st.st_ino);
  s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return s;
}

const RuleSets::Entry& RuleSets::ForFile(const std::string& file) {
  std::string config_path = FindConfig(file);
  auto it = entries_.find(config_path);
  if (it != entries_.end()) {
    bool fresh = true;
    for (const auto& [path, stamp] : it->second.watched)
      if (StampOf(path) != stamp) fresh = false;
    if (fresh) return it->second;
    entries_.erase(it);
  }
  Entry entry;
  entry.config_path = config_path;
  // Stamps first: a file rewritten while it loads is reloaded on the next lint.
  Config config;
  if (!config_path.empty()) {
    entry.watched[config_path] = StampOf(config_path);
    LoadConfig(config_path, &config, &entry.errors);
  }
  for (const auto& f : config.accept_files) entry.watched[f] = StampOf(f);
  RuleOptions options = ToRuleOptions(config, ListRuleIds(rules_dir_), &entry.errors);
  auto set = std::make_unique<RuleSet>();
  LoadRules(rules_dir_, set.get(), &entry.errors, options);
  if (entry.errors.empty()) entry.rules = std::move(set);
  return entries_[config_path] = std::move(entry);
}

void RuleSets::Invalidate(const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty() || fs::path(path).filename() == ".fulint.yaml") {
    entries_.clear();
    return;
  }
  std::error_code ec;
  std::string canonical = fs::weakly_canonical(path, ec).string();
  for (auto it = entries_.begin(); it != entries_.end();) {
    bool depends = !it->second.errors.empty();
    for (const auto& [watched, stamp] : it->second.watched) {
      std::error_code ec2;
      if (watched == path || fs::weakly_canonical(watched, ec2).string() == canonical)
        depends = true;
    }
    it = depends ? entries_.erase(it) : std::next(it);
  }
}

}  // namespace fulint::lsp

#pragma once
// Rules for the language server: one RuleSet per configuration, like the CLI's RuleCache, but
// reloaded when the `.fulint.yaml` or a word list it names changes on disk (checked before
// every lint: a few stat calls) or when the server is told a file changed, and keeping the
// configuration's errors so the editor can show them.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace fulint::lsp {

// Enough of a file's stat to notice a rewrite.
struct FileStamp {
  bool exists = false;
  uint64_t size = 0, inode = 0;
  int64_t mtime_ns = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};
FileStamp StampOf(const std::string& path);

class RuleSets {
 public:
  struct Entry {
    std::string config_path;         // "" when no config applies
    std::unique_ptr<RuleSet> rules;  // null when the rules or the config have errors
    std::vector<ConfigError> errors;
    std::map<std::string, FileStamp> watched;  // the config and its word lists
  };

  explicit RuleSets(std::string rules_dir) : rules_dir_(std::move(rules_dir)) {}

  // The rules for `file` (a path; its nearest config applies), loaded or reloaded as needed.
  // The reference stays valid until the next call.
  const Entry& ForFile(const std::string& file);
  // Drops the rule sets that depend on `path` (a config or a word list) and those with errors;
  // every set when `path` is "" or names a `.fulint.yaml`.
  void Invalidate(const std::string& path);

 private:
  std::string rules_dir_;
  std::map<std::string, Entry> entries_;  // by config path
};

}  // namespace fulint::lsp

#pragma once
// Reads one YAML mapping (a rule or config file) with located errors: unknown keys with a
// "did you mean", wrong types, bad values, each as `path:line:col: error: ...`.
#include <map>
#include <string>
#include <vector>

#include "rules/yaml_value.h"

namespace fulint {

struct ConfigError {
  std::string path;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based
  std::string message;
  std::string Format() const;  // "path:line:col: error: message"
};

// The closest of `candidates` to `word` when it is a plausible typo, else "".
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

class YamlReader {
 public:
  YamlReader(std::string path, YamlValue root, std::vector<ConfigError>* errors)
      : path_(std::move(path)), root_(std::move(root)), errors_(errors) {}

  const std::string& path() const { return path_; }
  // The id of the rule being read, for messages that should name it.
  const std::string& rule_id() const { return rule_id_; }
  void set_rule_id(std::string id) { rule_id_ = std::move(id); }
  const YamlValue& root() const { return root_; }
  bool Has(const std::string& key) const { return static_cast<bool>(root_[key]); }
  const YamlValue& Get(const std::string& key) const { return root_[key]; }

  // Each getter leaves `out` unchanged when the key is absent; false on a wrong type.
  bool String(const std::string& key, std::string* out);
  bool Bool(const std::string& key, bool* out);
  bool Int(const std::string& key, int* out);
  // A string or a list of strings.
  bool Strings(const std::string& key, std::vector<std::string>* out);
  // A mapping of string to string (substitution's `swap`), kept in file order.
  bool StringPairs(const std::string& key, std::vector<std::pair<std::string, std::string>>* out,
                   std::vector<YamlMark>* marks = nullptr);

  // Reports every key of the mapping not in `known`.
  void CheckKeys(const std::vector<std::string>& known);
  // At `mark`, in the mark's own file when it has one (a config override merged into a rule).
  void Error(const YamlMark& mark, const std::string& message);
  void Error(const std::string& key, const std::string& message);
  bool ok() const { return errors_->size() == error_count_at_start_; }

 private:
  std::string path_;
  std::string rule_id_;
  YamlValue root_;
  std::vector<ConfigError>* errors_;
  size_t error_count_at_start_ = errors_->size();
};

}  // namespace fulint

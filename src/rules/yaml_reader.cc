#include "rules/yaml_reader.h"

#include <algorithm>

namespace fulint {

std::string ConfigError::Format() const {
  std::string out = path;
  if (line > 0) {
    out.append(":").append(std::to_string(line));
    out.append(":").append(std::to_string(column));
  }
  out.append(": error: ").append(message);
  return out;
}

namespace {

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

void YamlReader::Error(const YamlMark& mark, const std::string& message) {
  bool known = !mark.is_null();
  errors_->push_back({mark.source ? *mark.source : path_, known ? mark.line + 1 : 0,
                      known ? mark.column + 1 : 0, message});
}

void YamlReader::Error(const std::string& key, const std::string& message) {
  // Point at the value when there is one, else at the mapping.
  const YamlValue& n = root_[key];
  Error(n ? n.Mark() : root_.Mark(), message);
}

void YamlReader::CheckKeys(const std::vector<std::string>& known) {
  for (const auto& kv : root_.entries()) {
    std::string key = kv.first.AsString();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string hint = DidYouMean(key, known);
    Error(kv.first.Mark(),
          "unknown key '" + key + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
  }
}

bool YamlReader::String(const std::string& key, std::string* out) {
  const YamlValue& n = root_[key];
  if (!n) return true;
  if (!n.IsScalar()) {
    Error(n.Mark(), "'" + key + "' must be a string");
    return false;
  }
  *out = n.text();
  return true;
}

bool YamlReader::Bool(const std::string& key, bool* out) {
  const YamlValue& n = root_[key];
  if (!n) return true;
  bool value;
  if (!n.AsBool(&value)) {
    Error(n.Mark(), "'" + key + "' must be true or false");
    return false;
  }
  *out = value;
  return true;
}

bool YamlReader::Int(const std::string& key, int* out) {
  const YamlValue& n = root_[key];
  if (!n) return true;
  int value;
  if (!n.AsInt(&value)) {
    Error(n.Mark(), "'" + key + "' must be a whole number");
    return false;
  }
  *out = value;
  return true;
}

bool YamlReader::Strings(const std::string& key, std::vector<std::string>* out) {
  const YamlValue& n = root_[key];
  if (!n) return true;
  if (n.IsScalar()) {
    out->assign(1, n.text());
    return true;
  }
  if (!n.IsSequence()) {
    Error(n.Mark(), "'" + key + "' must be a string or a list of strings");
    return false;
  }
  out->clear();
  for (const auto& item : n.items()) {
    if (!item.IsScalar()) {
      Error(item.Mark(), "each entry of '" + key + "' must be a string");
      return false;
    }
    out->push_back(item.text());
  }
  return true;
}

bool YamlReader::StringPairs(const std::string& key,
                             std::vector<std::pair<std::string, std::string>>* out,
                             std::vector<YamlMark>* marks) {
  const YamlValue& n = root_[key];
  if (!n) return true;
  if (!n.IsMap()) {
    Error(n.Mark(), "'" + key + "' must be a mapping");
    return false;
  }
  for (const auto& kv : n.entries()) {
    if (!kv.first.IsScalar() || !kv.second.IsScalar()) {
      Error(kv.first.Mark(), "each entry of '" + key + "' must map a string to a string");
      return false;
    }
    out->emplace_back(kv.first.text(), kv.second.text());
    if (marks) marks->push_back(kv.first.Mark());
  }
  return true;
}

}  // namespace fulint

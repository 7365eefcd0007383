#include "rules/yaml_value.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <limits>

namespace fulint {

YamlValue YamlValue::Scalar(std::string text, YamlMark mark) {
  YamlValue v;
  v.kind_ = Kind::kScalar;
  v.text_ = std::move(text);
  v.mark_ = std::move(mark);
  return v;
}

YamlValue YamlValue::Sequence(YamlMark mark) {
  YamlValue v;
  v.kind_ = Kind::kSequence;
  v.mark_ = std::move(mark);
  return v;
}

YamlValue YamlValue::Map(YamlMark mark) {
  YamlValue v;
  v.kind_ = Kind::kMap;
  v.mark_ = std::move(mark);
  return v;
}

YamlValue YamlValue::Null(YamlMark mark) {
  YamlValue v;
  v.kind_ = Kind::kNull;
  v.mark_ = std::move(mark);
  return v;
}

std::string YamlValue::AsString(const std::string& fallback) const {
  return IsScalar() ? text_ : fallback;
}

bool YamlValue::AsBool(bool* out) const {
  if (!IsScalar()) return false;
  static const char* const kTrue[] = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
                                      "on", "On", "ON"};
  static const char* const kFalse[] = {"n", "N", "no", "No", "NO", "false", "False", "FALSE",
                                       "off", "Off", "OFF"};
  for (const char* t : kTrue)
    if (text_ == t) return *out = true, true;
  for (const char* f : kFalse)
    if (text_ == f) return *out = false, true;
  return false;
}

bool YamlValue::AsInt(int* out) const {
  if (!IsScalar() || text_.empty()) return false;
  std::string_view s = text_;
  bool negative = s.front() == '-';
  if (s.front() == '-' || s.front() == '+') s.remove_prefix(1);
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  }
  long long value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
  if (ec != std::errc() || end != s.data() + s.size()) return false;
  if (negative) value = -value;
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
    return false;
  *out = static_cast<int>(value);
  return true;
}

const YamlValue& YamlValue::operator[](std::string_view key) const {
  static const YamlValue kUndefinedValue;
  if (!IsMap()) return kUndefinedValue;
  for (const auto& [k, v] : entries_)
    if (k.IsScalar() && k.text_ == key) return v;
  return kUndefinedValue;
}

void YamlValue::Set(const std::string& key, YamlValue value, YamlMark key_mark) {
  if (kind_ != Kind::kMap) {
    kind_ = Kind::kMap;
    items_.clear();
    entries_.clear();
  }
  for (auto& [k, v] : entries_)
    if (k.IsScalar() && k.text_ == key) {
      v = std::move(value);
      return;
    }
  entries_.emplace_back(Scalar(key, std::move(key_mark)), std::move(value));
}

void YamlValue::SetSource(const std::shared_ptr<const std::string>& source) {
  mark_.source = source;
  for (auto& item : items_) item.SetSource(source);
  for (auto& [k, v] : entries_) {
    k.SetSource(source);
    v.SetSource(source);
  }
}

namespace {

void PutVarint(uint64_t n, std::string* out) {
  while (n >= 0x80) {
    out->push_back(static_cast<char>((n & 0x7F) | 0x80));
    n >>= 7;
  }
  out->push_back(static_cast<char>(n));
}

bool GetVarint(std::string_view data, size_t* at, uint64_t* n) {
  *n = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (*at >= data.size()) return false;
    auto byte = static_cast<uint8_t>(data[(*at)++]);
    *n |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

}  // namespace

void YamlValue::Serialize(std::string* out) const {
  out->push_back(static_cast<char>(kind_));
  out->push_back(static_cast<char>(quoted_ ? 1 : 0));
  PutVarint(static_cast<uint64_t>(mark_.line + 1), out);
  PutVarint(static_cast<uint64_t>(mark_.column + 1), out);
  switch (kind_) {
    case Kind::kScalar:
      PutVarint(text_.size(), out);
      out->append(text_);
      break;
    case Kind::kSequence:
      PutVarint(items_.size(), out);
      for (const auto& item : items_) item.Serialize(out);
      break;
    case Kind::kMap:
      PutVarint(entries_.size(), out);
      for (const auto& [k, v] : entries_) {
        k.Serialize(out);
        v.Serialize(out);
      }
      break;
    case Kind::kUndefined:
    case Kind::kNull:
      break;
  }
}

bool YamlValue::Deserialize(std::string_view data, size_t* at, YamlValue* out) {
  if (*at + 2 > data.size()) return false;
  auto kind = static_cast<uint8_t>(data[(*at)++]);
  if (kind > static_cast<uint8_t>(Kind::kMap)) return false;
  *out = YamlValue();
  out->kind_ = static_cast<Kind>(kind);
  out->quoted_ = data[(*at)++] != 0;
  uint64_t line, column, count;
  if (!GetVarint(data, at, &line) || !GetVarint(data, at, &column)) return false;
  out->mark_.line = static_cast<int>(line) - 1;
  out->mark_.column = static_cast<int>(column) - 1;
  switch (out->kind_) {
    case Kind::kScalar:
      if (!GetVarint(data, at, &count) || count > data.size() - *at) return false;
      out->text_.assign(data.substr(*at, count));
      *at += count;
      return true;
    case Kind::kSequence:
      if (!GetVarint(data, at, &count) || count > data.size() - *at) return false;
      out->items_.resize(count);
      for (auto& item : out->items_)
        if (!Deserialize(data, at, &item)) return false;
      return true;
    case Kind::kMap:
      if (!GetVarint(data, at, &count) || count > data.size() - *at) return false;
      out->entries_.resize(count);
      for (auto& [k, v] : out->entries_)
        if (!Deserialize(data, at, &k) || !Deserialize(data, at, &v)) return false;
      return true;
    case Kind::kUndefined:
    case Kind::kNull:
      return true;
  }
  return false;
}

namespace {

// yaml-cpp shares the node an alias names; copying expands it, so a file of nested aliases
// (a "billion laughs") would expand without end. Past this many values the file is refused.
constexpr size_t kMaxValues = 1'000'000;

bool Convert(const YAML::Node& node, const std::shared_ptr<const std::string>& source,
             size_t* budget, YamlValue* out) {
  if (*budget == 0) return false;
  --*budget;
  YamlMark mark{node.Mark().line, node.Mark().column, source};
  if (node.Mark().is_null()) mark.line = mark.column = -1;
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      *out = YamlValue::Scalar(node.Scalar(), std::move(mark));
      out->set_quoted(node.Tag() == "!");
      return true;
    case YAML::NodeType::Sequence:
      *out = YamlValue::Sequence(std::move(mark));
      for (const auto& item : node) {
        YamlValue v;
        if (!Convert(item, source, budget, &v)) return false;
        out->Append(std::move(v));
      }
      return true;
    case YAML::NodeType::Map: {
      *out = YamlValue::Map(std::move(mark));
      for (const auto& kv : node) {
        YamlValue k, v;
        if (!Convert(kv.first, source, budget, &k) || !Convert(kv.second, source, budget, &v))
          return false;
        out->AddEntry(std::move(k), std::move(v));
      }
      return true;
    }
    case YAML::NodeType::Null:
      *out = YamlValue::Null(std::move(mark));
      return true;
    case YAML::NodeType::Undefined:
      *out = YamlValue();
      return true;
  }
  return false;
}

}  // namespace

bool ParseYaml(const std::string& text, const std::shared_ptr<const std::string>& source,
               YamlValue* out, std::string* error, YamlMark* error_mark) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    *error = e.msg;
    *error_mark = {e.mark.line, e.mark.column, source};
    return false;
  }
  size_t budget = kMaxValues;
  if (!Convert(root, source, &budget, out)) {
    *error = "too many values (more than " + std::to_string(kMaxValues) +
             "; nested aliases?)";
    *error_mark = {0, 0, source};
    return false;
  }
  return true;
}

}  // namespace fulint

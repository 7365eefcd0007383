#pragma once
// A parsed YAML document as plain data: scalars, sequences and mappings (in file order), each
// with the file and position it came from. Rule and config files are parsed with yaml-cpp and
// turned into this; unlike yaml-cpp's nodes it can be written to and read back from a compact
// binary form (rules/yaml_cache.h), which is what makes starting up cheap, and each value knows
// its own file, so an error in a config override names the config, not the rule file.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fulint {

struct YamlMark {
  int line = -1;  // 0-based, -1 when unknown
  int column = -1;
  std::shared_ptr<const std::string> source;  // the file, when known
  bool is_null() const { return line < 0; }
};

class YamlValue {
 public:
  enum class Kind : uint8_t { kUndefined, kNull, kScalar, kSequence, kMap };
  using Entry = std::pair<YamlValue, YamlValue>;

  YamlValue() = default;  // undefined: what a lookup of a missing key gives
  static YamlValue Scalar(std::string text, YamlMark mark = {});
  static YamlValue Sequence(YamlMark mark = {});
  static YamlValue Map(YamlMark mark = {});
  static YamlValue Null(YamlMark mark = {});

  // False for a missing key (like yaml-cpp's IsDefined); a present `key:` with no value is Null.
  explicit operator bool() const { return kind_ != Kind::kUndefined; }
  Kind kind() const { return kind_; }
  bool IsNull() const { return kind_ == Kind::kNull; }
  bool IsScalar() const { return kind_ == Kind::kScalar; }
  bool IsSequence() const { return kind_ == Kind::kSequence; }
  bool IsMap() const { return kind_ == Kind::kMap; }
  const std::string& text() const { return text_; }  // the scalar's text
  bool quoted() const { return quoted_; }             // written in quotes
  void set_quoted(bool q) { quoted_ = q; }
  const YamlMark& Mark() const { return mark_; }

  // The scalar's text, or `fallback` for anything else.
  std::string AsString(const std::string& fallback = "") const;
  // YAML 1.1 booleans as yaml-cpp reads them (true/yes/on, false/no/off and their capitalised
  // forms); false when the value is not one.
  bool AsBool(bool* out) const;
  // A whole number (decimal, or 0x hex); false when the value is not one or out of range.
  bool AsInt(int* out) const;

  const std::vector<YamlValue>& items() const { return items_; }  // a sequence's
  const std::vector<Entry>& entries() const { return entries_; }  // a mapping's, in order
  size_t size() const { return IsMap() ? entries_.size() : items_.size(); }
  // The value of `key` in a mapping, or an undefined value.
  const YamlValue& operator[](std::string_view key) const;

  void Append(YamlValue item) { items_.push_back(std::move(item)); }
  // Appends an entry to a mapping as written (duplicates kept, as yaml-cpp iterates them).
  void AddEntry(YamlValue key, YamlValue value) {
    entries_.emplace_back(std::move(key), std::move(value));
  }
  // Sets `key` (replacing an existing entry in place, else appending).
  void Set(const std::string& key, YamlValue value, YamlMark key_mark = {});

  // Every value of the tree gets `source` as its file.
  void SetSource(const std::shared_ptr<const std::string>& source);

  // The compact binary form (rules/yaml_cache.h); positions are kept, sources are not.
  void Serialize(std::string* out) const;
  // Reads one value written by Serialize from data[*at...]; false on malformed input.
  static bool Deserialize(std::string_view data, size_t* at, YamlValue* out);

 private:
  Kind kind_ = Kind::kUndefined;
  bool quoted_ = false;
  std::string text_;
  YamlMark mark_;
  std::vector<YamlValue> items_;
  std::vector<Entry> entries_;
};

// Parses one YAML document with yaml-cpp. On a syntax error returns false with `error` and
// its position (0-based) in `error_mark`.
bool ParseYaml(const std::string& text, const std::shared_ptr<const std::string>& source,
               YamlValue* out, std::string* error, YamlMark* error_mark);

}  // namespace fulint

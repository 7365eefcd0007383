#include "base/ascii.h"
#include "rules/conditions.h"

#include <algorithm>
#include <cctype>

namespace fulint {
namespace {

bool AddValue(YamlReader& reader, const YamlValue& node, FieldTest* test) {
  std::string v = node.AsString();
  if (v.size() >= 2 && v.front() == '/' && v.back() == '/') {
    auto re = std::make_shared<Regex>();
    std::string error;
    int at = 0;
    if (!re->Compile(v.substr(1, v.size() - 2), true, &error, &at)) {
      reader.Error(node.Mark(), "bad regex in condition: " + error);
      return false;
    }
    test->patterns.push_back(std::move(re));
  } else {
    test->values.push_back(v);
  }
  return true;
}

bool ReadGroup(YamlReader& reader, const YamlValue& map, std::vector<FieldTest>* out) {
  if (!map.IsMap()) {
    reader.Error(map.Mark(), "a condition maps metadata fields to a value or a list of values");
    return false;
  }
  for (const auto& kv : map.entries()) {
    FieldTest test{kv.first.AsString(), {}, {}};
    if (kv.second.IsSequence()) {
      for (const auto& v : kv.second.items())
        if (!AddValue(reader, v, &test)) return false;
    } else if (!AddValue(reader, kv.second, &test)) {
      return false;
    }
    out->push_back(std::move(test));
  }
  return true;
}

}  // namespace

bool FieldTest::Matches(const Document& doc) const {
  const Field* f = doc.Metadata(field);
  if (!f) return false;
  for (const auto& v : values)
    if (EqualsIgnoreCaseAscii(v, f->value)) return true;
  for (const auto& re : patterns)
    if (re->Search(f->value, {0, static_cast<uint32_t>(f->value.size())})) return true;
  return false;
}

bool ReadConditions(YamlReader& reader, const std::string& key, Conditions* out) {
  const YamlValue& n = reader.Get(key);
  if (!n) return true;
  if (n.IsSequence()) {
    for (const auto& item : n.items()) {
      out->groups.emplace_back();
      if (!ReadGroup(reader, item, &out->groups.back())) return false;
    }
    return true;
  }
  out->groups.emplace_back();
  return ReadGroup(reader, n, &out->groups.back());
}

bool WhenHolds(const Conditions& when, const Document& doc) {
  if (when.empty()) return true;
  return std::any_of(when.groups.begin(), when.groups.end(), [&](const auto& group) {
    return std::all_of(group.begin(), group.end(),
                       [&](const FieldTest& t) { return t.Matches(doc); });
  });
}

bool UnlessHolds(const Conditions& unless, const Document& doc) {
  for (const auto& group : unless.groups)
    for (const auto& t : group)
      if (t.Matches(doc)) return true;
  return false;
}

}  // namespace fulint

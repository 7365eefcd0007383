#pragma once
// When a rule applies, from the draft's own metadata (front matter fields or e-mail headers):
//   when: {kind: update}                       all of these fields match
//   when: [{kind: update}, {subject: /update/}] any of these groups matches
//   unless: {medium: handwritten}             skipped when any field (or group) matches
// A value written /like this/ is a case-insensitive regex searched in the field; other values
// must equal the field, ignoring case. A list of values matches any of them.
#include <memory>
#include <string>
#include <vector>

#include "parse/document.h"
#include "rules/regex.h"
#include "rules/yaml_reader.h"

namespace fulint {

struct FieldTest {
  std::string field;
  std::vector<std::string> values;                // exact values
  std::vector<std::shared_ptr<Regex>> patterns;   // /regex/ values
  bool Matches(const Document& doc) const;
};

// Groups of field tests. For `when`, a rule runs if any group has all tests matching; for
// `unless`, a rule is skipped if any group has any test matching (a single mapping is one
// group either way).
struct Conditions {
  std::vector<std::vector<FieldTest>> groups;
  bool empty() const { return groups.empty(); }
};

bool ReadConditions(YamlReader& reader, const std::string& key, Conditions* out);
bool WhenHolds(const Conditions& when, const Document& doc);
bool UnlessHolds(const Conditions& unless, const Document& doc);

}  // namespace fulint

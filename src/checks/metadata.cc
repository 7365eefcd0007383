#include "checks/metadata.h"

#include <algorithm>
#include <cctype>

namespace fulint {
namespace {

std::string Normalize(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isspace(u) || c == '-' || c == '_') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(std::tolower(u)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

class Metadata : public Check {
 public:
  std::string field;
  std::vector<std::string> values;  // normalized: lower case, one space for - _ and runs

  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    const Field* f = ctx.doc().Metadata(field);
    if (!f) return;
    std::string value = Normalize(f->value);
    if (std::find(values.begin(), values.end(), value) == values.end()) return;
    out->push_back({f->range, {f->value, field}, {}, ""});
  }
};

}  // namespace

std::unique_ptr<Check> LoadMetadata(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<Metadata>();
  std::vector<std::string> values;
  if (!reader.String("field", &check->field) ||
      !ReadTokenList(reader, rule_dir, "values", "values_file", &values))
    return nullptr;
  if (check->field.empty() || values.empty()) {
    reader.Error(reader.root().Mark(), "a metadata rule needs 'field' and 'values' or 'values_file'");
    return nullptr;
  }
  for (const auto& v : values) check->values.push_back(Normalize(v));
  return check;
}

}  // namespace fulint

#include "checks/existence.h"

#include "rules/token_matcher.h"

namespace fulint {
namespace {

class Existence : public Check {
 public:
  TokenMatcher matcher;
  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    std::string_view text = ctx.view();
    for (const Range& unit : units) {
      for (const auto& m : matcher.FindAll(text, unit)) {
        out->push_back({m.range, {ctx.doc().text().substr(m.range.begin, m.range.size())}, {}, ""});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> LoadExistence(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<Existence>();
  std::vector<std::string> tokens, raw, exceptions;
  bool ignore_case = false, nonword = false;
  if (!ReadTokenList(reader, rule_dir, "tokens", "tokens_file", &tokens) ||
      !reader.Strings("raw", &raw) || !reader.Strings("exceptions", &exceptions) ||
      !reader.Bool("ignorecase", &ignore_case) || !reader.Bool("nonword", &nonword))
    return nullptr;
  if (tokens.empty() && raw.empty()) {
    reader.Error(reader.root().Mark(), "an existence rule needs 'tokens', 'tokens_file' or 'raw'");
    return nullptr;
  }
  if (!check->matcher.Build(tokens, raw, exceptions, ignore_case, nonword, reader, "tokens"))
    return nullptr;
  return check;
}

}  // namespace fulint

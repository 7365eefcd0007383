#include "checks/occurrence.h"

#include "rules/token_matcher.h"

namespace fulint {
namespace {

class Occurrence : public Check {
 public:
  TokenMatcher matcher;
  std::string unit;  // empty when counting tokens
  int max = -1, min = -1;

  void AddScanTargets(ScanTargets* out) const override { matcher.AddScanTargets(out); }

  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    for (const Range& scope : units) {
      std::vector<Range> matched;
      std::span<const Range> items;
      if (unit.empty()) {
        for (const auto& m : matcher.FindAll(ctx.view(), scope, ctx.regex_error(),
                                             ctx.phrase_scans(), ctx.regex_scans()))
          matched.push_back(m.range);
        items = matched;
      } else {
        items = ctx.scopes().Units(unit, scope);
      }
      int count = static_cast<int>(items.size());
      if (max >= 0 && count > max) {
        // Point at the first item past the limit: where the excess starts.
        out->push_back({items[max], {std::to_string(count), std::to_string(max)}, {}, ""});
      } else if (min >= 0 && count < min) {
        out->push_back(
            {{scope.begin, scope.begin}, {std::to_string(count), std::to_string(min)}, {}, ""});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> LoadOccurrence(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<Occurrence>();
  std::string token;
  std::vector<std::string> tokens;  // a word list (fulint's addition): counted as phrases
  bool ignore_case = false;
  if (!reader.String("token", &token) || !reader.String("unit", &check->unit) ||
      !reader.Int("max", &check->max) || !reader.Int("min", &check->min) ||
      !reader.Bool("ignorecase", &ignore_case) ||
      !ReadTokenList(reader, rule_dir, "tokens", "tokens_file", &tokens))
    return nullptr;
  int kinds = !token.empty() + !tokens.empty() + !check->unit.empty();
  if (kinds != 1) {
    reader.Error(reader.root().Mark(),
                 "an occurrence rule needs exactly one of 'token', 'tokens' (or 'tokens_file') "
                 "or 'unit'");
    return nullptr;
  }
  static const std::vector<std::string> kUnits = {"heading",   "line",     "list",
                                                  "paragraph", "sentence", "word"};
  if (!check->unit.empty() &&
      std::find(kUnits.begin(), kUnits.end(), check->unit) == kUnits.end()) {
    std::string hint = DidYouMean(check->unit, kUnits);
    reader.Error("unit", "unknown unit '" + check->unit + "'" +
                             (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    return nullptr;
  }
  if (check->max < 0 && check->min < 0) {
    reader.Error(reader.root().Mark(), "an occurrence rule needs 'max' or 'min'");
    return nullptr;
  }
  if (!token.empty() &&
      !check->matcher.Build({}, {token}, {}, ignore_case, true, reader, "token", "token"))
    return nullptr;
  // Whole words and phrases, as existence's `tokens` (literal ones go into the phrase lists
  // every rule shares one scan of).
  if (!tokens.empty() &&
      !check->matcher.Build(tokens, {}, {}, ignore_case, false, reader, "tokens"))
    return nullptr;
  return check;
}

}  // namespace fulint

#include "checks/substitution.h"

#include <cctype>

#include "checks/existence.h"
#include "rules/token_matcher.h"

namespace fulint {
namespace {

// Keeps a capital first letter of the matched text in the replacement ("Utilize" -> "Use").
std::string MatchCase(std::string_view matched, std::string replacement) {
  if (!matched.empty() && !replacement.empty() &&
      std::isupper(static_cast<unsigned char>(matched[0])))
    replacement[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(replacement[0])));
  return replacement;
}

class Substitution : public Check {
 public:
  TokenMatcher matcher;
  std::vector<std::string> replacements;  // by token index
  // By token index: the swap is a safe fix, for --fix. It is not when its replacement would
  // match the rule again ("Dr" -> "Dr."), so a second --fix run would change it again.
  std::vector<bool> safe;

  void AddScanTargets(ScanTargets* out) const override { matcher.AddScanTargets(out); }

  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    for (const Range& unit : units) {
      for (const auto& m : matcher.FindAll(ctx.view(), unit, ctx.regex_error(), ctx.phrase_scans(),
                                           ctx.regex_scans())) {
        if (m.token < 0) continue;
        std::string matched(ctx.doc().Slice(m.range));
        std::string replacement = MatchCase(matched, replacements[m.token]);
        if (replacement == matched) continue;
        bool safe_here = safe[m.token] && IsUnmaskedMatch(ctx.doc(), m.range);
        Fix fix{"Replace with '" + replacement + "'", {{m.range, replacement}}, safe_here};
        out->push_back({m.range, {replacement, matched}, {fix}, ""});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> LoadSubstitution(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<Substitution>();
  std::vector<std::pair<std::string, std::string>> swap;
  std::vector<std::string> exceptions;
  bool ignore_case = false, nonword = false;
  if (!reader.StringPairs("swap", &swap) || !reader.Strings("exceptions", &exceptions) ||
      !reader.Bool("ignorecase", &ignore_case) || !reader.Bool("nonword", &nonword))
    return nullptr;
  if (swap.empty()) {
    reader.Error(reader.root().Mark(), "a substitution rule needs a non-empty 'swap' mapping");
    return nullptr;
  }
  std::vector<std::string> tokens;
  for (auto& [from, to] : swap) {
    tokens.push_back(from);
    check->replacements.push_back(to);
  }
  if (!check->matcher.Build(tokens, {}, exceptions, ignore_case, nonword, reader, "swap"))
    return nullptr;
  for (const auto& to : check->replacements) {
    Range all{0, static_cast<uint32_t>(to.size())};
    check->safe.push_back(check->matcher.FindAll(to, all).empty());
  }
  return check;
}

}  // namespace fulint

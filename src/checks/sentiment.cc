#include "checks/sentiment.h"

#include <cctype>

#include "rules/token_matcher.h"

namespace fulint {
namespace {

bool ClauseBreak(char c) { return c == '.' || c == ';' || c == '!' || c == '?' || c == ':'; }

class Sentiment : public Check {
 public:
  TokenMatcher negative, neutral, negators;
  int window = 3;

  // True when a negator ends within `window` words before `at`, in the same clause.
  void AddScanTargets(ScanTargets* out) const override {
    negative.AddScanTargets(out);
    neutral.AddScanTargets(out);
    negators.AddScanTargets(out);
  }

  bool Negated(std::string_view text, Range unit, uint32_t at, LintContext& ctx) const {
    uint32_t begin = at;
    int words = 0;
    bool in_word = false;
    while (begin > unit.begin) {
      char c = text[begin - 1];
      if (ClauseBreak(c)) break;
      bool word_char = std::isalnum(static_cast<unsigned char>(c)) || c == '\'' ||
                       static_cast<unsigned char>(c) >= 0x80;
      if (word_char && !in_word && ++words > window) break;
      in_word = word_char;
      --begin;
    }
    return negators.Any(text, {begin, at}, ctx.regex_error(), ctx.phrase_scans(),
                        ctx.regex_scans());
  }

  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    std::string_view text = ctx.view();
    for (const Range& unit : units) {
      auto neutral_spans =
          neutral.FindAll(text, unit, ctx.regex_error(), ctx.phrase_scans(), ctx.regex_scans());
      for (const auto& m :
           negative.FindAll(text, unit, ctx.regex_error(), ctx.phrase_scans(), ctx.regex_scans())) {
        bool inside_neutral = false;
        for (const auto& n : neutral_spans)
          inside_neutral |= n.range.begin <= m.range.begin && m.range.end <= n.range.end;
        if (inside_neutral || Negated(text, unit, m.range.begin, ctx)) continue;
        out->push_back({m.range, {std::string(ctx.doc().Slice(m.range))}, {}, ""});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> LoadSentiment(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<Sentiment>();
  std::vector<std::string> tokens, neutral, negators;
  std::vector<std::string> raw;
  if (!ReadTokenList(reader, rule_dir, "tokens", "tokens_file", &tokens) ||
      !ReadTokenList(reader, rule_dir, "neutral", "neutral_file", &neutral) ||
      !reader.Strings("negators", &negators) || !reader.Strings("raw", &raw) ||
      !reader.Int("window", &check->window))
    return nullptr;
  if (tokens.empty() && raw.empty()) {
    reader.Error(reader.root().Mark(), "a sentiment rule needs 'tokens', 'tokens_file' or 'raw'");
    return nullptr;
  }
  if (!check->negative.Build(tokens, raw, {}, true, false, reader, "tokens") ||
      !check->neutral.Build(neutral, {}, {}, true, false, reader, "neutral") ||
      !check->negators.Build(negators, {}, {}, true, false, reader, "negators"))
    return nullptr;
  return check;
}

}  // namespace fulint

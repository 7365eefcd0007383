#include "checks/require.h"

#include <algorithm>

#include "rules/token_matcher.h"

namespace fulint {
namespace {

class Require : public Check {
 public:
  TokenMatcher wanted, ignored;
  std::string missing;

  void AddScanTargets(ScanTargets* out) const override {
    wanted.AddScanTargets(out);
    ignored.AddScanTargets(out);
  }

  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    const Document& doc = ctx.doc();
    // An empty section ("Subject:" with nothing after it) counts as absent.
    std::vector<Range> present;
    for (const Range& u : units)
      if (!u.empty()) present.push_back(u);
    if (present.empty()) {
      if (!missing.empty()) {
        uint32_t at = doc.note.begin;
        out->push_back({{at, at}, {""}, {}, missing});
      }
      return;
    }
    // With ignored phrases, one copy of the text (same offsets) is blanked unit by unit and
    // restored after each: a copy per unit was quadratic in a long file of paragraphs. It
    // ends after the last unit and the code point after it (where a phrase's word end is
    // checked): a copy of the whole text, for a rule scoped to the subject, was 10 MB of a
    // 10 MB file's peak memory.
    std::string blanked;
    if (!ignored.empty()) {
      size_t last = 0;
      for (const Range& u : present) last = std::max<size_t>(last, u.end);
      blanked = std::string(ctx.view().substr(0, std::min(ctx.view().size(), last + 4)));
    }
    for (const Range& unit : present) {
      std::string_view text = ctx.view();
      std::vector<Range> hidden;
      if (!ignored.empty()) {
        for (const auto& m : ignored.FindAll(ctx.view(), unit, ctx.regex_error(),
                                             ctx.phrase_scans(), ctx.regex_scans())) {
          for (uint32_t i = m.range.begin; i < m.range.end; ++i) blanked[i] = ' ';
          hidden.push_back(m.range);
        }
        text = blanked;
      }
      if (!wanted.Any(text, unit, ctx.regex_error(), ctx.phrase_scans(), ctx.regex_scans()))
        out->push_back({unit, {std::string(doc.Slice(unit))}, {}, ""});
      for (const Range& h : hidden)
        blanked.replace(h.begin, h.size(), ctx.view().substr(h.begin, h.size()));
    }
  }
};

}  // namespace

std::unique_ptr<Check> LoadRequire(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<Require>();
  std::vector<std::string> tokens, raw, ignore;
  bool ignore_case = false, nonword = false;
  if (!ReadTokenList(reader, rule_dir, "tokens", "tokens_file", &tokens) ||
      !ReadTokenList(reader, rule_dir, "ignore", "ignore_file", &ignore) ||
      !reader.Strings("raw", &raw) || !reader.Bool("ignorecase", &ignore_case) ||
      !reader.Bool("nonword", &nonword) || !reader.String("missing", &check->missing))
    return nullptr;
  if (tokens.empty() && raw.empty()) {
    reader.Error(reader.root().Mark(), "a require rule needs 'tokens', 'tokens_file' or 'raw'");
    return nullptr;
  }
  if (!check->wanted.Build(tokens, raw, {}, ignore_case, nonword, reader, "tokens")) return nullptr;
  // Ignored phrases are matched without regard to case: they are the generic words.
  if (!ignore.empty() && !check->ignored.Build(ignore, {}, {}, true, false, reader, "ignore"))
    return nullptr;
  return check;
}

}  // namespace fulint

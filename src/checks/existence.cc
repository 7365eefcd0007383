#include "checks/existence.h"

#include "rules/token_matcher.h"

namespace fulint {
namespace {

// Expands "$1".."$9", "$0" and "$$" in `pattern` for one match; false when it names a group
// the match does not have (a phrase token has none), and then the match gets no fix.
bool Expand(const std::string& pattern, const Document& doc, const TokenMatch& m,
            std::string* out) {
  out->clear();
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '$' || i + 1 == pattern.size()) {
      *out += pattern[i];
      continue;
    }
    char c = pattern[++i];
    if (c == '$') {
      *out += '$';
    } else if (c == '0') {
      *out += doc.Slice(m.range);
    } else {
      size_t g = static_cast<size_t>(c - '1');
      if (g >= m.groups.size()) return false;
      *out += doc.Slice(m.groups[g]);
    }
  }
  return true;
}

class Existence : public Check {
 public:
  TokenMatcher matcher;
  bool has_fix = false, fix_safe = false;
  std::string fix_replace;

  void AddScanTargets(ScanTargets* out) const override { matcher.AddScanTargets(out); }

  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    std::string_view text = ctx.view();
    const Document& doc = ctx.doc();
    for (const Range& unit : units) {
      for (const auto& m :
           matcher.FindAll(text, unit, ctx.regex_error(), ctx.phrase_scans(), ctx.regex_scans())) {
        std::string matched(doc.Slice(m.range));
        std::vector<Fix> fixes;
        std::string replacement;
        if (has_fix && Expand(fix_replace, doc, m, &replacement) && replacement != matched) {
          std::string title = replacement.empty() ? "Delete '" + matched + "'"
                                                  : "Replace with '" + replacement + "'";
          fixes.push_back(
              {title, {{m.range, replacement}}, fix_safe && IsUnmaskedMatch(doc, m.range)});
        }
        out->push_back({m.range, {matched}, std::move(fixes), ""});
      }
    }
  }
};

// Reads `fix: {replace: TEXT, safe: BOOL}`; false after reporting an error.
bool ReadFix(YamlReader& reader, bool has_raw, Existence* check) {
  const YamlValue& node = reader.Get("fix");
  if (!node) return true;
  if (!node.IsMap()) {
    reader.Error(node.Mark(), "'fix' must be a mapping such as {replace: \"$1\", safe: true}");
    return false;
  }
  bool ok = true;
  for (const auto& kv : node.entries()) {
    std::string key = kv.first.IsScalar() ? kv.first.text() : "?";
    if (key == "replace" && kv.second.IsScalar()) {
      check->fix_replace = kv.second.text();
      check->has_fix = true;
    } else if (key == "safe" && kv.second.IsScalar()) {
      if (!kv.second.AsBool(&check->fix_safe)) {
        reader.Error(kv.second.Mark(), "'fix.safe' must be true or false");
        ok = false;
      }
    } else if (key == "replace" || key == "safe") {
      reader.Error(kv.second.Mark(), "'fix." + key + "' must be a scalar");
      ok = false;
    } else {
      std::string hint = DidYouMean(key, {"replace", "safe"});
      reader.Error(kv.first.Mark(), "unknown key 'fix." + key + "'" +
                                        (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
      ok = false;
    }
  }
  if (ok && !check->has_fix) {
    reader.Error(node.Mark(), "'fix' needs a 'replace' text");
    return false;
  }
  const std::string& r = check->fix_replace;
  for (size_t i = 0; ok && i < r.size(); ++i) {
    if (r[i] != '$') continue;
    char c = i + 1 < r.size() ? r[i + 1] : '\0';
    if (c == '$' || c == '0') {
      ++i;
    } else if (c >= '1' && c <= '9') {
      ++i;
      if (!has_raw) {
        reader.Error(node.Mark(), std::string("'fix.replace' uses $") + c +
                                      " but the rule has no 'raw' pattern with groups");
        ok = false;
      }
    } else {
      reader.Error(node.Mark(),
                   "'fix.replace' has a '$' not followed by 0-9 or '$' (write $$ "
                   "for a dollar sign)");
      ok = false;
    }
  }
  return ok;
}

}  // namespace

bool IsUnmaskedMatch(const Document& doc, Range r) {
  size_t begin = r.begin > 0 ? r.begin - 1 : 0;
  size_t end = std::min<size_t>(r.end + 1, doc.text().size());
  if (doc.lintable.size() != doc.text().size()) return false;
  return doc.lintable.compare(begin, end - begin, doc.text(), begin, end - begin) == 0;
}

std::unique_ptr<Check> LoadExistence(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<Existence>();
  std::vector<std::string> tokens, raw, exceptions;
  bool ignore_case = false, nonword = false;
  if (!ReadTokenList(reader, rule_dir, "tokens", "tokens_file", &tokens) ||
      !reader.Strings("raw", &raw) || !reader.Strings("exceptions", &exceptions) ||
      !reader.Bool("ignorecase", &ignore_case) || !reader.Bool("nonword", &nonword) ||
      !ReadFix(reader, !raw.empty(), check.get()))
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

#include "rules/token_matcher.h"

#include <algorithm>
#include <cctype>

namespace fulint {
namespace {

std::string FoldAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool IsLiteralToken(const std::string& token) {
  if (token.empty()) return false;
  for (unsigned char c : token) {
    if (c >= 0x80 || std::isalnum(c)) continue;
    if (c == ' ' || c == '\'' || c == '-' || c == ',' || c == '&' || c == '/' || c == '"') continue;
    return false;
  }
  return true;
}

bool TokenMatcher::Build(const std::vector<std::string>& tokens,
                         const std::vector<std::string>& raw,
                         const std::vector<std::string>& exceptions, bool ignore_case,
                         bool nonword, YamlReader& reader, const std::string& key) {
  ignore_case_ = ignore_case;
  phrases_ = PhraseMatcher(ignore_case);
  bool ok = true;
  auto compile = [&](const std::string& pattern, int token, const std::string& what) {
    CompiledRegex c{Regex(), token};
    std::string error;
    int at = 0;
    if (!c.re.Compile(pattern, ignore_case, &error, &at)) {
      reader.Error(key, "bad regex in " + what + " '" + pattern + "' at offset " +
                            std::to_string(at) + ": " + error);
      ok = false;
      return;
    }
    regexes_.push_back(std::move(c));
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!nonword && IsLiteralToken(tokens[i])) {
      phrases_.Add(tokens[i], static_cast<int>(i));
    } else {
      std::string p = nonword ? tokens[i] : "\\b(?:" + tokens[i] + ")\\b";
      compile(p, static_cast<int>(i), "token");
    }
  }
  phrases_.Build();
  if (!raw.empty()) {
    std::string joined;
    for (const auto& r : raw) joined += r;  // Vale concatenates `raw` entries
    compile(joined, -1, "raw");
  }
  for (const auto& e : exceptions) exceptions_.push_back(ignore_case ? FoldAscii(e) : e);
  return ok;
}

bool TokenMatcher::IsException(std::string_view matched) const {
  if (exceptions_.empty()) return false;
  std::string m = ignore_case_ ? FoldAscii(matched) : std::string(matched);
  return std::find(exceptions_.begin(), exceptions_.end(), m) != exceptions_.end();
}

std::vector<TokenMatch> TokenMatcher::FindAll(std::string_view text, Range within,
                                              std::string* error) const {
  std::vector<TokenMatch> found;
  for (const auto& m : phrases_.FindAll(text, within)) found.push_back({m.range, m.id});
  for (const auto& r : regexes_) {
    r.re.ForEach(
        text, within,
        [&](Range whole, const std::vector<Range>&) {
          if (!whole.empty()) found.push_back({whole, r.token});
        },
        error);
  }
  std::sort(found.begin(), found.end(), [](const TokenMatch& a, const TokenMatch& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin
                                          : a.range.end > b.range.end;
  });
  std::vector<TokenMatch> out;
  for (const auto& m : found) {
    if (!out.empty() && m.range.begin < out.back().range.end) continue;
    if (IsException(text.substr(m.range.begin, m.range.size()))) continue;
    out.push_back(m);
  }
  return out;
}

}  // namespace fulint

#include "base/ascii.h"
#include "rules/token_matcher.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace fulint {
namespace {

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

namespace {

// Boost appends the whole pattern with a ">>>HERE>>>" marker; the position is reported
// separately, so keep only the first sentence.
std::string ShortRegexError(const std::string& what) {
  auto cut = what.find(".  ");
  return cut == std::string::npos ? what : what.substr(0, cut);
}

// Where pattern offset `at` of entry `index` of `key` sits in the rule file.
YamlMark EntryMark(YamlReader& reader, const std::string& key, size_t index, int at) {
  const YamlValue& n = reader.Get(key);
  const YamlValue& entry = n && n.IsSequence() && index < n.size() ? n.items()[index] : n;
  if (!entry) return reader.root().Mark();
  YamlMark mark = entry.Mark();
  bool quoted = entry.IsScalar() && entry.quoted();
  // Exact for plain and quoted one-line scalars without escapes, the usual case.
  mark.column += at + (quoted ? 1 : 0);
  return mark;
}

}  // namespace

bool TokenMatcher::Build(const std::vector<std::string>& tokens,
                         const std::vector<std::string>& raw,
                         const std::vector<std::string>& exceptions, bool ignore_case,
                         bool nonword, YamlReader& reader, const std::string& tokens_key,
                         const std::string& raw_key) {
  ignore_case_ = ignore_case;
  phrases_ = PhraseMatcher(ignore_case);
  bool ok = true;
  // `entry_of(at)` gives the list entry and the offset inside it for a pattern offset.
  auto compile = [&](const std::string& pattern, int token, const std::string& entry_key,
                     const std::function<std::pair<size_t, int>(int)>& entry_of) {
    CompiledRegex c{Regex(), token};
    std::string error;
    int at = 0;
    if (!c.re.Compile(pattern, ignore_case, &error, &at)) {
      auto [index, offset] = entry_of(at);
      reader.Error(EntryMark(reader, entry_key, index, offset),
                   "bad regex in rule " + reader.rule_id() + ": " + ShortRegexError(error) +
                       " (at character " + std::to_string(offset + 1) + " of the pattern)");
      ok = false;
      return;
    }
    regexes_.push_back(std::move(c));
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!nonword && IsLiteralToken(tokens[i])) {
      phrases_.Add(tokens[i], static_cast<int>(i));
    } else {
      std::string prefix = nonword ? "" : "\\b(?:";
      std::string p = nonword ? tokens[i] : prefix + tokens[i] + ")\\b";
      int shift = static_cast<int>(prefix.size());
      compile(p, static_cast<int>(i), tokens_key, [&](int at) {
        return std::make_pair(i, std::clamp(at - shift, 0, static_cast<int>(tokens[i].size())));
      });
    }
  }
  phrases_.Build();
  if (!raw.empty()) {
    std::string joined;
    std::vector<int> starts;
    for (const auto& r : raw) {  // Vale concatenates `raw` entries
      starts.push_back(static_cast<int>(joined.size()));
      joined += r;
    }
    compile(joined, -1, raw_key, [&](int at) {
      size_t i = std::upper_bound(starts.begin(), starts.end(), at) - starts.begin() - 1;
      return std::make_pair(i, at - starts[i]);
    });
  }
  for (const auto& e : exceptions) exceptions_.push_back(ignore_case ? LowerAscii(e) : e);
  return ok;
}

bool TokenMatcher::IsException(std::string_view matched) const {
  if (exceptions_.empty()) return false;
  std::string m = ignore_case_ ? LowerAscii(matched) : std::string(matched);
  return std::find(exceptions_.begin(), exceptions_.end(), m) != exceptions_.end();
}

std::vector<TokenMatch> TokenMatcher::FindAll(std::string_view text, Range within,
                                              std::string* error, PhraseScans* scans,
                                              RegexScans* regex_scans) const {
  std::vector<TokenMatch> found;
  if (!phrases_.empty())
    for (const auto& m :
         scans ? scans->FindAll(phrases_, text, within) : phrases_.FindAll(text, within))
      found.push_back({m.range, m.id});
  for (const auto& r : regexes_) {
    // After one regex gave up, none runs again for this caller: its time stays bounded.
    if (error && !error->empty()) break;
    std::string failure;
    r.re.ForEachUntil(
        text, within,
        [&](Range whole, const std::vector<Range>& groups) {
          if (!whole.empty()) found.push_back({whole, r.token, groups});
          return true;
        },
        &failure, regex_scans ? regex_scans->Hits(r.re, text) : nullptr);
    if (error && !failure.empty()) *error = ShortRegexError(failure);
  }
  std::sort(found.begin(), found.end(), [](const TokenMatch& a, const TokenMatch& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin
                                          : a.range.end > b.range.end;
  });
  // Kept in place: a second vector was a third of this function's allocations.
  size_t kept = 0;
  for (size_t k = 0; k < found.size(); ++k) {
    const TokenMatch& m = found[k];
    if (kept > 0 && m.range.begin < found[kept - 1].range.end) continue;
    if (IsException(text.substr(m.range.begin, m.range.size()))) continue;
    if (kept != k) found[kept] = std::move(found[k]);
    ++kept;
  }
  found.resize(kept);
  return found;
}

bool TokenMatcher::Any(std::string_view text, Range within, std::string* error,
                       PhraseScans* scans, RegexScans* regex_scans) const {
  if (!phrases_.empty())
    for (const auto& m :
         scans ? scans->FindAll(phrases_, text, within) : phrases_.FindAll(text, within))
      if (!IsException(text.substr(m.range.begin, m.range.size()))) return true;
  for (const auto& r : regexes_) {
    if (error && !error->empty()) break;
    std::string failure;
    bool found = false;
    r.re.ForEachUntil(
        text, within,
        [&](Range whole, const std::vector<Range>&) {
          found = !whole.empty() && !IsException(text.substr(whole.begin, whole.size()));
          return !found;
        },
        &failure, regex_scans ? regex_scans->Hits(r.re, text) : nullptr);
    if (found) return true;
    if (error && !failure.empty()) *error = ShortRegexError(failure);
  }
  return false;
}

}  // namespace fulint

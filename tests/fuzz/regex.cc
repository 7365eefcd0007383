// Fuzz target: a regex pattern through the prefilter's reader (regex_prefilter.h), and, when
// PCRE2 accepts it, its matches with and without the prefilter over texts long and short
// enough for both ways of searching: any difference aborts. The input is the pattern, then
// optionally a NUL and a text of the fuzzer's own to match against as well.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "rules/regex.h"
#include "rules/regex_prefilter.h"

namespace {

std::vector<std::pair<fulint::Range, std::vector<fulint::Range>>> Matches(
    const fulint::Regex& re, const std::string& text) {
  std::vector<std::pair<fulint::Range, std::vector<fulint::Range>>> out;
  std::string error;
  re.ForEach(
      text, {0, static_cast<uint32_t>(text.size())},
      [&](fulint::Range whole, const std::vector<fulint::Range>& groups) {
        out.push_back({whole, groups});
      },
      &error);
  return out;
}

bool Same(const std::vector<std::pair<fulint::Range, std::vector<fulint::Range>>>& a,
          const std::vector<std::pair<fulint::Range, std::vector<fulint::Range>>>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].first.begin != b[i].first.begin || a[i].first.end != b[i].first.end) return false;
    if (a[i].second.size() != b[i].second.size()) return false;
    for (size_t g = 0; g < a[i].second.size(); ++g)
      if (a[i].second[g].begin != b[i].second[g].begin || a[i].second[g].end != b[i].second[g].end)
        return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  size_t nul = input.find('\0');
  std::string pattern = input.substr(0, nul);
  std::string own = nul == std::string::npos ? "" : input.substr(nul + 1);
  if (pattern.size() > 512) return 0;
  (void)fulint::AnalyzeRegex(pattern, true);
  (void)fulint::AnalyzeRegex(pattern, false);
  // Only patterns PCRE2 takes have a prefilter; the others go to Boost.Regex, whose own
  // parser the rule_yaml target reaches.
  int code_error = 0;
  PCRE2_SIZE code_at = 0;
  pcre2_code* probe = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                    PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE | PCRE2_MATCH_INVALID_UTF,
                                    &code_error, &code_at, nullptr);
  if (!probe) return 0;
  pcre2_code_free(probe);
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {  // escapes regex.cc sends to Boost
    if (pattern[i] != '\\') continue;
    char next = pattern[++i];
    if (next == '<' || next == '>' || next == '`' || next == '\'') return 0;
  }
  static const std::string kDraft =
      "Subject: Thank you, Dr. Lee\n\nDear Dr. Lee,\n\nI will rank you first. It is my top "
      "choice, really truly so so. Where I stand on your rank list? ran\xE2\x84\xAA me "
      "the the clinic (555) 123-4567 a@b.example [Name] caf\xC3\xA9 \xF0\x9F\x98\x80.\n\n"
      "Best,\nAna Ruiz\n";
  std::string long_text;
  while (long_text.size() < 6000) long_text += kDraft;
  for (bool ignore_case : {true, false}) {
    fulint::Regex fast, full;
    std::string error;
    int at = 0;
    if (!fast.Compile(pattern, ignore_case, &error, &at, true)) continue;
    full.Compile(pattern, ignore_case, &error, &at, false);
    for (const std::string* text : {static_cast<const std::string*>(&long_text), &kDraft,
                                    static_cast<const std::string*>(&own)})
      if (!Same(Matches(fast, *text), Matches(full, *text))) std::abort();
  }
  return 0;
}

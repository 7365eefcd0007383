#include "parse/links.h"

#include <array>
#include <cctype>
#include <string_view>

namespace fulint {
namespace {

bool IsLocalChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-';
}
bool IsDomainChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
}
bool IsUrlChar(char c) {
  return !std::isspace(static_cast<unsigned char>(c)) && c != '<' && c != '>' && c != '"' &&
         c != ')' && c != ']';
}

// Trailing punctuation after a URL belongs to the sentence, not the URL.
uint32_t TrimUrlEnd(const std::string& t, uint32_t b, uint32_t e) {
  while (e > b && std::string_view(".,;:!?'").find(t[e - 1]) != std::string_view::npos) --e;
  return e;
}

bool StartsUrl(const std::string& t, uint32_t i) {
  std::string_view s(t.data() + i, t.size() - i);
  if (i > 0 && std::isalnum(static_cast<unsigned char>(t[i - 1]))) return false;
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") ||
         s.starts_with("mailto:") || s.starts_with("ftp://");
}

}  // namespace

void MaskLinks(Document* doc, Range within) {
  // Scan the decoded text, not `lintable`: the Markdown parser may have masked autolinks
  // already, and rules still need to know they are there.
  const std::string& t = doc->decoded.text;
  // Only a URL's first letter or an address's '@' starts anything: other bytes are passed
  // over with one table lookup each (testing every position for five prefixes was a tenth of
  // a long file's parse).
  static constexpr auto kStarts = [] {
    std::array<bool, 256> a{};
    for (unsigned char c : {'h', 'w', 'm', 'f', '@'}) a[c] = true;
    return a;
  }();
  uint32_t i = within.begin;
  while (i < within.end) {
    while (i < within.end && !kStarts[static_cast<unsigned char>(t[i])]) ++i;
    if (i >= within.end) break;
    if (StartsUrl(t, i)) {
      uint32_t e = i;
      while (e < within.end && IsUrlChar(t[e])) ++e;
      e = TrimUrlEnd(t, i, e);
      doc->urls.push_back({i, e});
      Mask(doc, {i, e});
      i = e;
      continue;
    }
    if (t[i] == '@' && i > within.begin) {
      uint32_t b = i;
      while (b > within.begin && IsLocalChar(t[b - 1])) --b;
      uint32_t e = i + 1;
      bool dot = false;
      while (e < within.end && IsDomainChar(t[e])) dot |= t[e++] == '.';
      e = TrimUrlEnd(t, i, e);
      if (b < i && e > i + 1 && dot && t[e - 1] != '.') {
        doc->emails.push_back({b, e});
        Mask(doc, {b, e});
        i = e;
        continue;
      }
    }
    ++i;
  }
}

}  // namespace fulint

#include "parse/links.h"

#include <algorithm>
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
  // Where a link starts: a URL's first letter or an address's '@'. Returns the end of the
  // link masked there, or 0 when none starts at i.
  auto link_at = [&](uint32_t i) -> uint32_t {
    if (StartsUrl(t, i)) {
      uint32_t e = i;
      while (e < within.end && IsUrlChar(t[e])) ++e;
      e = TrimUrlEnd(t, i, e);
      doc->urls.push_back({i, e});
      Mask(doc, {i, e});
      return e;
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
        return e;
      }
    }
    return 0;
  };
  // Every link has a trigger byte at most six bytes after its start: the ':' of "http:",
  // "https:", "ftp:" or "mailto:", the '.' of "www.", the '@' of an address. Bytes are passed
  // over with one table lookup each up to the next trigger, and only the six bytes before it
  // are tried as starts (trying every h, w, m, f and @ was most of this pass on a long file;
  // a start further back would have had an earlier trigger). Not strcspn: sanitizers that
  // check whole strings read to the text's end at every call.
  static constexpr auto kTriggers = [] {
    std::array<bool, 256> a{};
    for (unsigned char c : {':', '.', '@'}) a[c] = true;
    return a;
  }();
  auto next_trigger = [&](uint32_t from) {
    while (from < within.end && !kTriggers[static_cast<unsigned char>(t[from])]) ++from;
    return from;
  };
  static constexpr auto kStarts = [] {
    std::array<bool, 256> a{};
    for (unsigned char c : {'h', 'w', 'm', 'f', '@'}) a[c] = true;
    return a;
  }();
  uint32_t i = within.begin;
  while (i < within.end) {
    uint32_t trigger = next_trigger(i);
    if (trigger >= within.end) break;
    uint32_t next = trigger + 1;
    for (uint32_t j = std::max(i, trigger >= 6 ? trigger - 6 : 0); j <= trigger; ++j) {
      if (!kStarts[static_cast<unsigned char>(t[j])]) continue;
      if (uint32_t e = link_at(j)) {
        next = e;
        break;
      }
    }
    i = next;
  }
}

}  // namespace fulint

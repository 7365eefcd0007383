#include "base/ascii.h"
#include "parse/headers.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace fulint {
namespace {

constexpr std::array<std::string_view, 5> kPlainHeaders = {"cc", "date", "from", "subject",
                                                           "to"};

// Length of a header name followed by ':' at the start of `line`, or 0.
size_t HeaderNameLength(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '-'))
    ++i;
  if (i == 0 || i >= line.size() || line[i] != ':') return 0;
  return i;
}

bool IsBlank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t'; });
}

}  // namespace

uint32_t ParseHeaders(Document* doc) {
  const std::string& text = doc->decoded.text;
  bool any_name = doc->format == Format::kEmail;
  uint32_t pos = 0;
  std::string current;   // lower-case name of the field being read
  Range value_range{};
  std::string value;
  auto commit = [&] {
    if (current.empty()) return;
    // Trim the value range.
    while (value_range.begin < value_range.end &&
           (text[value_range.begin] == ' ' || text[value_range.begin] == '\t'))
      ++value_range.begin;
    while (value_range.end > value_range.begin &&
           (text[value_range.end - 1] == ' ' || text[value_range.end - 1] == '\t'))
      --value_range.end;
    auto first = value.find_first_not_of(" \t");
    auto last = value.find_last_not_of(" \t");
    value = first == std::string::npos ? "" : value.substr(first, last - first + 1);
    if (!doc->headers.count(current)) doc->headers[current] = Field{value, value_range};
    current.clear();
  };
  // Masks the header block and unmasks the subject value, the one header that is prose.
  auto finish = [&](uint32_t block_end) {
    Mask(doc, {0, block_end});
    auto it = doc->headers.find("subject");
    if (it == doc->headers.end()) return;
    doc->subject = it->second.range;
    for (uint32_t i = doc->subject->begin; i < doc->subject->end; ++i) doc->lintable[i] = text[i];
  };
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    uint32_t line_end = nl == std::string::npos ? text.size() : static_cast<uint32_t>(nl);
    std::string_view line(text.data() + pos, line_end - pos);
    uint32_t next = nl == std::string::npos ? line_end : line_end + 1;
    if (IsBlank(line)) {
      if (pos == 0) return 0;
      commit();
      finish(pos);
      return next;
    }
    if (!current.empty() && (line[0] == ' ' || line[0] == '\t')) {
      // RFC 5322 unfolding removes only the line break; the fold's white space stays.
      value += line;
      value_range.end = line_end;
    } else {
      size_t name_len = HeaderNameLength(line);
      std::string name = LowerAscii(line.substr(0, name_len));
      bool known = std::find(kPlainHeaders.begin(), kPlainHeaders.end(), name) !=
                   kPlainHeaders.end();
      if (name_len == 0 || !(known || any_name)) {
        if (pos == 0) return 0;  // not a header block at all
        break;                   // a non-header line ends the block early
      }
      commit();
      current = name;
      value = std::string(line.substr(name_len + 1));
      value_range = {static_cast<uint32_t>(pos + name_len + 1), line_end};
    }
    pos = next;
  }
  commit();
  finish(pos);
  return pos;
}

}  // namespace fulint

#include "parse/replies.h"

#include <cctype>
#include <string_view>

namespace fulint {
namespace {

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// "On <date>, <name> wrote:" (Gmail, Apple Mail, Thunderbird), possibly the end of a line
// wrapped from the one before.
bool IsAttribution(std::string_view line) {
  std::string_view t = TrimLeft(line);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  if (t.starts_with("-----Original Message-----") || t.starts_with("-------- Original Message") ||
      t.starts_with("-------- Forwarded Message"))
    return true;
  return t.size() < 300 && t.ends_with("wrote:") && (t.starts_with("On ") || t.find(" wrote:") != std::string_view::npos);
}

}  // namespace

void FindReplies(Document* doc) {
  const std::string& t = doc->decoded.text;
  uint32_t pos = doc->note.begin;
  while (pos < doc->note.end) {
    size_t nl = t.find('\n', pos);
    uint32_t end = nl == std::string::npos || nl > doc->note.end ? doc->note.end : static_cast<uint32_t>(nl);
    std::string_view line(t.data() + pos, end - pos);
    std::string_view trimmed = TrimLeft(line);
    if (IsAttribution(line)) {
      // Everything from here on is the message being answered.
      Mask(doc, {pos, doc->note.end});
      doc->quoted.push_back({pos, doc->note.end});
      doc->note.end = pos;
      break;
    }
    if (trimmed.starts_with(">")) {
      Mask(doc, {pos, end});
      doc->quoted.push_back({pos, end});
    } else if (line == "-- " || line == "--") {
      if (!doc->signature_delimiter) doc->signature_delimiter = pos;
    }
    pos = end + 1;
  }
}

}  // namespace fulint

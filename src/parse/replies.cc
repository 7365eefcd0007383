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


// Outlook's reply header: a line of underscores, or "From:" followed within two lines by
// "Sent:" (or "Date:"). `following` gives the next line and the one after (asked for only
// when the line starts with "From:").
template <typename Following>
bool IsOutlookHeader(std::string_view line, Following following) {
  std::string_view t = TrimLeft(line);
  if (t.size() >= 10 && t.find_first_not_of('_') == std::string_view::npos) return true;
  if (!t.starts_with("From:")) return false;
  auto [next, after] = following();
  for (std::string_view n : {TrimLeft(next), TrimLeft(after)})
    if (n.starts_with("Sent:") || n.starts_with("Date:")) return true;
  return false;
}

}  // namespace

void FindReplies(Document* doc) {
  const std::string& t = doc->decoded.text;
  auto line_at = [&](uint32_t from) {
    size_t nl = t.find('\n', from);
    uint32_t end = nl == std::string::npos || nl > doc->note.end ? doc->note.end
                                                                 : static_cast<uint32_t>(nl);
    return std::pair<uint32_t, uint32_t>{from, end};
  };
  uint32_t pos = doc->note.begin;
  while (pos < doc->note.end) {
    uint32_t end = line_at(pos).second;
    std::string_view line(t.data() + pos, end - pos);
    std::string_view trimmed = TrimLeft(line);
    // The next two lines, found only for the rare line that needs them (finding them for
    // every line, and joining each line to the next, was most of this pass on a long file).
    auto following = [&] {
      using Span = std::pair<uint32_t, uint32_t>;
      auto [n1, e1] = end < doc->note.end ? line_at(end + 1) : Span{end, end};
      auto [n2, e2] = e1 < doc->note.end ? line_at(e1 + 1) : Span{e1, e1};
      return std::pair<std::string_view, std::string_view>{
          std::string_view(t.data() + n1, e1 - n1), std::string_view(t.data() + n2, e2 - n2)};
    };
    // An attribution wrapped onto two lines: "On Tue, Jan 7, 2025 at 9:14 AM Dr. Lee <x@y>"
    // then "wrote:".
    bool attribution = IsAttribution(line);
    bool wrapped = false;
    if (!attribution && trimmed.starts_with("On ")) {
      std::string_view next = following().first;
      wrapped = IsAttribution(std::string(line) + " " + std::string(next)) &&
                TrimLeft(next).size() < 120;
    }
    if (attribution || wrapped || IsOutlookHeader(line, following)) {
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

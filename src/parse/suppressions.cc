#include "parse/suppressions.h"

#include <algorithm>
#include <sstream>

namespace fulint {
namespace {

std::vector<std::string> Ids(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string id;
  while (in >> id) {
    while (!id.empty() && id.back() == ',') id.pop_back();
    if (!id.empty()) out.push_back(id);
  }
  return out;
}

bool Covers(const std::vector<std::string>& ids, const std::string& rule_id) {
  if (ids.empty()) return true;
  std::string style = rule_id.substr(0, rule_id.find('.'));
  return std::any_of(ids.begin(), ids.end(),
                     [&](const std::string& id) { return id == rule_id || id == style; });
}

}  // namespace

void FindSuppressions(Document* doc) {
  const std::string& t = doc->decoded.text;
  // Open "disable" regions: ids and where they start.
  std::vector<std::pair<std::vector<std::string>, uint32_t>> open;
  size_t pos = 0;
  while ((pos = t.find("<!--", pos)) != std::string::npos) {
    size_t end = t.find("-->", pos + 4);
    if (end == std::string::npos) break;
    std::string_view body = std::string_view(t).substr(pos + 4, end - pos - 4);
    size_t first = body.find_first_not_of(" \t\n");
    body = first == std::string_view::npos ? "" : body.substr(first);
    uint32_t after = static_cast<uint32_t>(end + 3);
    // The comment itself is not prose (in Markdown it is masked already).
    if (body.starts_with("fulint-")) {
      Mask(doc, {static_cast<uint32_t>(pos), after});
      doc->directives.push_back({static_cast<uint32_t>(pos), after});
    }
    if (body.starts_with("fulint-disable-next-line")) {
      // The next line that has text.
      size_t line = t.find('\n', after);
      while (line != std::string::npos) {
        size_t next = t.find('\n', line + 1);
        size_t stop = next == std::string::npos ? t.size() : next;
        if (t.find_first_not_of(" \t", line + 1) < stop) {
          doc->suppressions.push_back({{static_cast<uint32_t>(line + 1), static_cast<uint32_t>(stop)},
                                       Ids(body.substr(24))});
          break;
        }
        line = next;
      }
    } else if (body.starts_with("fulint-disable")) {
      open.emplace_back(Ids(body.substr(14)), after);
    } else if (body.starts_with("fulint-enable")) {
      std::vector<std::string> ids = Ids(body.substr(13));
      for (auto it = open.begin(); it != open.end();) {
        bool closes = ids.empty() || it->first == ids;
        if (!closes) {
          ++it;
          continue;
        }
        doc->suppressions.push_back({{it->second, static_cast<uint32_t>(pos)}, it->first});
        it = open.erase(it);
      }
    }
    pos = end + 3;
  }
  for (const auto& [ids, start] : open)
    doc->suppressions.push_back({{start, static_cast<uint32_t>(t.size())}, ids});
}

bool IsSuppressed(const Document& doc, const std::string& rule_id, uint32_t at) {
  for (const auto& s : doc.suppressions)
    if (at >= s.range.begin && at < s.range.end && Covers(s.rules, rule_id)) return true;
  return false;
}

}  // namespace fulint

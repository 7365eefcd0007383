#include "parse/front_matter.h"

#include <yaml-cpp/yaml.h>

namespace fulint {
namespace {

// The value range of a top-level scalar starting at `begin`: to the end of its line without a
// trailing comment or spaces, inside the quotes when quoted, and for a block scalar (`|`, `>`)
// the indented lines that follow.
Range ScalarRange(const std::string& text, uint32_t begin) {
  auto line_end = [&](uint32_t from) {
    uint32_t e = from;
    while (e < text.size() && text[e] != '\n') ++e;
    return e;
  };
  auto trim_end = [&](uint32_t b, uint32_t e) {
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    return e;
  };
  uint32_t end = trim_end(begin, line_end(begin));
  if (begin < end && (text[begin] == '|' || text[begin] == '>')) {
    uint32_t first = 0, last = 0;
    for (uint32_t pos = end + 1; pos < text.size();) {
      uint32_t e = line_end(pos);
      bool indented = pos < e && (text[pos] == ' ' || text[pos] == '\t');
      bool blank = trim_end(pos, e) == pos;
      if (!indented && !blank) break;
      if (!blank) {
        uint32_t b = pos;
        while (text[b] == ' ' || text[b] == '\t') ++b;
        if (!first) first = b;
        last = trim_end(b, e);
      }
      pos = e + 1;
    }
    return first ? Range{first, last} : Range{end, end};
  }
  if (begin < end && (text[begin] == '"' || text[begin] == '\'')) {
    char q = text[begin];
    uint32_t close = end;
    while (close > begin + 1 && text[close - 1] != q) --close;
    if (close > begin + 1) return {begin + 1, close - 1};
    return {begin, end};
  }
  // A plain scalar ends before " #", which starts a comment.
  for (uint32_t i = begin; i + 1 < end; ++i) {
    if ((text[i] == ' ' || text[i] == '\t') && text[i + 1] == '#') return {begin, trim_end(begin, i)};
  }
  return {begin, end};
}

// A field's value as text: a scalar, or a list joined with ", ". YAML aliases share nodes, so
// a few lines can describe an exponentially large (or, `&a [*a]`, endless) tree: the walk
// visits at most kMaxFieldNodes nodes, kMaxFieldDepth lists deep, and the text stops growing
// at kMaxFieldText bytes.
constexpr size_t kMaxFieldText = 64 * 1024;
constexpr int kMaxFieldNodes = 10000;
constexpr int kMaxFieldDepth = 8;

void AppendScalarText(const YAML::Node& node, int depth, int* nodes_left, std::string* out) {
  if (out->size() >= kMaxFieldText || --*nodes_left < 0) return;
  if (node.IsScalar()) {
    out->append(node.Scalar(), 0, kMaxFieldText - out->size());
  } else if (node.IsSequence() && depth < kMaxFieldDepth) {
    const size_t start = out->size();
    for (const auto& item : node) {
      if (out->size() >= kMaxFieldText || *nodes_left <= 0) break;
      if (out->size() > start) *out += ", ";
      AppendScalarText(item, depth + 1, nodes_left, out);
    }
  }
}

std::string ScalarText(const YAML::Node& node) {
  std::string out;
  int nodes_left = kMaxFieldNodes;
  AppendScalarText(node, 0, &nodes_left, &out);
  return out;
}

}  // namespace

uint32_t ParseFrontMatter(Document* doc, std::vector<ParseProblem>* problems) {
  const std::string& text = doc->decoded.text;
  if (text.compare(0, 4, "---\n") != 0) return 0;
  // Find the closing fence: a line that is exactly '---' or '...'.
  size_t pos = 4;
  size_t close = std::string::npos, after = text.size();
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl;
    std::string_view line(text.data() + pos, end - pos);
    if (line == "---" || line == "...") {
      close = pos;
      after = nl == std::string::npos ? text.size() : nl + 1;
      break;
    }
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  if (close == std::string::npos) {
    problems->push_back(
        {{0, 3}, "front matter is not closed: no '---' line ends it", std::nullopt});
    return 0;
  }
  Mask(doc, {0, static_cast<uint32_t>(after)});
  const uint32_t base = 4;
  try {
    YAML::Node root = YAML::Load(text.substr(base, close - base));
    if (root.IsMap()) {
      for (const auto& kv : root) {
        if (!kv.first.IsScalar()) continue;
        uint32_t at = base + static_cast<uint32_t>(kv.second.Mark().pos);
        Range r = kv.second.IsScalar() ? ScalarRange(text, at) : Range{at, at};
        doc->front_matter[kv.first.Scalar()] = Field{ScalarText(kv.second), r};
      }
    } else if (!root.IsNull()) {
      problems->push_back({{base, base}, "front matter is not a mapping of fields", std::nullopt});
    }
  } catch (const YAML::Exception& e) {
    uint32_t at = base + static_cast<uint32_t>(std::max(0, e.mark.pos));
    problems->push_back({{at, at}, "front matter is not valid YAML: " + e.msg, std::nullopt});
  }
  auto it = doc->front_matter.find("subject");
  if (it != doc->front_matter.end()) {
    doc->subject = it->second.range;
    for (uint32_t i = it->second.range.begin; i < it->second.range.end; ++i)
      doc->lintable[i] = text[i];
  }
  return static_cast<uint32_t>(after);
}

}  // namespace fulint

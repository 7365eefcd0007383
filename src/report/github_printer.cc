#include "report/github_printer.h"

#include <algorithm>
#include <cstdio>

#include "report/position.h"

namespace fulint {
namespace {

const char* Command(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kSuggestion:
      return "notice";
  }
  return "warning";
}

std::string Escape(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// "line=L,col=C,endLine=L,endColumn=E": 1-based lines and code-point columns, endColumn the
// last column of the range (inclusive, as GitHub's annotations count it). GitHub takes columns
// only for single-line annotations, so a range over several lines gives lines only.
std::string Location(const LineIndex& index, Range raw) {
  uint32_t end = std::max(raw.begin, raw.end);
  Position start = index.Locate(raw.begin);
  Position stop = index.Locate(end);
  std::string s = "line=" + std::to_string(start.line);
  if (stop.line != start.line) return s + ",endLine=" + std::to_string(stop.line);
  uint32_t last = std::max(start.column, stop.column > start.column ? stop.column - 1 : 0u);
  return s + ",col=" + std::to_string(start.column) + ",endLine=" + std::to_string(stop.line) +
         ",endColumn=" + std::to_string(last);
}

}  // namespace

std::string EscapeGithubData(const std::string& s) { return Escape(s, false); }
std::string EscapeGithubProperty(const std::string& s) { return Escape(s, true); }

void GithubPrinter::File(const FileResult& result, FILE* out) {
  std::string path = result.path;
  if (path.empty() && result.doc) path = result.doc->path;
  std::string file = "file=" + EscapeGithubProperty(path);
  if (!result.error.empty() || !result.doc) {
    std::string where = file;
    if (result.doc) {
      LineIndex index(*result.doc);
      where += ',';  // piecewise: GCC 12 warns falsely (-Wrestrict) on "," + string at -O3
      where += Location(index, {result.error_raw_offset, result.error_raw_offset});
    }
    std::string message = EscapeGithubData(result.error.empty() ? "no document" : result.error);
    std::fprintf(out, "::error %s,title=fulint::%s\n", where.c_str(), message.c_str());
    return;
  }
  LineIndex index(*result.doc);
  for (const Diagnostic& d : result.diagnostics) {
    std::string props = file + "," + Location(index, d.raw);
    if (!d.rule_id.empty()) props += ",title=" + EscapeGithubProperty(d.rule_id);
    std::fprintf(out, "::%s %s::%s\n", Command(d.severity), props.c_str(),
                 EscapeGithubData(d.message).c_str());
  }
}

std::unique_ptr<Printer> MakeGithubPrinter(const PrintOptions& options) {
  return std::make_unique<GithubPrinter>();
}

}  // namespace fulint

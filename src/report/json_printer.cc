#include "report/json_printer.h"

#include <algorithm>
#include <string>

#include "report/position.h"

namespace fulint {
namespace {

using Json = nlohmann::ordered_json;

// {"line", "column", "offset"}: 1-based line and code-point column, raw byte offset.
Json PositionJson(const LineIndex& index, uint32_t raw_off) {
  Position pos = index.Locate(raw_off);
  return Json{{"line", pos.line}, {"column", pos.column}, {"offset", raw_off}};
}

Json DiagnosticJson(const Diagnostic& d, const LineIndex& index) {
  uint32_t end = std::max(d.raw.begin, d.raw.end);
  Json j;
  j["rule"] = d.rule_id;
  j["severity"] = SeverityName(d.severity);
  j["message"] = d.message;
  j["start"] = PositionJson(index, d.raw.begin);
  j["end"] = PositionJson(index, end);
  j["matched"] = d.matched;
  if (!d.link.empty()) j["link"] = d.link;
  Json fixes = Json::array();
  for (const Fix& fix : d.fixes) {
    Json edits = Json::array();
    for (const Edit& e : fix.edits) {
      edits.push_back(Json{{"start", PositionJson(index, e.raw.begin)},
                           {"end", PositionJson(index, std::max(e.raw.begin, e.raw.end))},
                           {"replacement", e.replacement}});
    }
    fixes.push_back(Json{{"title", fix.title}, {"safe", fix.safe}, {"edits", std::move(edits)}});
  }
  j["fixes"] = std::move(fixes);
  return j;
}

}  // namespace

JsonPrinter::JsonPrinter(const PrintOptions& options) {
  Json tool{{"name", "fulint"}, {"version", options.tool_version}};
  head_ = "{\n  \"version\": " + std::to_string(kFormatVersion) + ",\n  \"tool\": " +
          DumpIndented(tool, 2).substr(2) + ",\n  \"files\": [";
}

bool JsonPrinter::Render(const FileResult& result, std::string* out) {
  std::string path = result.path;
  if (path.empty() && result.doc) path = result.doc->path;
  Json file;
  file["path"] = path;
  if (!result.error.empty() || !result.doc) {
    file["error"] = result.error.empty() ? "no document" : result.error;
    if (result.doc) {
      LineIndex index(*result.doc);
      file["errorPosition"] = PositionJson(index, result.error_raw_offset);
    }
  } else {
    LineIndex index(*result.doc);
    Json diagnostics = Json::array();
    for (const Diagnostic& d : result.diagnostics) diagnostics.push_back(DiagnosticJson(d, index));
    file["diagnostics"] = std::move(diagnostics);
  }
  *out = DumpIndented(file, 4);
  return true;
}

void JsonPrinter::Emit(const std::string& piece, FILE* out) {
  std::fputs(started_ ? ",\n" : (head_ + "\n").c_str(), out);
  started_ = true;
  std::fwrite(piece.data(), 1, piece.size(), out);
}

void JsonPrinter::File(const FileResult& result, FILE* out) {
  std::string piece;
  Render(result, &piece);
  Emit(piece, out);
}

void JsonPrinter::Finish(FILE* out) {
  std::fputs(started_ ? "\n  ]\n}\n" : (head_ + "]\n}\n").c_str(), out);
}

void WriteJson(const nlohmann::ordered_json& value, FILE* out) {
  std::string text = DumpIndented(value, 0);
  text += '\n';
  std::fwrite(text.data(), 1, text.size(), out);
}

std::string DumpIndented(const nlohmann::ordered_json& value, int indent) {
  std::string text = value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  if (indent == 0) return text;
  // A raw newline only ever stands between tokens (strings escape theirs as \n), so indenting
  // after each one is exact.
  size_t lines = 1 + static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  std::string out;
  out.reserve(text.size() + lines * static_cast<size_t>(indent));
  out.append(static_cast<size_t>(indent), ' ');
  for (size_t from = 0; from < text.size();) {
    size_t newline = text.find('\n', from);
    if (newline == std::string::npos) newline = text.size() - 1;
    out.append(text, from, newline + 1 - from);
    if (text[newline] == '\n') out.append(static_cast<size_t>(indent), ' ');
    from = newline + 1;
  }
  return out;
}

std::unique_ptr<Printer> MakeJsonPrinter(const PrintOptions& options) {
  return std::make_unique<JsonPrinter>(options);
}

}  // namespace fulint

#include "report/json_printer.h"

#include <algorithm>
#include <string>

#include "base/ordered_parallel.h"
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

void JsonPrinter::Write(const FileResult& result, bool parallel, const JsonSink& write) const {
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
    write(DumpIndented(file, 4));
    return;
  }
  LineIndex index(*result.doc);
  file["diagnostics"] = Json::array();
  WriteJsonWithArray(
      file, "diagnostics", 4, result.diagnostics.size(),
      [&](size_t i) { return DiagnosticJson(result.diagnostics[i], index); }, parallel, write);
}

bool JsonPrinter::Render(const FileResult& result, std::string* out) {
  out->clear();
  Write(result, /*parallel=*/false, [out](std::string_view s) { out->append(s); });
  return true;
}

void JsonPrinter::Emit(const std::string& piece, FILE* out) {
  Join(out);
  std::fwrite(piece.data(), 1, piece.size(), out);
}

void JsonPrinter::Join(FILE* out) {
  std::fputs(started_ ? ",\n" : (head_ + "\n").c_str(), out);
  started_ = true;
}

void JsonPrinter::File(const FileResult& result, FILE* out) {
  Join(out);
  Write(result, /*parallel=*/true,
        [out](std::string_view s) { std::fwrite(s.data(), 1, s.size(), out); });
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

void WriteJsonElements(size_t count, const std::function<Json(size_t)>& element, int indent,
                       bool parallel, const JsonSink& write) {
  auto lay_out = [&](size_t from, size_t to) {
    std::string text;
    for (size_t i = from; i < to; ++i) {
      if (i > 0) text += ",\n";
      text += DumpIndented(element(i), indent);
    }
    return text;
  };
  const unsigned cores = parallel ? CoresForFindings(count) : 1;
  if (cores <= 1) {
    write(lay_out(0, count));
    return;
  }
  ForEachChunkInOrder<std::string>(count, kFindingsChunk, cores, lay_out,
                                   [&](size_t, size_t, std::string&& text) { write(text); });
}

void WriteJsonWithArray(const Json& value, const std::string& key, int indent, size_t count,
                        const std::function<Json(size_t)>& element, bool parallel,
                        const JsonSink& write) {
  std::string text = DumpIndented(value, indent);
  if (count == 0) {
    write(text);
    return;
  }
  // The member is the object's last, so its empty value is the last such text in the layout
  // (a string value cannot hold it: its quotes would be escaped).
  const std::string empty = "\"" + key + "\": []";
  const size_t at = text.rfind(empty);
  write(std::string_view(text).substr(0, at + empty.size() - 1));  // up to its '['
  write("\n");
  WriteJsonElements(count, element, indent + 4, parallel, write);
  std::string close(static_cast<size_t>(indent) + 3, ' ');  // built in place: GCC 12 warns
  close.front() = '\n';                                       // falsely (-Wrestrict) on "\n" +
  close += ']';                                                // a string at -O3
  write(close);
  write(std::string_view(text).substr(at + empty.size()));
}

std::unique_ptr<Printer> MakeJsonPrinter(const PrintOptions& options) {
  return std::make_unique<JsonPrinter>(options);
}

}  // namespace fulint

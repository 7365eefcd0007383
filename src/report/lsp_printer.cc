#include "report/lsp_printer.h"

#include <string>

#include "report/json_printer.h"
#include "report/lsp_diagnostic.h"

namespace fulint {

using Json = nlohmann::ordered_json;

LspPrinter::LspPrinter(const PrintOptions& options) : options_(options) {}

void LspPrinter::Write(const FileResult& result, bool parallel, const JsonSink& write) const {
  std::string path = result.path;
  if (path.empty() && result.doc) path = result.doc->path;
  Json file{{"uri", FileUri(path)}, {"diagnostics", Json::array()}};
  if (!result.error.empty() || !result.doc) {
    // The file could not be linted: one error at the place it applies (the file start when
    // there is no document), so the editor shows why there are no findings.
    Json zero = Json{{"line", 0}, {"character", 0}};
    Json range = Json{{"start", zero}, {"end", zero}};
    if (result.doc) {
      LineIndex index(*result.doc);
      Json at = LspPositionJson(index, result.error_raw_offset,
                                ColumnUnitFor(options_.position_encoding));
      range = Json{{"start", at}, {"end", at}};
    }
    file["diagnostics"].push_back(
        Json{{"range", range},
             {"severity", 1},
             {"source", "fulint"},
             {"message", result.error.empty() ? "no document" : result.error}});
    write(DumpIndented(file, 2));
    return;
  }
  LineIndex index(*result.doc);
  ColumnUnit unit = ColumnUnitFor(options_.position_encoding);
  WriteJsonWithArray(
      file, "diagnostics", 2, result.diagnostics.size(),
      [&](size_t i) {
        const Diagnostic& d = result.diagnostics[i];
        return LspDiagnostic(d, index, unit, {ResolveLink(d.link, options_.link_base), false});
      },
      parallel, write);
}

bool LspPrinter::Render(const FileResult& result, std::string* out) {
  out->clear();
  Write(result, /*parallel=*/false, [out](std::string_view s) { out->append(s); });
  return true;
}

void LspPrinter::Join(FILE* out) {
  std::fputs(started_ ? ",\n" : "[\n", out);
  started_ = true;
}

void LspPrinter::Emit(const std::string& piece, FILE* out) {
  Join(out);
  std::fwrite(piece.data(), 1, piece.size(), out);
}

void LspPrinter::File(const FileResult& result, FILE* out) {
  Join(out);
  Write(result, /*parallel=*/true,
        [out](std::string_view s) { std::fwrite(s.data(), 1, s.size(), out); });
}

void LspPrinter::Finish(FILE* out) { std::fputs(started_ ? "\n]\n" : "[]\n", out); }

std::unique_ptr<Printer> MakeLspPrinter(const PrintOptions& options) {
  return std::make_unique<LspPrinter>(options);
}

}  // namespace fulint

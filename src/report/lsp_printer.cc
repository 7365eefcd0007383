#include "report/lsp_printer.h"

#include <string>

#include "report/json_printer.h"
#include "report/lsp_diagnostic.h"

namespace fulint {

using Json = nlohmann::ordered_json;

LspPrinter::LspPrinter(const PrintOptions& options) : options_(options) {}

bool LspPrinter::Render(const FileResult& result, std::string* out) {
  std::string path = result.path;
  if (path.empty() && result.doc) path = result.doc->path;
  Json diagnostics = Json::array();
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
    diagnostics.push_back(Json{{"range", range},
                               {"severity", 1},
                               {"source", "fulint"},
                               {"message", result.error.empty() ? "no document" : result.error}});
  } else {
    LineIndex index(*result.doc);
    ColumnUnit unit = ColumnUnitFor(options_.position_encoding);
    for (const Diagnostic& d : result.diagnostics)
      diagnostics.push_back(
          LspDiagnostic(d, index, unit, {ResolveLink(d.link, options_.link_base), false}));
  }
  *out = DumpIndented(Json{{"uri", FileUri(path)}, {"diagnostics", std::move(diagnostics)}}, 2);
  return true;
}

void LspPrinter::Emit(const std::string& piece, FILE* out) {
  std::fputs(started_ ? ",\n" : "[\n", out);
  started_ = true;
  std::fwrite(piece.data(), 1, piece.size(), out);
}

void LspPrinter::File(const FileResult& result, FILE* out) {
  std::string piece;
  Render(result, &piece);
  Emit(piece, out);
}

void LspPrinter::Finish(FILE* out) { std::fputs(started_ ? "\n]\n" : "[]\n", out); }

std::unique_ptr<Printer> MakeLspPrinter(const PrintOptions& options) {
  return std::make_unique<LspPrinter>(options);
}

}  // namespace fulint

#include "report/lsp_printer.h"

#include <algorithm>
#include <string>

#include "report/json_printer.h"

namespace fulint {
namespace {

using Json = nlohmann::ordered_json;

// LSP Position: 0-based line and 0-based character in `unit`.
Json LspPosition(const LineIndex& index, uint32_t raw_off, ColumnUnit unit) {
  return Json{{"line", index.Line(raw_off) - 1}, {"character", index.Column(raw_off, unit)}};
}

}  // namespace

int LspSeverity(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return 1;
    case Severity::kWarning:
      return 2;
    case Severity::kSuggestion:
      return 3;
  }
  return 2;
}

ColumnUnit ColumnUnitFor(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::kUtf8:
      return ColumnUnit::kUtf8;
    case PositionEncoding::kUtf16:
      return ColumnUnit::kUtf16;
    case PositionEncoding::kUtf32:
      return ColumnUnit::kCodePoint;
  }
  return ColumnUnit::kUtf16;
}

Json LspDiagnostic(const Diagnostic& diag, const LineIndex& index, const PrintOptions& options) {
  ColumnUnit unit = ColumnUnitFor(options.position_encoding);
  Json j;
  j["range"] = Json{{"start", LspPosition(index, diag.raw.begin, unit)},
                    {"end", LspPosition(index, std::max(diag.raw.begin, diag.raw.end), unit)}};
  j["severity"] = LspSeverity(diag.severity);
  if (!diag.rule_id.empty()) j["code"] = diag.rule_id;
  std::string href = ResolveLink(diag.link, options.link_base);
  if (!href.empty()) j["codeDescription"] = Json{{"href", href}};
  j["source"] = "fulint";
  j["message"] = diag.message;
  return j;
}

LspPrinter::LspPrinter(const PrintOptions& options) : options_(options) {}

void LspPrinter::File(const FileResult& result, FILE* out) {
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
      Json at =
          LspPosition(index, result.error_raw_offset, ColumnUnitFor(options_.position_encoding));
      range = Json{{"start", at}, {"end", at}};
    }
    diagnostics.push_back(Json{{"range", range},
                               {"severity", 1},
                               {"source", "fulint"},
                               {"message", result.error.empty() ? "no document" : result.error}});
  } else {
    LineIndex index(*result.doc);
    for (const Diagnostic& d : result.diagnostics)
      diagnostics.push_back(LspDiagnostic(d, index, options_));
  }
  files_.push_back(Json{{"uri", FileUri(path)}, {"diagnostics", std::move(diagnostics)}});
}

void LspPrinter::Finish(FILE* out) { WriteJson(files_, out); }

std::unique_ptr<Printer> MakeLspPrinter(const PrintOptions& options) {
  return std::make_unique<LspPrinter>(options);
}

}  // namespace fulint

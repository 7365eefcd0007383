#include "report/lsp_diagnostic.h"

#include <algorithm>

namespace fulint {

using Json = nlohmann::ordered_json;

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

Json LspPositionJson(const LineIndex& index, uint32_t raw_off, ColumnUnit unit) {
  return Json{{"line", index.Line(raw_off) - 1}, {"character", index.Column(raw_off, unit)}};
}

Json LspRangeJson(const LineIndex& index, Range raw, ColumnUnit unit) {
  return Json{{"start", LspPositionJson(index, raw.begin, unit)},
              {"end", LspPositionJson(index, std::max(raw.begin, raw.end), unit)}};
}

Json LspFix(const Fix& fix, const LineIndex& index, ColumnUnit unit) {
  Json edits = Json::array();
  for (const Edit& e : fix.edits)
    edits.push_back(Json{{"range", LspRangeJson(index, e.raw, unit)}, {"newText", e.replacement}});
  return Json{{"title", fix.title}, {"edits", std::move(edits)}};
}

Json LspDiagnostic(const Diagnostic& diag, const LineIndex& index, ColumnUnit unit,
                   const LspDiagnosticExtras& extras) {
  Json j;
  j["range"] = LspRangeJson(index, diag.raw, unit);
  j["severity"] = LspSeverity(diag.severity);
  if (!diag.rule_id.empty()) j["code"] = diag.rule_id;
  if (!extras.href.empty()) j["codeDescription"] = Json{{"href", extras.href}};
  j["source"] = "fulint";
  j["message"] = diag.message;
  if (extras.fixes) {
    Json fixes = Json::array();
    for (const Fix& f : diag.fixes) fixes.push_back(LspFix(f, index, unit));
    j["data"] = Json{{"fixes", std::move(fixes)}};
  }
  return j;
}

}  // namespace fulint

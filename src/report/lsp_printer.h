#pragma once
// LSP diagnostics: a JSON array with one {uri, diagnostics} object per file, each diagnostic an
// LSP 3.17 Diagnostic (0-based range, `character` in the negotiated position encoding), the
// shape of textDocument/publishDiagnostics params, for editors and for the LSP server's tests.
#include <memory>
#include <nlohmann/json.hpp>

#include "report/position.h"
#include "report/printer.h"

namespace fulint {

// Collects every file and prints the array in Finish().
class LspPrinter : public Printer {
 public:
  explicit LspPrinter(const PrintOptions& options);
  void File(const FileResult& result, FILE* out) override;
  void Finish(FILE* out) override;

 private:
  PrintOptions options_;
  nlohmann::ordered_json files_ = nlohmann::ordered_json::array();
};

std::unique_ptr<Printer> MakeLspPrinter(const PrintOptions& options);

// LSP DiagnosticSeverity: 1 Error, 2 Warning, 3 Information for suggestions (Hint, 4, is drawn
// as faint dots and left out of problem lists: too quiet for advice the writer should read).
int LspSeverity(Severity severity);
ColumnUnit ColumnUnitFor(PositionEncoding encoding);
// An LSP Diagnostic for `diag` (no "data"; codeDescription only when the link resolves to an
// absolute URI against options.link_base).
nlohmann::ordered_json LspDiagnostic(const Diagnostic& diag, const LineIndex& index,
                                     const PrintOptions& options);

}  // namespace fulint

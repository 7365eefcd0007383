#pragma once
// LSP diagnostics: a JSON array with one {uri, diagnostics} object per file, each diagnostic an
// LSP 3.17 Diagnostic (0-based range, `character` in the negotiated position encoding), the
// shape of textDocument/publishDiagnostics params, for editors and for the LSP server's tests.
#include <memory>
#include <nlohmann/json.hpp>

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

}  // namespace fulint

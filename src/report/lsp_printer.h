#pragma once
// LSP diagnostics: a JSON array with one {uri, diagnostics} object per file, each diagnostic an
// LSP 3.17 Diagnostic (0-based range, `character` in the negotiated position encoding), the
// shape of textDocument/publishDiagnostics params, for editors and for the LSP server's tests.
#include <memory>
#include <string>

#include "report/json_printer.h"
#include "report/printer.h"

namespace fulint {

// Streams the array: each file as it comes (rendered on the worker that linted it), the
// closing bracket in Finish(); memory does not grow with the files.
class LspPrinter : public Printer {
 public:
  explicit LspPrinter(const PrintOptions& options);
  void File(const FileResult& result, FILE* out) override;
  bool PerFile() const override { return true; }
  bool Render(const FileResult& result, std::string* out) override;
  void Emit(const std::string& piece, FILE* out) override;
  void Finish(FILE* out) override;

 private:
  // Writes one file's object; `parallel`: a long file's findings laid out on every core.
  void Write(const FileResult& result, bool parallel, const JsonSink& write) const;
  // Writes what comes before a file: the array's '[', or the comma after the last file.
  void Join(FILE* out);

  PrintOptions options_;
  bool started_ = false;
};

std::unique_ptr<Printer> MakeLspPrinter(const PrintOptions& options);

}  // namespace fulint

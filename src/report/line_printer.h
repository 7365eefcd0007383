#pragma once
// The one-line format Vale's tests use: "path:line:col:Style.Rule:message".
#include <memory>

#include "report/printer.h"

namespace fulint {

// Prints one line per diagnostic, no source, no colour; for scripts and fixtures.
class LinePrinter : public Printer {
 public:
  void File(const FileResult& result, FILE* out) override;
  bool PerFile() const override { return true; }
};

std::unique_ptr<Printer> MakeLinePrinter(const PrintOptions& options);

}  // namespace fulint

#pragma once
// The compiler-style text format (clang's layout): "path:line:col: severity: message [Rule.Id]",
// then the source line and a caret line under the diagnostic's range.
#include <cstdint>
#include <memory>

#include "report/printer.h"

namespace fulint {

// Prints each diagnostic with its source line; colours it when options.color is set.
class TextPrinter : public Printer {
 public:
  explicit TextPrinter(const PrintOptions& options) : options_(options) {}
  void File(const FileResult& result, FILE* out) override;
  bool PerFile() const override { return true; }

 private:
  PrintOptions options_;
};

std::unique_ptr<Printer> MakeTextPrinter(const PrintOptions& options);

// Terminal cells the code point `c` takes: 0 for combining marks and format characters (such
// as U+200D), 2 for East Asian Wide/Fullwidth characters and emoji, 1 otherwise.
int CellWidth(int32_t c);

}  // namespace fulint

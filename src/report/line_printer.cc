#include "report/line_printer.h"

#include <cstdio>

#include "report/position.h"

namespace fulint {

void LinePrinter::File(const FileResult& result, FILE* out) {
  if (!result.error.empty() || !result.doc) return;  // the CLI reports errors itself
  const std::string& path = result.path.empty() ? result.doc->path : result.path;
  LineIndex index(*result.doc);
  for (const Diagnostic& diag : result.diagnostics) {
    Position pos = index.Locate(diag.raw.begin);
    std::fprintf(out, "%s:%u:%u:%s:%s\n", path.c_str(), pos.line, pos.column, diag.rule_id.c_str(),
                 diag.message.c_str());
  }
}

std::unique_ptr<Printer> MakeLinePrinter(const PrintOptions& options) {
  return std::make_unique<LinePrinter>();
}

}  // namespace fulint

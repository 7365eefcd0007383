#pragma once
// Stage 6: one printer per output format behind one interface, chosen from an explicit table.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "parse/document.h"

namespace fulint {

// What one linted file produced. `doc` may be null when the file could not be read or
// decoded; then `error` says why and `diagnostics` is empty.
struct FileResult {
  std::string path;
  const Document* doc = nullptr;
  std::vector<Diagnostic> diagnostics;  // sorted
  std::string error;
  uint32_t error_raw_offset = 0;  // where in the file `error` applies (decode errors)
};

struct PrintOptions {
  bool color = false;
  int tab_width = 8;
};

class Printer {
 public:
  virtual ~Printer() = default;
  // Called once per file, in the order files were given.
  virtual void File(const FileResult& result, FILE* out) = 0;
  // Called once after all files.
  virtual void Finish(FILE* out) {}
};

// Printer names, sorted, for --help and validation.
std::vector<std::string> PrinterNames();
// Null when `name` is not a known format.
std::unique_ptr<Printer> MakePrinter(const std::string& name, const PrintOptions& options);

}  // namespace fulint

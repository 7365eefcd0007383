#pragma once
// fulint's own JSON format, version 1: one document for the whole run, every file with its
// diagnostics, positions as 1-based line and code-point column plus the raw byte offset.
// docs/json-format.md describes it; docs/fulint-output.schema.json is its JSON Schema.
#include <memory>
#include <nlohmann/json.hpp>

#include "report/printer.h"

namespace fulint {

// Collects every file and prints the document in Finish().
class JsonPrinter : public Printer {
 public:
  static constexpr int kFormatVersion = 1;

  explicit JsonPrinter(const PrintOptions& options);
  void File(const FileResult& result, FILE* out) override;
  void Finish(FILE* out) override;

 private:
  nlohmann::ordered_json doc_;
};

std::unique_ptr<Printer> MakeJsonPrinter(const PrintOptions& options);

// Writes `value` as UTF-8 JSON with two-space indents and a final newline; bytes that are not
// UTF-8 (in a path, say) become U+FFFD instead of failing. Shared by the JSON-based printers.
void WriteJson(const nlohmann::ordered_json& value, FILE* out);

}  // namespace fulint

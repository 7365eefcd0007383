#pragma once
// fulint's own JSON format, version 1: one document for the whole run, every file with its
// diagnostics, positions as 1-based line and code-point column plus the raw byte offset.
// docs/json-format.md describes it; docs/fulint-output.schema.json is its JSON Schema.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "report/printer.h"

namespace fulint {

// Streams the document: its head before the first file, each file as it comes (rendered on
// the worker that linted it), the end in Finish(); memory does not grow with the files.
class JsonPrinter : public Printer {
 public:
  static constexpr int kFormatVersion = 1;

  explicit JsonPrinter(const PrintOptions& options);
  void File(const FileResult& result, FILE* out) override;
  bool PerFile() const override { return true; }
  bool Render(const FileResult& result, std::string* out) override;
  void Emit(const std::string& piece, FILE* out) override;
  void Finish(FILE* out) override;

 private:
  std::string head_;  // up to the files array's '['
  bool started_ = false;
};

std::unique_ptr<Printer> MakeJsonPrinter(const PrintOptions& options);

// Writes `value` as UTF-8 JSON with two-space indents and a final newline; bytes that are not
// UTF-8 (in a path, say) become U+FFFD instead of failing. Shared by the JSON-based printers.
void WriteJson(const nlohmann::ordered_json& value, FILE* out);
// `value` laid out as WriteJson does (no final newline) for a place `indent` spaces deep in
// an enclosing document: every line, the first too, starts with `indent` more spaces.
std::string DumpIndented(const nlohmann::ordered_json& value, int indent);

}  // namespace fulint

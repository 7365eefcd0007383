#pragma once
// fulint's own JSON format, version 1: one document for the whole run, every file with its
// diagnostics, positions as 1-based line and code-point column plus the raw byte offset.
// docs/json-format.md describes it; docs/fulint-output.schema.json is its JSON Schema.
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "report/printer.h"

namespace fulint {

// Where the JSON printers write: a string (a file rendered on a worker) or a stream.
using JsonSink = std::function<void(std::string_view)>;

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
  // Writes one file's object; `parallel`: a long file's findings laid out on every core.
  void Write(const FileResult& result, bool parallel, const JsonSink& write) const;
  // Writes what comes before a file: the document's head, or the comma after the last file.
  void Join(FILE* out);

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

// Writes `count` elements of a JSON array whose elements stand `indent` spaces deep, element
// i being DumpIndented(element(i), indent), separated by ",\n" (the brackets are the caller's).
// With `parallel` and thousands of elements (a long file's findings), they are laid out in
// chunks on every core, a few chunks ahead of the one being written.
void WriteJsonElements(size_t count, const std::function<nlohmann::ordered_json(size_t)>& element,
                       int indent, bool parallel, const JsonSink& write);

// Writes DumpIndented(value, indent) with the array member `key` of the object `value`, its
// last member and empty there, holding `count` elements made by `element` (as above):
// one element at a time, never the whole array as one JSON value.
void WriteJsonWithArray(const nlohmann::ordered_json& value, const std::string& key, int indent,
                        size_t count,
                        const std::function<nlohmann::ordered_json(size_t)>& element,
                        bool parallel, const JsonSink& write);

}  // namespace fulint

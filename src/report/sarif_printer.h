#pragma once
// SARIF 2.1.0 for GitHub code scanning and SARIF viewers: one run, rule descriptors for the
// loaded rules, columns in Unicode code points (run.columnKind "unicodeCodePoints").
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/json_printer.h"
#include "report/position.h"
#include "report/printer.h"

namespace fulint {

// Streams the log: the rule descriptors (every rule in PrintOptions::rules, sorted by id,
// which fixes each result's ruleIndex) before the first result, each file's results as they
// come (rendered on the worker that linted it), then the invocation, whose notifications list
// the files that could not be linted. A result of a rule not in PrintOptions::rules has no
// ruleIndex. Memory does not grow with the files.
class SarifPrinter : public Printer {
 public:
  static constexpr const char* kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

  explicit SarifPrinter(const PrintOptions& options);
  void File(const FileResult& result, FILE* out) override;
  bool PerFile() const override { return true; }
  // False for a file that could not be linted (File records its notification).
  bool Render(const FileResult& result, std::string* out) override;
  void Emit(const std::string& piece, FILE* out) override;
  void Finish(FILE* out) override;

 private:
  // One result; `path` is the file's, `index` its positions.
  nlohmann::ordered_json Result(const Diagnostic& d, const std::string& path,
                                const LineIndex& index) const;
  // Writes a linted file's results; `parallel`: a long file's laid out on every core.
  void WriteResults(const FileResult& result, bool parallel, const JsonSink& write) const;
  // Writes what comes before a file's results: the log's head, or the comma after the last.
  void Join(FILE* out);

  PrintOptions options_;
  std::map<std::string, int> rule_index_;  // by id: the place in tool.driver.rules
  std::string head_, tail_;  // the log up to the results array's '[', and after its ']'
  bool started_ = false;
  std::vector<nlohmann::ordered_json> notifications_;  // files that could not be linted
};

std::unique_ptr<Printer> MakeSarifPrinter(const PrintOptions& options);

// SARIF's level for a severity: error, warning, note (for suggestions).
const char* SarifLevel(Severity severity);
// The artifactLocation.uri of `path`: relative paths as given (normalised, percent-encoded),
// absolute ones as file URIs.
std::string SarifUri(const std::string& path);
// The first sentence of `text` (whitespace runs collapsed), for shortDescription.
std::string FirstSentence(const std::string& text);

}  // namespace fulint

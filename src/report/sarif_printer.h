#pragma once
// SARIF 2.1.0 for GitHub code scanning and SARIF viewers: one run, rule descriptors for the
// rules that have results, columns in Unicode code points (run.columnKind "unicodeCodePoints").
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/printer.h"

namespace fulint {

// Collects results and prints the log in Finish(), when the rule list (sorted by id, which
// fixes each result's ruleIndex) is known.
class SarifPrinter : public Printer {
 public:
  static constexpr const char* kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

  explicit SarifPrinter(const PrintOptions& options);
  void File(const FileResult& result, FILE* out) override;
  void Finish(FILE* out) override;

 private:
  PrintOptions options_;
  std::map<std::string, RuleInfo> rules_;  // rules with results, by id
  std::vector<nlohmann::ordered_json> results_;
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

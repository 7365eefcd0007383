#pragma once
// The whole pipeline for one input: bytes -> Document -> diagnostics.
#include <memory>
#include <string>

#include "parse/parse.h"
#include "report/printer.h"
#include "rules/engine.h"

namespace fulint {

struct LintedFile {
  std::unique_ptr<Document> doc;
  FileResult result;  // result.doc points into `doc`
  bool io_error = false;
};

// Lints `bytes` read from `path` (used for the format and in messages). A decode failure is
// reported as result.error with the raw position; parse problems become warnings.
LintedFile LintBytes(const std::string& path, std::string bytes, const RuleSet& rules,
                     Segmenter& segmenter, const LintOptions& options);

}  // namespace fulint

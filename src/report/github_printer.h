#pragma once
// GitHub Actions workflow commands: one "::error file=...,line=...::message" line per
// diagnostic, which the runner turns into annotations on the pull request.
#include <memory>
#include <string>

#include "report/printer.h"

namespace fulint {

// Prints as it goes; errors become ::error, warnings ::warning, suggestions ::notice.
class GithubPrinter : public Printer {
 public:
  void File(const FileResult& result, FILE* out) override;
  bool PerFile() const override { return true; }
};

std::unique_ptr<Printer> MakeGithubPrinter(const PrintOptions& options);

// GitHub's escaping of a command's message: % CR LF as %25 %0D %0A.
std::string EscapeGithubData(const std::string& s);
// ...and of a property value, which also escapes : and , as %3A and %2C.
std::string EscapeGithubProperty(const std::string& s);

}  // namespace fulint

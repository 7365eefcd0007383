// Fuzz target: the whole pipeline after reading, as `fulint FILE --fix --dry-run` runs it:
// the first byte picks the format (.txt, .md, .eml), the rest is linted with the built-in
// rules, printed in every output format, and fixed once.
#include <cstdio>

#include "cli/lint_file.h"
#include "cli/rules_dir.h"
#include "fix/fix.h"
#include "fuzz_util.h"
#include "report/printer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const fulint::RuleSet* rules = [] {
    auto* set = new fulint::RuleSet;
    std::vector<fulint::ConfigError> errors;
    fulint::LoadRules(FULINT_SOURCE_DIR "/rules", set, &errors);
    return set;
  }();
  static fulint::Segmenter segmenter;
  static FILE* sink = std::fopen("/dev/null", "w");
  if (size == 0) return 0;
  static const char* kNames[] = {"draft.txt", "draft.md", "message.eml"};
  std::string name = kNames[data[0] % 3];
  fulint::LintedFile f = fulint::LintBytes(
      name, std::string(reinterpret_cast<const char*>(data + 1), size - 1), *rules, segmenter, {});
  for (const std::string& format : fulint::PrinterNames()) {
    fulint::PrintOptions options;
    auto printer = fulint::MakePrinter(format, options);
    printer->File(f.result, sink);
    printer->Finish(sink);
  }
  if (f.result.error.empty())
    fulint::ApplyFixes(f.doc->raw, f.doc->decoded, f.result.diagnostics, /*safe_only=*/true);
  return 0;
}

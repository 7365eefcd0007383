#include "cli/lint_file.h"

namespace fulint {

LintedFile LintBytes(const std::string& path, std::string bytes, const RuleSet& rules,
                     Segmenter& segmenter, const LintOptions& options) {
  LintedFile out;
  out.doc = std::make_unique<Document>();
  Document& doc = *out.doc;
  doc.path = path;
  doc.format = FormatForPath(path);
  doc.raw = std::move(bytes);
  out.result.path = path;
  ParseOutcome parsed = ParseDocument(&doc);
  if (!parsed.ok) {
    out.result.error = parsed.error;
    out.result.error_raw_offset = parsed.error_raw_offset;
    out.result.doc = &doc;
    return out;
  }
  out.result.doc = &doc;
  out.result.diagnostics = Lint(doc, rules, segmenter, options);
  for (const ParseProblem& p : parsed.problems) {
    Diagnostic d;
    d.rule_id = kParseProblemRuleId;
    d.severity = Severity::kWarning;
    d.raw = p.raw_offset ? Range{*p.raw_offset, *p.raw_offset} : doc.decoded.map.ToRaw(p.range);
    d.message = p.message;
    out.result.diagnostics.push_back(std::move(d));
  }
  SortDiagnostics(&out.result.diagnostics);
  return out;
}

}  // namespace fulint

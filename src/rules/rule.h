#pragma once
// A loaded rule: Vale's common keys plus one check (the `extends` type) that finds problems.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "parse/document.h"
#include "rules/conditions.h"
#include "rules/phrase_scans.h"
#include "rules/regex_scans.h"
#include "rules/scan_targets.h"
#include "rules/scopes.h"

namespace fulint {

// A problem a check found, in decoded-text offsets; the engine turns it into a Diagnostic.
struct Finding {
  Range range;
  std::vector<std::string> args;  // values for the message's %s, in order
  std::vector<Fix> fixes;         // edits in decoded-text offsets (mapped by the engine)
  std::string message;            // replaces the rule's message when set
};

// What a check sees of the document being linted.
class LintContext {
 public:
  LintContext(const Document& doc, ScopeResolver& scopes, PhraseScans* phrase_scans = nullptr,
              RegexScans* regex_scans = nullptr)
      : doc_(doc), scopes_(scopes), phrase_scans_(phrase_scans), regex_scans_(regex_scans) {}
  const Document& doc() const { return doc_; }
  // The text the current rule matches: `lintable` (masked) by default, the decoded text for
  // rules with `view: text` (which need to see e-mail addresses, or real spacing).
  std::string_view view() const { return view_text_ ? doc_.text() : doc_.lintable; }
  void set_view_text(bool v) { view_text_ = v; }
  ScopeResolver& scopes() { return scopes_; }
  // The document's shared phrase-list scans (null: each list scans for itself).
  PhraseScans* phrase_scans() { return phrase_scans_; }
  // The document's shared scan for regexes' literals (null: each regex scans for itself).
  RegexScans* regex_scans() { return regex_scans_; }
  // Where a check's TokenMatcher::FindAll records the first regex of the current rule that
  // gave up (Boost.Regex throws on catastrophic backtracking); the engine reports and clears
  // it, and the rule's other regexes are not run again on this document.
  std::string* regex_error() { return &regex_error_; }

 private:
  const Document& doc_;
  ScopeResolver& scopes_;
  PhraseScans* phrase_scans_;
  RegexScans* regex_scans_;
  bool view_text_ = false;
  std::string regex_error_;
};

class Check {
 public:
  virtual ~Check() = default;
  // Appends findings for the ranges of the rule's scope (empty when the section is absent).
  virtual void Run(LintContext& ctx, const std::vector<Range>& units,
                   std::vector<Finding>* out) const = 0;
  // Appends the check's phrase lists and regexes. The rule set compiles the lists into one
  // PhraseUnion and the regexes' required literals into one RegexUnion, so a document is
  // scanned once for all of them (rules/phrase_scans.h, rules/regex_scans.h).
  virtual void AddScanTargets(ScanTargets* /*out*/) const {}
  // How early the threads sharing a long document should start this check (engine.cc):
  // checks that take longest on long text (a dictionary lookup for every word) rank higher,
  // so that none of them is the last thing left on one thread while the others wait. A
  // scheduling hint only: findings never depend on it.
  virtual int StartEarlyRank() const { return 0; }
};

struct RuleExamples {
  std::vector<std::string> bad;   // drafts that must trigger the rule
  std::vector<std::string> good;  // drafts that must not
};

struct Rule {
  std::string id;    // Style.Rule
  std::string path;  // the YAML file it came from
  std::string extends;
  std::string message;
  std::string description;
  std::string link;
  Severity level = Severity::kWarning;
  std::vector<std::string> scope{"text"};
  int limit = 0;  // 0: no limit on findings per file
  Conditions when, unless;  // see conditions.h
  bool view_text = false;   // `view: text`: match the decoded text, masked parts included
  RuleExamples examples;
  std::unique_ptr<Check> check;
};

}  // namespace fulint

#include "rules/engine.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "parse/suppressions.h"

namespace fulint {
namespace {

}  // namespace

std::string FormatMessage(const std::string& message, const std::vector<std::string>& args) {
  std::string out;
  size_t next_arg = 0;
  for (size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '%' && i + 1 < message.size() && message[i + 1] == 's') {
      if (next_arg < args.size()) out += args[next_arg];
      ++next_arg;
      ++i;
    } else {
      out += message[i];
    }
  }
  return out;
}

bool RuleApplies(const Rule& rule, const Document& doc) {
  return WhenHolds(rule.when, doc) && !UnlessHolds(rule.unless, doc);
}

std::vector<Diagnostic> Lint(const Document& doc, const RuleSet& rules, Segmenter& segmenter,
                             const LintOptions& options) {
  std::vector<Diagnostic> out;
  ScopeResolver scopes(doc, segmenter);
  LintContext ctx(doc, scopes);
  std::vector<Finding> findings;
  if (options.rule_seconds) options.rule_seconds->resize(rules.rules.size());
  for (size_t index = 0; index < rules.rules.size(); ++index) {
    const auto& rule = rules.rules[index];
    auto started = std::chrono::steady_clock::now();
    if (rule->level < options.min_level) continue;
    if (!options.only.empty() &&
        std::find(options.only.begin(), options.only.end(), rule->id) == options.only.end())
      continue;
    if (!RuleApplies(*rule, doc)) continue;
    std::vector<Range> units;
    for (const auto& s : rule->scope) {
      const auto& r = scopes.Resolve(s);
      units.insert(units.end(), r.begin(), r.end());
    }
    findings.clear();
    ctx.set_view_text(rule->view_text);
    ctx.regex_error()->clear();
    rule->check->Run(ctx, units, &findings);
    if (!ctx.regex_error()->empty()) {  // reported; the rule's other findings are kept
      Diagnostic d;
      d.rule_id = "fulint.Rule";
      d.severity = Severity::kWarning;
      d.message = rule->id + " stopped early, its findings may be incomplete: " +
                  *ctx.regex_error();
      out.push_back(std::move(d));
    }
    int emitted = 0;
    for (const Finding& f : findings) {
      if (rule->limit > 0 && emitted >= rule->limit) break;
      if (IsSuppressed(doc, rule->id, f.range.begin)) continue;
      Diagnostic d;
      d.rule_id = rule->id;
      d.severity = rule->level;
      d.raw = doc.decoded.map.ToRaw(f.range);
      d.message = FormatMessage(f.message.empty() ? rule->message : f.message, f.args);
      d.matched = std::string(doc.Slice(f.range));
      d.link = rule->link;
      for (const Fix& fix : f.fixes) {
        Fix mapped{fix.title, {}, fix.safe};
        for (const Edit& e : fix.edits)
          mapped.edits.push_back({doc.decoded.map.ToRaw(e.raw), e.replacement});
        d.fixes.push_back(std::move(mapped));
      }
      out.push_back(std::move(d));
      ++emitted;
    }
    if (options.rule_seconds)
      (*options.rule_seconds)[index] +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }
  SortDiagnostics(&out);
  return out;
}

}  // namespace fulint

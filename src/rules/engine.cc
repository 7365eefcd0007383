#include "rules/engine.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <iterator>

#include "base/kept_threads.h"
#include "parse/suppressions.h"

namespace fulint {
namespace {}  // namespace

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

namespace {

// Scratch space one thread reuses from rule to rule (an allocation per rule and document
// was a tenth of a folder run's allocations).
struct RuleScratch {
  std::vector<Range> units;
  std::vector<Finding> findings;
};

// Runs one rule, appending its diagnostics to `out`.
void RunRule(const Rule& rule, size_t index, const Document& doc, LintContext& ctx,
             ScopeResolver& scopes, const LintOptions& options, RuleScratch* scratch,
             std::vector<Diagnostic>* out) {
  // Timed only for `debug timings`: reading the clock for every rule of every file was 0.6%
  // of a folder's run.
  std::chrono::steady_clock::time_point started;
  if (options.rule_seconds) started = std::chrono::steady_clock::now();
  if (rule.level < options.min_level) return;
  if (!options.only.empty() &&
      std::find(options.only.begin(), options.only.end(), rule.id) == options.only.end())
    return;
  if (!RuleApplies(rule, doc)) return;
  std::vector<Range>& units = scratch->units;
  std::vector<Finding>* findings = &scratch->findings;
  units.clear();
  for (const auto& s : rule.scope) {
    const auto& r = scopes.Resolve(s);
    units.insert(units.end(), r.begin(), r.end());
  }
  findings->clear();
  ctx.set_view_text(rule.view_text);
  ctx.regex_error()->clear();
  rule.check->Run(ctx, units, findings);
  if (!ctx.regex_error()->empty()) {  // reported; the rule's other findings are kept
    Diagnostic d;
    d.rule_id = kRuleStoppedRuleId;
    d.severity = Severity::kWarning;
    d.message = rule.id + " stopped early, its findings may be incomplete: " + *ctx.regex_error();
    out->push_back(std::move(d));
  }
  // A long file's rules each fill their own vector (Lint): room for all their findings at
  // once, where growing by doubling took up to twice their size. (A vector shared by every
  // rule keeps growing by doubling: exact room for each rule would move it each time.)
  if (out->empty()) out->reserve(findings->size());
  int emitted = 0;
  for (const Finding& f : *findings) {
    if (rule.limit > 0 && emitted >= rule.limit) break;
    if (IsSuppressed(doc, rule.id, f.range.begin)) continue;
    Diagnostic d;
    d.rule_id = rule.id;
    d.severity = rule.level;
    d.raw = doc.decoded.map.ToRaw(f.range);
    d.message = FormatMessage(f.message.empty() ? rule.message : f.message, f.args);
    d.matched = std::string(doc.Slice(f.range));
    d.link = rule.link;
    for (const Fix& fix : f.fixes) {
      Fix mapped{fix.title, {}, fix.safe};
      for (const Edit& e : fix.edits)
        mapped.edits.push_back({doc.decoded.map.ToRaw(e.raw), e.replacement});
      d.fixes.push_back(std::move(mapped));
    }
    out->push_back(std::move(d));
    ++emitted;
  }
  if (options.rule_seconds)
    (*options.rule_seconds)[index] +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

std::vector<Diagnostic> Lint(const Document& doc, const RuleSet& rules, Segmenter& segmenter,
                             const LintOptions& options) {
  const size_t n = rules.rules.size();
  if (options.rule_seconds) options.rule_seconds->resize(n);
  std::vector<Diagnostic> out;
  unsigned threads = std::min<size_t>(options.threads, n);
  PhraseScans phrase_scans(rules.phrases.get(), {doc.lintable, doc.text()});
  // Both views: the decoded text serves only two rules (`view: text`), but a regex's own scan
  // stops at each byte that may start a literal (every space, for ProofreadSpaces' two
  // blanks), and one shared pass costs less (callgrind, 1,000 drafts: 9 M instructions for
  // that view's pass against 15 M for the regexes' own scans of it).
  RegexScans regex_scans(rules.regexes.get(), {doc.lintable, doc.text()}, doc.text().size());
  if (threads <= 1 || doc.text().size() < kParallelRulesFrom) {
    ScopeResolver scopes(doc, segmenter);
    LintContext ctx(doc, scopes, &phrase_scans, &regex_scans);
    thread_local RuleScratch scratch;
    for (size_t index = 0; index < n; ++index)
      RunRule(*rules.rules[index], index, doc, ctx, scopes, options, &scratch, &out);
    SortDiagnostics(&out);
    return out;
  }
  // A long document: threads take rules in order from a shared counter (rules differ a lot
  // in cost, so fixed halves would not balance). Each keeps its own scope caches, but the
  // words (what most rules ask for) and the phrase-list scans are made once for all. Results
  // are joined in rule order, as one thread would have produced them, before the same sort:
  // the output does not depend on threads.
  std::vector<std::vector<Diagnostic>> per_rule(n);
  std::atomic<size_t> next{0};
  SharedWords words;
  auto work = [&](Segmenter& seg, bool words_first) {
    ScopeResolver scopes(doc, seg, &words);
    LintContext ctx(doc, scopes, &phrase_scans, &regex_scans);
    RuleScratch scratch;
    if (words_first) scopes.PrepareWords();
    for (size_t index; (index = next.fetch_add(1)) < n;)
      RunRule(*rules.rules[index], index, doc, ctx, scopes, options, &scratch, &per_rule[index]);
  };
  // The two passes most rules wait on are made first, side by side: this thread scans for
  // the phrase lists while the first helper segments the words (then both take rules). Made
  // by whichever rule asked first, each held up the other threads for its whole length. The
  // words are made even when no rule asks for them: about 3 ms a megabyte, on a core that
  // would otherwise start on the rules. The helpers are kept threads (kept_threads.h): started
  // on another core, and not joined.
  RunOnKeptThreads(threads, [&](unsigned id) {
    if (id == 0) {
      phrase_scans.ScanAll(doc.lintable);
      work(segmenter, false);
      return;
    }
    Segmenter own;
    work(own, id == 1);
  });
  size_t total = 0;
  for (const auto& v : per_rule) total += v.size();
  out.reserve(total);
  for (auto& v : per_rule) {
    std::move(v.begin(), v.end(), std::back_inserter(out));
    std::vector<Diagnostic>().swap(v);  // freed as we go: less memory to fault in at the peak
  }
  SortDiagnostics(&out);
  return out;
}

}  // namespace fulint

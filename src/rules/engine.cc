#include "rules/engine.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <iterator>
#include <optional>

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
  // In optionals so that a long document can free them before its findings are joined.
  std::optional<PhraseScans> phrase_scans_made;
  PhraseScans& phrase_scans = phrase_scans_made.emplace(
      rules.phrases.get(), std::vector<std::string_view>{doc.lintable, doc.text()});
  // Both views: the decoded text serves only two rules (`view: text`), but a regex's own scan
  // stops at each byte that may start a literal (every space, for ProofreadSpaces' two
  // blanks), and one shared pass costs less (callgrind, 1,000 drafts: 9 M instructions for
  // that view's pass against 15 M for the regexes' own scans of it).
  std::optional<RegexScans> regex_scans_made;
  RegexScans& regex_scans = regex_scans_made.emplace(
      rules.regexes.get(), std::vector<std::string_view>{doc.lintable, doc.text()},
      doc.text().size());
  if (threads <= 1 || doc.text().size() < kParallelRulesFrom) {
    ScopeResolver scopes(doc, segmenter);
    LintContext ctx(doc, scopes, &phrase_scans, &regex_scans);
    thread_local RuleScratch scratch;
    for (size_t index = 0; index < n; ++index)
      RunRule(*rules.rules[index], index, doc, ctx, scopes, options, &scratch, &out);
    SortDiagnostics(&out);
    return out;
  }
  // A long document: threads take rules from a shared counter, in the rule set's
  // parallel_order (rules differ a lot in cost, so fixed halves would not balance; the
  // longest start first, and those waiting for the phrase scan last). Each keeps its own
  // scope caches, but the words (what most rules ask for) and the phrase-list scans are made
  // once for all. Each rule's findings go to its own vector; they are joined in the order
  // one thread's sort gives: the output does not depend on threads.
  std::vector<std::vector<Diagnostic>> per_rule(n);
  std::atomic<size_t> next{0};
  std::optional<SharedWords> words_made;
  SharedWords& words = words_made.emplace();
  auto work = [&](Segmenter& seg, bool words_first) {
    ScopeResolver scopes(doc, seg, &words);
    LintContext ctx(doc, scopes, &phrase_scans, &regex_scans);
    RuleScratch scratch;
    if (words_first) scopes.PrepareWords();
    for (size_t taken; (taken = next.fetch_add(1)) < n;) {
      size_t index = rules.parallel_order.size() == n ? rules.parallel_order[taken] : taken;
      RunRule(*rules.rules[index], index, doc, ctx, scopes, options, &scratch, &per_rule[index]);
    }
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
  // The words and scans (tens of megabytes for a long file) are not needed any more: freed
  // before the findings are joined into a vector of their own.
  words_made.reset();
  phrase_scans_made.reset();
  regex_scans_made.reset();
  // Joined in sorted order: the findings' keys are sorted (position, rule id, then rule
  // order and each rule's own order, as a stable sort of the rules' findings end to end
  // would), and each finding is moved once, straight to its place (moving all into one
  // vector and then sorting that moved each twice: 15 ms of 80,000 findings).
  struct Key {
    uint32_t begin, end, rule, at;
  };
  std::vector<Key> keys;
  size_t total = 0;
  for (const auto& v : per_rule) total += v.size();
  keys.reserve(total);
  for (uint32_t r = 0; r < n; ++r)
    for (uint32_t at = 0; at < per_rule[r].size(); ++at)
      keys.push_back({per_rule[r][at].raw.begin, per_rule[r][at].raw.end, r, at});
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    if (int c = per_rule[a.rule][a.at].rule_id.compare(per_rule[b.rule][b.at].rule_id); c != 0)
      return c < 0;
    return a.rule != b.rule ? a.rule < b.rule : a.at < b.at;
  });
  out.reserve(total);
  for (const Key& k : keys) out.push_back(std::move(per_rule[k.rule][k.at]));
  return out;
}

}  // namespace fulint

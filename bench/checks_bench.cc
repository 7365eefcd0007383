// Each check type alone: the FollowUp rules of that type (substitution: the benchmark rule in
// bench/rules/Bench, FollowUp has none) run directly on a parsed draft, their scopes resolved
// before the timed loop, so the time is the checks' own (segmenting a scope is
// BM_Segment's). Registered at run time, one benchmark per check type and input.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "bench_util.h"
#include "parse/parse.h"
#include "rules/check_type.h"
#include "rules/engine.h"
#include "rules/rule.h"
#include "rules/scopes.h"

namespace fulint::bench {
namespace {

// The benchmark-only rules (a style of their own), loaded once.
const RuleSet& BenchRules() {
  static const RuleSet* rules = [] {
    auto* set = new RuleSet;
    std::vector<ConfigError> errors;
    if (!LoadRules(SourcePath("bench/rules"), set, &errors)) {
      for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.Format().c_str());
      std::exit(2);
    }
    return set;
  }();
  return *rules;
}

std::vector<const Rule*> RulesOfType(const std::string& type) {
  std::vector<const Rule*> out;
  for (const RuleSet* set : {&FollowUpRules(), &BenchRules()})
    for (const auto& rule : set->rules)
      if (rule->extends == type) out.push_back(rule.get());
  return out;
}

void BM_Check(benchmark::State& state, std::vector<const Rule*> rules, std::string rel) {
  Document doc;
  doc.path = SourcePath(rel);
  doc.format = FormatForPath(doc.path);
  doc.raw = ReadFileOrDie(doc.path);
  if (!ParseDocument(&doc).ok) {
    state.SkipWithError("parse failed");
    return;
  }
  Segmenter segmenter;
  ScopeResolver scopes(doc, segmenter);
  LintContext ctx(doc, scopes);
  // Units per rule, as the engine gathers them; rules whose conditions exclude this draft are
  // dropped (the engine skips them too).
  std::vector<std::pair<const Rule*, std::vector<Range>>> work;
  for (const Rule* rule : rules) {
    if (!RuleApplies(*rule, doc)) continue;
    std::vector<Range> units;
    for (const auto& s : rule->scope) {
      const auto& r = scopes.Resolve(s);
      units.insert(units.end(), r.begin(), r.end());
    }
    work.emplace_back(rule, std::move(units));
  }
  std::vector<Finding> findings;
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& [rule, units] : work) {
      findings.clear();
      ctx.set_view_text(rule->view_text);
      rule->check->Run(ctx, units, &findings);
      found += findings.size();
    }
  }
  state.counters["rules"] = double(work.size());
  state.counters["findings"] = double(found);
  state.SetBytesProcessed(int64_t(state.iterations()) * doc.raw.size());
}

}  // namespace

void RegisterCheckBenchmarks() {
  // The plain draft has no metadata, so the metadata-driven checks also run on Markdown with
  // front matter.
  const std::pair<const char*, const char*> inputs[] = {
      {"plain_400_words", "bench/data/draft-400.txt"},
      {"markdown_front_matter", "tests/fixtures/clean/family-medicine-accents.md"}};
  for (const CheckType& type : CheckTypes()) {
    std::vector<const Rule*> rules = RulesOfType(type.name);
    if (rules.empty()) {
      std::fprintf(stderr, "fulint_bench: no rule of check type %s to time\n", type.name);
      std::exit(2);
    }
    for (const auto& [label, rel] : inputs)
      benchmark::RegisterBenchmark(("BM_Check/" + std::string(type.name) + "/" + label).c_str(),
                                   BM_Check, rules, std::string(rel))
          ->Unit(benchmark::kMicrosecond);
  }
}

}  // namespace fulint::bench

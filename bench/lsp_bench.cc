// The language server's keystroke path, in process: a one-character edit applied to an open
// 400-word draft through the DocumentStore, then the lint the server's worker runs for it
// (rules from RuleSets with its stat checks, LintBytes, diagnostics converted to LSP JSON with
// hover text, the publishDiagnostics notification serialised). Mirrors
// Server::LintSnapshot / LintAndPublish in src/lsp/server.cc without the transport, the
// debounce timer and the thread hand-off. The target: median <= 1 ms.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "bench_util.h"
#include "cli/lint_file.h"
#include "lsp/documents.h"
#include "lsp/features.h"
#include "lsp/protocol.h"
#include "lsp/rule_sets.h"
#include "report/lsp_diagnostic.h"

namespace fulint::bench {
namespace {

using lsp::ContentChange;
using lsp::DocumentStore;
using lsp::json;
using lsp::LspPosition;
using lsp::LspRange;
using lsp::OpenDocument;
using lsp::PositionMap;
using lsp::RuleSets;

// What the server sends for one lint of `doc` (as LintSnapshot builds it, then serialised).
size_t LintAndSerialise(const OpenDocument& doc, RuleSets& rule_sets, Segmenter& segmenter,
                        const std::string& rules_dir) {
  std::string text = doc.text;  // the server lints a snapshot copied out of the store
  const RuleSets::Entry& entry = rule_sets.ForFile(doc.path);
  LintedFile linted = LintBytes(doc.name, std::move(text), *entry.rules, segmenter, LintOptions());
  PositionMap map(*linted.result.doc, PositionEncoding::kUtf16);
  std::map<std::string, std::string> links;
  json diagnostics = json::array();
  size_t hover_bytes = 0;
  for (const Diagnostic& d : linted.result.diagnostics) {
    std::string link;
    if (const Rule* rule = entry.rules->Find(d.rule_id)) {
      auto it = links.find(rule->id);
      if (it == links.end()) it = links.emplace(rule->id, lsp::ResolveLink(*rule, rules_dir)).first;
      link = it->second;
      hover_bytes += lsp::ExplainMarkdown(*rule, it->second).size();
    }
    LspDiagnosticExtras extras{link.find(':') != std::string::npos ? link : "", true};
    json item = json(LspDiagnostic(d, map.index(), map.unit(), extras));
    diagnostics.push_back(std::move(item));
  }
  std::string sent =
      lsp::MakeNotification(
          "textDocument/publishDiagnostics",
          {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(diagnostics)}})
          .dump();
  benchmark::DoNotOptimize(hover_bytes);
  return sent.size();
}

// The server's state after didOpen: the draft open, its rules loaded, its first lint done.
struct OpenDraft {
  std::string rules_dir = SourcePath("rules");
  std::string path = SourcePath("bench/data/draft-400.txt");
  std::string uri = lsp::PathToUri(path);
  DocumentStore store;
  RuleSets rule_sets{rules_dir};
  Segmenter segmenter;
  int64_t version = 1;

  bool Open() {
    store.Open(uri, "plaintext", version, Draft400());
    if (!rule_sets.ForFile(path).rules) return false;
    Relint();
    return true;
  }
  // Replaces `range` (UTF-16 positions) with `text`, as one didChange.
  void Edit(LspRange range, const std::string& text) {
    ContentChange change;
    change.range = range;
    change.text = text;
    store.Change(uri, ++version, {change}, PositionEncoding::kUtf16);
  }
  size_t Relint() { return LintAndSerialise(*store.Find(uri), rule_sets, segmenter, rules_dir); }
};

// Per-edit percentiles (the target is a median), besides the library's mean.
void ReportSamples(benchmark::State& state, std::vector<double> samples, size_t sent) {
  if (samples.empty()) return;
  std::sort(samples.begin(), samples.end());
  auto pct = [&](double p) { return samples[size_t(p * double(samples.size() - 1))]; };
  state.counters["p50_us"] = pct(0.5);
  state.counters["p90_us"] = pct(0.9);
  state.counters["max_us"] = samples.back();
  state.counters["notification_bytes"] = double(sent);
}

double MicrosSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
      .count();
}

// Type a character at the start of "trauma" in the second body paragraph (line 7, 0-based
// 6), then delete it, alternately, so the text does not drift. The misspelling it makes is
// the same each time, so after the first edit its suggestions come from the cache.
void BM_LspEditRelint(benchmark::State& state) {
  OpenDraft draft;
  if (!draft.Open()) {
    state.SkipWithError("rules failed to load");
    return;
  }
  const LspPosition at{6, 40};
  std::vector<double> samples;
  size_t sent = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    if (draft.version % 2 == 1)
      draft.Edit({at, at}, "x");
    else
      draft.Edit({at, {at.line, at.character + 1}}, "");
    sent = draft.Relint();
    samples.push_back(MicrosSince(start));
  }
  ReportSamples(state, std::move(samples), sent);
}
BENCHMARK(BM_LspEditRelint)->Unit(benchmark::kMicrosecond);

// "trauma" followed by letters spelling `n` in base 26: a different non-word for every n.
std::string UniqueNonWord(uint64_t n) {
  std::string out = "traumaq";
  do {
    out += char('a' + n % 26);
    n /= 26;
  } while (n);
  return out;
}

// A keystroke that makes a misspelling never seen before in this process, so each re-lint
// asks Hunspell for suggestions afresh (the dictionary caches them per word, process-wide),
// as typing a new word does between its first letter and its last. Before each timed edit,
// untimed, the word after "the " on line 7 is replaced by a fresh non-word; the timed edit
// then types one more letter at its end.
void BM_LspTypingNewMisspelling(benchmark::State& state) {
  static uint64_t next = 0;  // across repetitions too: their words must not repeat
  OpenDraft draft;
  if (!draft.Open()) {
    state.SkipWithError("rules failed to load");
    return;
  }
  const uint32_t line = 6, begin = 40;
  uint32_t end = begin + 6;  // "trauma"
  std::vector<double> samples;
  size_t sent = 0;
  for (auto _ : state) {
    std::string word = UniqueNonWord(next++);
    draft.Edit({{line, begin}, {line, end}}, word);
    end = begin + uint32_t(word.size());
    auto start = std::chrono::steady_clock::now();
    draft.Edit({{line, end}, {line, end}}, "k");
    ++end;
    sent = draft.Relint();
    samples.push_back(MicrosSince(start));
  }
  ReportSamples(state, std::move(samples), sent);
}
BENCHMARK(BM_LspTypingNewMisspelling)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace fulint::bench

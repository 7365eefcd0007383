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

#include "bench_util.h"
#include "cli/lint_file.h"
#include "lsp/documents.h"
#include "lsp/features.h"
#include "lsp/protocol.h"
#include "lsp/rule_sets.h"

namespace fulint::bench {
namespace {

using lsp::ContentChange;
using lsp::DocumentStore;
using lsp::LspPosition;
using lsp::LspRange;
using lsp::OpenDocument;
using lsp::PositionMap;
using lsp::RuleSets;
using lsp::json;

// What the server sends for one lint of `doc` (as LintSnapshot builds it, then serialised).
size_t LintAndSerialise(const OpenDocument& doc, RuleSets& rule_sets, Segmenter& segmenter,
                        const std::string& rules_dir) {
  std::string text = doc.text;  // the server lints a snapshot copied out of the store
  const RuleSets::Entry& entry = rule_sets.ForFile(doc.path);
  LintedFile linted = LintBytes(doc.name, std::move(text), *entry.rules, segmenter, LintOptions());
  PositionMap map(*linted.result.doc, lsp::PositionEncoding::kUtf16);
  std::map<std::string, std::string> links;
  json diagnostics = json::array();
  size_t hover_bytes = 0;
  for (const Diagnostic& d : linted.result.diagnostics) {
    json item = lsp::DiagnosticToJson(d, map);
    if (const Rule* rule = entry.rules->Find(d.rule_id)) {
      auto it = links.find(rule->id);
      if (it == links.end()) it = links.emplace(rule->id, lsp::ResolveLink(*rule, rules_dir)).first;
      if (it->second.find(':') != std::string::npos) item["codeDescription"] = {{"href", it->second}};
      hover_bytes += lsp::ExplainMarkdown(*rule, it->second).size();
    }
    diagnostics.push_back(std::move(item));
  }
  std::string sent = lsp::MakeNotification("textDocument/publishDiagnostics",
                                      {{"uri", doc.uri},
                                       {"version", doc.version},
                                       {"diagnostics", std::move(diagnostics)}})
                         .dump();
  benchmark::DoNotOptimize(hover_bytes);
  return sent.size();
}

void BM_LspEditRelint(benchmark::State& state) {
  std::string rules_dir = SourcePath("rules");
  std::string path = SourcePath("bench/data/draft-400.txt");
  std::string uri = lsp::PathToUri(path);
  DocumentStore store;
  store.Open(uri, "plaintext", 1, Draft400());
  RuleSets rule_sets(rules_dir);
  Segmenter segmenter;
  if (!rule_sets.ForFile(path).rules) {
    state.SkipWithError("rules failed to load");
    return;
  }
  LintAndSerialise(*store.Find(uri), rule_sets, segmenter, rules_dir);  // didOpen's lint

  // Type a character into the middle of the second body paragraph (line 7, 0-based), then
  // delete it, alternately, so the text does not drift.
  const LspPosition at{6, 40};
  int64_t version = 1;
  std::vector<double> samples;
  size_t sent = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    ContentChange change;
    bool insert = version % 2 == 1;
    change.range = LspRange{at, insert ? at : LspPosition{at.line, at.character + 1}};
    change.text = insert ? "x" : "";
    store.Change(uri, ++version, {change}, lsp::PositionEncoding::kUtf16);
    sent = LintAndSerialise(*store.Find(uri), rule_sets, segmenter, rules_dir);
    samples.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
  }
  // Per-edit percentiles (the target is a median), besides the library's mean.
  std::sort(samples.begin(), samples.end());
  auto pct = [&](double p) { return samples[size_t(p * double(samples.size() - 1))]; };
  state.counters["p50_us"] = pct(0.5);
  state.counters["p90_us"] = pct(0.9);
  state.counters["max_us"] = samples.back();
  state.counters["notification_bytes"] = double(sent);
}
BENCHMARK(BM_LspEditRelint)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace fulint::bench

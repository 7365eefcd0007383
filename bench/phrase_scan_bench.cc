// The one scan of a text for every phrase list of the FollowUp style (rules/phrase_scans.h),
// on the 400-word draft and on that draft repeated to 1 MB: a long text is scanned on the
// automaton's full rows (PhraseAutomaton::FullRows), a draft on its shallow rows.
#include <benchmark/benchmark.h>

#include <string>

#include "bench_util.h"
#include "rules/phrase_scans.h"

namespace fulint::bench {
namespace {

void BM_PhraseScan(benchmark::State& state) {
  const size_t want = static_cast<size_t>(state.range(0));
  std::string text;
  while (text.size() < want) text += Draft400() + "\n\n";
  const PhraseUnion* phrases = FollowUpRules().phrases.get();
  if (!phrases) {
    state.SkipWithError("the FollowUp style has no phrase lists");
    return;
  }
  for (auto _ : state) {
    PhraseScans scans(phrases, {text});
    scans.ScanAll(text);
    benchmark::DoNotOptimize(scans);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_PhraseScan)->Arg(1)->Arg(1 << 20)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace fulint::bench

// The pipeline stage by stage on one input each, then whole: decode, parse (plain text,
// Markdown with front matter, e-mail), segmentation, rule loading, and LintBytes as the CLI
// runs it for one file. Bytes/s are of the input file.
#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "cli/lint_file.h"
#include "decode/decode.h"
#include "parse/parse.h"
#include "segment/segmenter.h"

namespace fulint::bench {
namespace {

// The formats the parser distinguishes; each a realistic input from the repository.
const char* const kDraft = "bench/data/draft-400.txt";
const char* const kMarkdown = "tests/fixtures/clean/family-medicine-accents.md";
const char* const kEmail = "tests/fixtures/eml/gmail-alternative-qp.eml";

void BM_Decode(benchmark::State& state) {
  const std::string& raw = Draft400();
  for (auto _ : state) {
    DecodedText out;
    DecodeError error;
    if (!Decode(raw, &out, &error)) state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(out.text.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * raw.size());
}
BENCHMARK(BM_Decode);

// Decode plus parse into a Document (sections, masks, front matter or MIME parts).
void BM_Parse(benchmark::State& state, const char* rel) {
  std::string path = SourcePath(rel);
  std::string raw = ReadFileOrDie(path);
  Format format = FormatForPath(path);
  for (auto _ : state) {
    Document doc;
    doc.path = path;
    doc.format = format;
    doc.raw = raw;
    ParseOutcome outcome = ParseDocument(&doc);
    if (!outcome.ok) state.SkipWithError(outcome.error.c_str());
    benchmark::DoNotOptimize(doc.lintable.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * raw.size());
}
BENCHMARK_CAPTURE(BM_Parse, plain_400_words, kDraft);
BENCHMARK_CAPTURE(BM_Parse, markdown_front_matter, kMarkdown);
BENCHMARK_CAPTURE(BM_Parse, eml_multipart_qp, kEmail);

// ICU sentence and word boundaries over the whole decoded draft, with the per-thread
// Segmenter the engine reuses (its break iterators are made once, outside the loop).
void BM_Segment(benchmark::State& state, bool words) {
  Document doc;
  doc.path = kDraft;
  doc.raw = Draft400();
  ParseDocument(&doc);
  Segmenter segmenter;
  Range all{0, uint32_t(doc.text().size())};
  size_t units = 0;
  for (auto _ : state) {
    std::vector<Range> r =
        words ? segmenter.Words(doc.text(), all) : segmenter.Sentences(doc.text(), all);
    units = r.size();
    benchmark::DoNotOptimize(r.data());
  }
  state.counters["units"] = double(units);
  state.SetBytesProcessed(int64_t(state.iterations()) * doc.text().size());
}
BENCHMARK_CAPTURE(BM_Segment, sentences, false);
BENCHMARK_CAPTURE(BM_Segment, words, true);

// Loading rules/FollowUp (YAML, regexes, phrase lists). Spelling dictionaries are shared per
// process (Dictionary::Get), so after the first iteration this excludes opening them; the
// one-time cost is the first run of the process (see the whole-process timings).
void BM_LoadRules(benchmark::State& state) {
  std::string dir = SourcePath("rules");
  size_t count = 0;
  for (auto _ : state) {
    RuleSet set;
    std::vector<ConfigError> errors;
    if (!LoadRules(dir, &set, &errors)) state.SkipWithError("rules failed to load");
    count = set.rules.size();
  }
  state.counters["rules"] = double(count);
}
BENCHMARK(BM_LoadRules)->Unit(benchmark::kMillisecond);

// The whole pipeline for one file as `fulint FILE` runs it once the rules are loaded:
// decode, parse, segment, all FollowUp rules with spelling, diagnostics sorted.
void BM_LintBytes(benchmark::State& state, const char* rel) {
  std::string path = SourcePath(rel);
  std::string raw = ReadFileOrDie(path);
  const RuleSet& rules = FollowUpRules();
  Segmenter segmenter;
  size_t findings = 0;
  for (auto _ : state) {
    LintedFile linted = LintBytes(path, raw, rules, segmenter, LintOptions());
    findings = linted.result.diagnostics.size();
  }
  state.counters["findings"] = double(findings);
  state.SetBytesProcessed(int64_t(state.iterations()) * raw.size());
}
BENCHMARK_CAPTURE(BM_LintBytes, plain_400_words, kDraft)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_LintBytes, markdown_front_matter, kMarkdown)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_LintBytes, eml_multipart_qp, kEmail)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace fulint::bench

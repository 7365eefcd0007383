// Spelling lookups: every word of the 400-word draft checked against the dictionaries the
// Spelling rule uses (en_US + en_med_glut, through the compiled word caches when they are
// found), against plain Hunspell for comparison, and the cost of opening a word cache.
#include <benchmark/benchmark.h>

#include <hunspell/hunspell.hxx>
#include <memory>

#include "bench_util.h"
#include "parse/parse.h"
#include "segment/segmenter.h"
#include "spelling/dictionary.h"
#include "spelling/word_cache.h"

namespace fulint::bench {
namespace {

// The draft's words (ICU word boundaries over the lintable text), as the spelling check sees
// them before its own filters.
std::vector<std::string> DraftWords() {
  Document doc;
  doc.path = "draft-400.txt";
  doc.raw = Draft400();
  ParseDocument(&doc);
  Segmenter segmenter;
  std::vector<std::string> words;
  for (Range r : segmenter.Words(doc.lintable, {0, uint32_t(doc.lintable.size())}))
    words.emplace_back(doc.lintable.substr(r.begin, r.size()));
  return words;
}

void BM_DictionaryKnows(benchmark::State& state) {
  std::vector<std::string> words = DraftWords();
  std::string error;
  std::shared_ptr<Dictionary> dict = Dictionary::Get({{"en_US", "en_med_glut"}, {}}, &error);
  if (!dict) {
    state.SkipWithError(error.c_str());
    return;
  }
  size_t known = 0;
  for (auto _ : state) {
    known = 0;
    for (const auto& w : words) known += dict->Knows(w);
  }
  state.counters["words"] = double(words.size());
  state.counters["known"] = double(known);
  state.SetItemsProcessed(int64_t(state.iterations()) * words.size());
}
BENCHMARK(BM_DictionaryKnows)->Unit(benchmark::kMicrosecond);

// Hunspell itself, loaded once outside the loop (its load is ~75 ms per dictionary).
void BM_HunspellSpell(benchmark::State& state) {
  std::vector<std::string> words = DraftWords();
  std::string dir = HunspellDir();
  Hunspell hunspell((dir + "/en_US.aff").c_str(), (dir + "/en_US.dic").c_str());
  hunspell.add_dic((dir + "/en_med_glut.dic").c_str());
  size_t known = 0;
  for (auto _ : state) {
    known = 0;
    for (const auto& w : words) known += hunspell.spell(w);
  }
  state.counters["words"] = double(words.size());
  state.counters["known"] = double(known);
  state.SetItemsProcessed(int64_t(state.iterations()) * words.size());
}
BENCHMARK(BM_HunspellSpell)->Unit(benchmark::kMicrosecond);

// Mapping and validating the en_US word cache: what every process pays per dictionary.
void BM_WordCacheOpen(benchmark::State& state) {
  std::string dir = HunspellDir();
  std::string signature = DictionarySignature(dir + "/en_US.dic", dir + "/en_US.aff");
  std::string path;
  for (const auto& folder : WordCacheSearchPath())
    if (WordCache::Open(WordCacheFile(folder, "en_US"), signature)) {
      path = WordCacheFile(folder, "en_US");
      break;
    }
  if (path.empty()) {
    state.SkipWithError("no en_US word cache found (build the word_cache target)");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(WordCache::Open(path, signature));
}
BENCHMARK(BM_WordCacheOpen)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace fulint::bench

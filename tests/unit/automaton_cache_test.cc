// AutomatonCache (rules/automaton_cache.h): a phrase automaton read back from the cache scans
// exactly as the one it was stored from, on shallow and on full rows, and so does a literal
// union; a damaged, cut short or
// other build's file is built afresh; the folder keeps only the newest files; and fulint keeps
// the built-in style's automaton between runs with the same output.
#include "rules/automaton_cache.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "rules/literal_union.h"
#include "rules/phrase_matcher.h"
#include "test_util.h"

namespace fulint {
namespace {

struct Phrase {
  std::string text;
  int id, slot;
};

void AddAll(PhraseAutomaton* a, const std::vector<Phrase>& phrases) {
  for (const Phrase& p : phrases) a->Add(p.text, p.id, p.slot);
}

// Every slot's candidates of a scan of all of `text`, slot after slot, as (begin, end, id).
std::vector<std::vector<uint32_t>> ScanAll(const PhraseAutomaton& a, const std::string& text,
                                           int slots) {
  std::vector<std::vector<PhraseMatch>> found(static_cast<size_t>(slots));
  std::vector<std::vector<PhraseMatch>*> sinks;
  for (auto& f : found) sinks.push_back(&f);
  a.Scan(text, {0, static_cast<uint32_t>(text.size())}, sinks.data());
  std::vector<std::vector<uint32_t>> out;
  for (const auto& f : found) {
    out.emplace_back();
    for (const PhraseMatch& m : f)
      out.back().insert(out.back().end(), {m.range.begin, m.range.end, static_cast<uint32_t>(m.id)});
  }
  return out;
}

// The same scans on shallow rows and on full rows.
void RequireSameScans(const PhraseAutomaton& got, const PhraseAutomaton& want,
                      const std::string& text, int slots) {
  const uint32_t saved = PhraseAutomaton::full_rows_from;
  for (uint32_t from : {uint32_t{0}, UINT32_MAX}) {
    PhraseAutomaton::full_rows_from = from;
    INFO("full rows from " << from << ", text '" << text << "'");
    CHECK(ScanAll(got, text, slots) == ScanAll(want, text, slots));
  }
  PhraseAutomaton::full_rows_from = saved;
}

const std::vector<std::string> kPieces = {
    "a", "b", "A", "B", " ", "  ", "\n", "'", "\xE2\x80\x99", "-", ".", "\xC3\xA9", "1", "ab"};

std::vector<Phrase> RandomPhrases(std::mt19937& rng, int count, int slots) {
  std::vector<Phrase> phrases;
  for (int k = 0; k < count; ++k)
    phrases.push_back({test::RandomPieces(rng, kPieces, 4).text, k, static_cast<int>(rng() % slots)});
  return phrases;
}

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

size_t FilesIn(const std::filesystem::path& dir) {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    n += e.path().extension() == ".automaton";
  return n;
}

}  // namespace

TEST_CASE("automaton cache: an automaton read back scans as the one stored, on random lists",
          "[phrase][cache]") {
  test::TempDir dir;
  AutomatonCache cache(dir.path().string(), "build-1");
  std::mt19937 rng(20261206);
  size_t restored = 0;
  for (int round = 0; round < 400; ++round) {
    const bool ignore_case = rng() % 2 == 0;
    const int slots = 1 + static_cast<int>(rng() % 3);
    std::vector<Phrase> phrases = RandomPhrases(rng, 1 + static_cast<int>(rng() % 12), slots);
    PhraseAutomaton built(ignore_case), stored(ignore_case), loaded(ignore_case);
    AddAll(&built, phrases);
    AddAll(&stored, phrases);
    AddAll(&loaded, phrases);
    built.Build();
    stored.Build(&cache);  // stores it (or reads back an earlier round's with the same lists)
    const size_t hits = cache.hits();
    loaded.Build(&cache);
    // Read back, not built; unless every phrase was white space (no automaton to keep).
    bool any = false;
    for (const Phrase& p : phrases) any |= !NormalizePhrase(p.text, ignore_case).empty();
    REQUIRE(cache.hits() == hits + (any ? 1 : 0));
    restored += any;
    for (int t = 0; t < 6; ++t) {
      std::string text = test::RandomPieces(rng, kPieces, 40).text;
      RequireSameScans(loaded, built, text, slots);
      RequireSameScans(stored, built, text, slots);
    }
  }
  CHECK(restored > 350);
  CHECK(cache.stores() > 300);  // nearly every round's lists were new
}

TEST_CASE("automaton cache: a damaged, cut short or other build's file is built afresh",
          "[phrase][cache]") {
  test::TempDir dir;
  std::mt19937 rng(7);
  std::vector<Phrase> phrases = RandomPhrases(rng, 300, 2);
  PhraseAutomaton want(true);
  AddAll(&want, phrases);
  want.Build();
  const std::string text = test::RandomPieces(rng, kPieces, 400).text;
  {
    AutomatonCache cache(dir.path().string(), "build-1");
    PhraseAutomaton first(true);
    AddAll(&first, phrases);
    first.Build(&cache);
    REQUIRE(cache.stores() == 1);
  }
  REQUIRE(FilesIn(dir.path()) == 1);
  std::filesystem::path file = std::filesystem::directory_iterator(dir.path())->path();
  const std::string good = ReadAll(file);
  REQUIRE(good.size() > 1000);
  struct Damage {
    const char* what;
    std::string bytes;
  };
  std::vector<Damage> damages = {
      {"a byte of the body changed", good},
      {"a byte of the header changed", good},
      {"cut short", good.substr(0, good.size() / 2)},
      {"a byte added", good + "x"},
      {"only the header", good.substr(0, 32)},
      {"empty", ""},
  };
  damages[0].bytes[good.size() / 2] ^= 0x10;
  damages[1].bytes[3] ^= 0x01;
  for (const Damage& d : damages) {
    INFO(d.what);
    test::WriteFile(file, d.bytes);
    AutomatonCache cache(dir.path().string(), "build-1");
    PhraseAutomaton got(true);
    AddAll(&got, phrases);
    got.Build(&cache);
    CHECK(cache.hits() == 0);
    CHECK(cache.stores() == 1);  // and the file is good again
    RequireSameScans(got, want, text, 2);
    CHECK(ReadAll(file) == good);
  }
  // Another build's automaton is another key: the file is not read, another is written.
  AutomatonCache other(dir.path().string(), "build-2");
  PhraseAutomaton got(true);
  AddAll(&got, phrases);
  got.Build(&other);
  CHECK(other.hits() == 0);
  CHECK(other.stores() == 1);
  CHECK(FilesIn(dir.path()) == 2);
  RequireSameScans(got, want, text, 2);
  // No folder, or no build id: nothing is read or written.
  AutomatonCache off("", "build-1"), no_id(dir.path().string(), "");
  for (AutomatonCache* c : {&off, &no_id}) {
    PhraseAutomaton a(true);
    AddAll(&a, phrases);
    a.Build(c);
    CHECK(c->hits() + c->stores() == 0);
    RequireSameScans(a, want, text, 2);
  }
}

TEST_CASE("automaton cache: a literal union read back scans as the one stored",
          "[literals][cache]") {
  test::TempDir dir;
  AutomatonCache cache(dir.path().string(), "build-1");
  std::mt19937 rng(5);
  const std::vector<std::string> pieces = {"a", "b", "A", " ", "\t", ".", "\xC3\xA9", "ran", "k"};
  for (int round = 0; round < 200; ++round) {
    std::vector<std::vector<std::string>> slots(1 + rng() % 6);
    for (auto& slot : slots)
      for (size_t k = rng() % 4; k > 0; --k) slot.push_back(test::RandomPieces(rng, pieces, 3).text);
    LiteralUnion built(slots);
    LiteralUnion stored(slots, &cache);
    const size_t hits = cache.hits();
    LiteralUnion loaded(slots, &cache);
    REQUIRE(cache.hits() == hits + 1);
    CHECK(loaded.slots() == built.slots());
    CHECK(loaded.longest() == built.longest());
    for (int t = 0; t < 4; ++t) {
      std::string text = test::RandomPieces(rng, pieces, 60).text;
      auto hits_of = [&](const LiteralUnion& u) {
        std::vector<std::vector<LiteralHit>> per_slot;
        u.Scan(text, &per_slot);
        std::vector<std::vector<uint32_t>> out;
        for (const auto& slot : per_slot) {
          out.emplace_back();
          for (const LiteralHit& h : slot) out.back().insert(out.back().end(), {h.begin, h.end});
        }
        return out;
      };
      INFO("round " << round << ", text '" << text << "'");
      CHECK(hits_of(loaded) == hits_of(built));
      CHECK(hits_of(stored) == hits_of(built));
    }
  }
  // The phrase automata and the literal unions share the folder, under different keys.
  PhraseAutomaton phrases(true);
  phrases.Add("ran", 0, 0);
  phrases.Build(&cache);
  LiteralUnion literals({{"ran"}}, &cache);
  const size_t stores = cache.stores();
  PhraseAutomaton phrases_again(true);
  phrases_again.Add("ran", 0, 0);
  phrases_again.Build(&cache);
  LiteralUnion literals_again({{"ran"}}, &cache);
  CHECK(cache.stores() == stores);
  CHECK(ScanAll(phrases_again, "I ran", 1) == ScanAll(phrases, "I ran", 1));
}

TEST_CASE("automaton cache: the folder keeps only the newest files", "[phrase][cache]") {
  test::TempDir dir;
  AutomatonCache cache(dir.path().string(), "build-1");
  std::mt19937 rng(11);
  for (size_t k = 0; k < AutomatonCache::kKeep + 4; ++k) {
    PhraseAutomaton a(false);
    a.Add("phrase number " + std::to_string(k), 0, 0);
    a.Build(&cache);
  }
  CHECK(cache.stores() == AutomatonCache::kKeep + 4);
  CHECK(FilesIn(dir.path()) == AutomatonCache::kKeep);
}

TEST_CASE("automaton cache: fulint keeps the style's automaton between runs, same output",
          "[cli][phrase][cache]") {
  test::TempDir cache_dir, drafts;
  drafts.Write("a.txt",
               "Subject: Thank you\n\nDear Dr. Lee,\n\nI just wanted to touch base and say that "
               "I am very, very grateful. I will rank your program highly!!\n\nBest,\nSam\n");
  std::string env = "FULINT_CACHE_DIR=" + test::Quote(cache_dir.path().string());
  test::RunResult cold = test::RunFulint({drafts.path().string()}, "", env);
  REQUIRE(std::filesystem::is_directory(cache_dir / "automata"));
  CHECK(FilesIn(cache_dir / "automata") >= 1);
  std::filesystem::path file = std::filesystem::directory_iterator(cache_dir / "automata")->path();
  struct stat first;
  REQUIRE(::stat(file.c_str(), &first) == 0);
  test::RunResult warm = test::RunFulint({drafts.path().string()}, "", env);
  CHECK(warm.status == cold.status);
  CHECK(warm.out == cold.out);
  CHECK(cold.out.find("[FollowUp.Filler]") != std::string::npos);  // phrase lists matched
  struct stat second;
  REQUIRE(::stat(file.c_str(), &second) == 0);
  CHECK(second.st_ino == first.st_ino);  // read back, not written again
  test::RunResult none =
      test::RunFulint({drafts.path().string()}, "", env + " FULINT_NO_RULE_CACHE=1");
  CHECK(none.out == cold.out);
}

TEST_CASE("automaton cache: a file size limit leaves the run whole and keeps no cut file",
          "[cli][cache]") {
  // Under `ulimit -f 64` the automata (0.4 and 0.65 MB) cannot be written. The write must
  // fail quietly, not kill fulint with SIGXFSZ before it lints anything.
  test::TempDir cache_dir, drafts;
  drafts.Write("a.txt",
               "Subject: Thank you\n\nDear Dr. Lee,\n\nI just wanted to touch base and say that "
               "I am very, very grateful. I will rank your program highly!!\n\nBest,\nSam\n");
  // Enough text that the regexes' literal union is built (and so stored) too.
  std::string long_draft = "Subject: Thank you\n\nDear Dr. Lee,\n\n";
  for (int i = 0; i < 400; ++i) long_draft += "I just wanted to touch base about the clinic. ";
  drafts.Write("b.txt", long_draft + "\n\nBest,\nSam\n");
  std::string env = "FULINT_CACHE_DIR=" + test::Quote(cache_dir.path().string());
  test::RunResult unlimited =
      test::RunFulint({drafts.path().string()}, "", env + " FULINT_NO_RULE_CACHE=1");
  // The limit is fulint's alone: its output goes through a pipe to a `cat` outside it.
  std::string cmd = "(ulimit -f 64 && " + env + " exec " + test::Quote(FULINT_BINARY) + " " +
                    test::Quote(drafts.path().string()) + " 2>/dev/null) | cat > " +
                    test::Quote((cache_dir / "out.txt").string()) +
                    "; exit ${PIPESTATUS[0]}";
  cmd = "bash -c " + test::Quote(cmd);
  int raw = std::system(cmd.c_str());
  REQUIRE(raw != -1);
  CHECK_FALSE(WIFSIGNALED(raw));
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == unlimited.status);
  CHECK(ReadAll(cache_dir / "out.txt") == unlimited.out);
  // Nothing cut short was kept: no automaton file, no temporary file left behind.
  if (std::filesystem::is_directory(cache_dir / "automata"))
    CHECK(std::filesystem::is_empty(cache_dir / "automata"));
}

TEST_CASE("word caches: compiling one past the file size limit fails, not kills",
          "[cli][cache][spelling]") {
  // The compiled en_US word cache is megabytes; under `ulimit -f 64` compile-dictionaries
  // must report that it cannot write it and exit with an error, not die of SIGXFSZ.
  test::TempDir out;
  std::string cmd = "bash -c " + test::Quote("ulimit -f 64 && exec " + test::Quote(FULINT_BINARY) +
                                             " compile-dictionaries --out " +
                                             test::Quote(out.path().string()) + " en_US 2> " +
                                             test::Quote((out / "err.txt").string()));
  int raw = std::system(cmd.c_str());
  REQUIRE(raw != -1);
  CHECK_FALSE(WIFSIGNALED(raw));
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 2);
  CHECK(ReadAll(out / "err.txt").find("file size limit") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out / "en_US.v3.words"));
}

}  // namespace fulint

// RegexFactsCache: facts read back from the file are the ones AnalyzeRegex gives; a file from
// another build of fulint, or a damaged one, is ignored; the command line keeps the file
// between runs and leaves it alone when it has every pattern.
#include "rules/regex_facts_cache.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "base/build_id.h"
#include "test_util.h"

namespace fulint {
namespace {

// Patterns that give every kind of fact: literals with and without barriers before them, an
// \A branch, end anchoring, one-byte literals only worth a shared scan, and nothing at all.
const std::vector<std::pair<std::string, bool>> kPatterns = {
    {R"(\b(?:touch base|reach out|circle back)\b)", true},
    {R"(\bI\s+(?:will|shall)\s+rank\b)", false},
    {R"(choice\z|^Dear)", true},
    {R"(\bmy\s*$)", true},
    {R"([^.!?]\s*\z)", false},
    {R"(\[[^\]]*\]|\{\{|<[a-z]+>|_{3,}|\bTBD\b)", false},
    {R"(\A[[:lower:]]+|\bthe\b)", true},
    {R"([!?.,;:]{2,})", false},
    {R"(\w+)", false},
};

void RequireSame(const RegexFacts& got, const RegexFacts& want) {
  CHECK(got.literals == want.literals);
  CHECK(got.end_anchored == want.end_anchored);
  CHECK(got.head_max == want.head_max);
  CHECK(got.before == want.before);
  CHECK(got.or_at_start == want.or_at_start);
  CHECK(got.shared_only == want.shared_only);
}

}  // namespace

TEST_CASE("regex facts cache: facts read back equal the analysed ones", "[prefilter]") {
  test::TempDir dir;
  std::string file = (dir / "regex.facts").string();
  // The patterns cover every field (else this test could not tell a field lost on the way).
  bool literals = false, anchored = false, at_start = false, shared = false, barrier = false;
  {
    RegexFactsCache cache(file, "build-1");
    for (const auto& [pattern, icase] : kPatterns) {
      RegexFacts want = AnalyzeRegex(pattern, icase);
      literals |= !want.literals.empty();
      anchored |= want.end_anchored && want.head_max > 0;
      at_start |= want.or_at_start;
      shared |= want.shared_only;
      barrier |= !want.literals.empty() && !want.before.all();
      RequireSame(cache.Facts(pattern, icase), want);
    }
    CHECK(cache.hits() == 0);
    cache.Save();
  }
  CHECK((literals && anchored && at_start && shared && barrier));
  RegexFactsCache cache(file, "build-1");
  for (const auto& [pattern, icase] : kPatterns) {
    INFO(pattern);
    RequireSame(cache.Facts(pattern, icase), AnalyzeRegex(pattern, icase));
    // The case flag is part of the key.
    RequireSame(cache.Facts(pattern, !icase), AnalyzeRegex(pattern, !icase));
  }
  CHECK(cache.hits() == kPatterns.size());
}

TEST_CASE("regex facts cache: another build's file is ignored, then replaced", "[prefilter]") {
  test::TempDir dir;
  std::string file = (dir / "regex.facts").string();
  const auto& [pattern, icase] = kPatterns[0];
  {
    RegexFactsCache cache(file, "build-1");
    cache.Facts(pattern, icase);
    cache.Save();
  }
  {
    RegexFactsCache cache(file, "build-2");
    RequireSame(cache.Facts(pattern, icase), AnalyzeRegex(pattern, icase));
    CHECK(cache.hits() == 0);
    cache.Save();
  }
  RegexFactsCache second(file, "build-2");
  second.Facts(pattern, icase);
  CHECK(second.hits() == 1);
  RegexFactsCache first(file, "build-1");
  first.Facts(pattern, icase);
  CHECK(first.hits() == 0);
  // Without a build id nothing is read or written: the facts could be another program's.
  RegexFactsCache none(file, "");
  none.Facts(pattern, icase);
  CHECK(none.hits() == 0);
}

TEST_CASE("regex facts cache: a damaged file is ignored", "[prefilter]") {
  test::TempDir dir;
  std::string file = (dir / "regex.facts").string();
  {
    RegexFactsCache cache(file, "build-1");
    for (const auto& [pattern, icase] : kPatterns) cache.Facts(pattern, icase);
    cache.Save();
  }
  std::string whole = test::ReadFile(file);
  REQUIRE(whole.size() > 100);
  for (size_t keep : {size_t{0}, size_t{10}, whole.size() / 2, whole.size() - 1}) {
    test::WriteFile(file, whole.substr(0, keep));
    RegexFactsCache cache(file, "build-1");
    for (const auto& [pattern, icase] : kPatterns)
      RequireSame(cache.Facts(pattern, icase), AnalyzeRegex(pattern, icase));
    CHECK(cache.hits() == 0);
  }
  // A byte changed anywhere, the length of a literal say, or a letter of one: the file's
  // check fails and every pattern is analysed again.
  for (size_t at : {whole.size() - 9, whole.size() - 1, whole.find("touch base")}) {
    std::string bad = whole;
    bad[at] = static_cast<char>(bad[at] ^ 0x20);
    test::WriteFile(file, bad);
    RegexFactsCache cache(file, "build-1");
    for (const auto& [pattern, icase] : kPatterns)
      RequireSame(cache.Facts(pattern, icase), AnalyzeRegex(pattern, icase));
    CHECK(cache.hits() == 0);
  }
}

TEST_CASE("regex facts cache: the program has a build id", "[prefilter]") {
  // Debian's toolchain links with --build-id; without one the cache is never used.
  CHECK(ProgramBuildId().size() >= 8);
  CHECK(&ProgramBuildId() == &ProgramBuildId());
}

TEST_CASE("regex facts cache: fulint keeps it between runs, untouched once complete",
          "[cli][prefilter]") {
  test::TempDir cache_dir, drafts;
  // A pattern is read for its prefilter once it has been asked about a kilobyte of text.
  std::string body;
  for (int i = 0; i < 40; ++i) body += "I am writing to touch base about the clinic.\n";
  drafts.Write("a.txt", "Subject: Thank you\n\nDear Dr. Lee,\n\n" + body +
                            "I will rank your program highly!!\n\nBest,\nSam\n");
  std::string env = "FULINT_CACHE_DIR=" + test::Quote(cache_dir.path().string());
  test::RunResult cold = test::RunFulint({drafts.path().string()}, "", env);
  std::string file = (cache_dir / "regex.facts").string();
  struct stat first;
  REQUIRE(::stat(file.c_str(), &first) == 0);
  test::RunResult warm = test::RunFulint({drafts.path().string()}, "", env);
  CHECK(warm.status == cold.status);
  CHECK(warm.out == cold.out);
  CHECK(cold.out.find("[FollowUp.Filler]") != std::string::npos);  // it linted
  struct stat second;
  REQUIRE(::stat(file.c_str(), &second) == 0);
  CHECK(second.st_ino == first.st_ino);  // not rewritten: every pattern was in it
  test::RunResult none =
      test::RunFulint({drafts.path().string()}, "", env + " FULINT_NO_RULE_CACHE=1");
  CHECK(none.out == cold.out);
}

}  // namespace fulint

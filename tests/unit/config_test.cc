// .fulint.yaml end to end: found upward from the linted file, switching rules and styles,
// levels, thresholds, accepted and rejected words, and located errors for mistakes in it.
#include <catch2/catch.hpp>

#include "test_util.h"

namespace {

using fulint::test::RunFulint;
using fulint::test::TempDir;

const char* kDraft =
    "Subject: Thank you - Lakeshore Internal Medicine interview, January 14\n\n"
    "Dear Dr. Okafor,\n\n"
    "I am writing to thank you for the tour of the anticoagulation clinic on January 14 and\n"
    "for explaining how interns follow their own patients on warfarin through discharge.\n\n"
    "The Okonkwo scholars track and the continuity clinic schedule fit the quality work I\n"
    "led on discharge medication lists, and I hope to train at Lakeshore.\n\n"
    "Thank you again for your time.\n\n"
    "Best regards,\nDaniel Reyes\ndaniel.reyes@students.example.org\n";

TEST_CASE("config: without .fulint.yaml the defaults apply", "[config]") {
  TempDir dir;
  std::string path = dir.Write("draft.txt", kDraft);
  auto r = RunFulint({"--format", "line", path}, dir.path().string());
  CHECK(r.out.find("FollowUp.Filler") != std::string::npos);
  CHECK(r.out.find("FollowUp.Length:") != std::string::npos);
}

TEST_CASE("config: rules off, thresholds, levels and words, found from a parent folder",
          "[config]") {
  TempDir dir;
  dir.Write(".fulint.yaml",
            "rules:\n"
            "  FollowUp.Filler: off\n"
            "  FollowUp.Length: {max: 3}\n"
            "  FollowUp.Greeting: error\n"
            "words:\n"
            "  reject: [tour]\n");
  std::string path = dir.Write("drafts/2025/draft.txt", kDraft);
  auto r = RunFulint({"--format", "line", path}, dir.path().string());
  CHECK(r.out.find("FollowUp.Filler") == std::string::npos);
  CHECK(r.out.find("FollowUp.Length:") == std::string::npos);
  CHECK(r.out.find("FollowUp.Spelling:'tour' may be misspelled") != std::string::npos);
}

TEST_CASE("config: a whole style can be switched off", "[config]") {
  TempDir dir;
  dir.Write(".fulint.yaml", "styles:\n  FollowUp: off\n");
  std::string path = dir.Write("draft.txt", "Dear [Last Name],\n\nThank you.\n");
  auto r = RunFulint({"--format", "line", path}, dir.path().string());
  CHECK(r.status == 0);
  CHECK(r.out.empty());
}

TEST_CASE("config: mistakes are located errors with a suggestion, exit 2", "[config]") {
  TempDir dir;
  std::string config = dir.Write(".fulint.yaml",
                                 "rulez:\n  FollowUp.Filler: off\n"
                                 "rules:\n  FollowUp.Filer: off\n  FollowUp.Length: {maxx: 3}\n");
  std::string path = dir.Write("draft.txt", kDraft);
  auto r = RunFulint({path}, dir.path().string());
  CHECK(r.status == 2);
  CHECK(r.err.find(config + ":1:1: error: unknown key 'rulez' (did you mean 'rules'?)") !=
        std::string::npos);
  CHECK(r.err.find(config + ":4:3: error: unknown rule 'FollowUp.Filer' (did you mean "
                            "'FollowUp.Filler'?)") != std::string::npos);
  CHECK(r.err.find(config + ":5:21: error: unknown key 'maxx' (did you mean 'max'?)") !=
        std::string::npos);
}

TEST_CASE("config: a bad value in a rule override is reported in the config file", "[config]") {
  TempDir dir;
  std::string config = dir.Write(".fulint.yaml", "rules:\n  FollowUp.Length:\n    max: three\n");
  std::string path = dir.Write("draft.txt", kDraft);
  auto r = RunFulint({path}, dir.path().string());
  CHECK(r.status == 2);
  CHECK(r.err.find(config + ":3:10: error: 'max' must be a whole number") != std::string::npos);
}

TEST_CASE("config: --config overrides the search", "[config]") {
  TempDir dir;
  std::string config = dir.Write("elsewhere.yaml", "rules:\n  FollowUp.Filler: off\n");
  std::string path = dir.Write("draft.txt", kDraft);
  auto r = RunFulint({"--format", "line", "--config", config, path}, dir.path().string());
  CHECK(r.out.find("FollowUp.Filler") == std::string::npos);
}

}  // namespace

namespace {

TEST_CASE("config: the user's config folder applies when no project file is found", "[config]") {
  fulint::test::TempDir home, work;
  home.Write("fulint/config.yaml", "rules:\n  FollowUp.Filler: off\n");
  std::string path = work.Write("draft.txt", kDraft);
  auto r = fulint::test::RunFulint({"--format", "line", path}, work.path().string(),
                                   "XDG_CONFIG_HOME=" + home.path().string());
  CHECK(r.out.find("FollowUp.Filler") == std::string::npos);
  CHECK(r.out.find("FollowUp.Length:") != std::string::npos);
}

}  // namespace

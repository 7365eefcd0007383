// fulint in git: `--staged` reads the index, `hook install` writes a pre-commit hook that
// refuses commits with errors, and the pre-commit framework runs the repository's own
// .pre-commit-hooks.yaml. Real git repositories in temporary folders, real commits.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "test_util.h"

namespace fulint {
namespace {

using test::Quote;
using test::RunFulint;
using test::TempDir;

const std::string kBad =
    "Subject: Thank you - Lakeshore IM interview, January 14\n\nDear Dr. [Last Name],\n\n"
    "Thank you for showing me the anticoagulation clinic and the night float schedule on\n"
    "January 14; the way interns follow their own patients on warfarin made continuity of\n"
    "care concrete, and it fits the discharge medication project I led this year.\n\n"
    "Best regards,\nAna Ruiz\nana@example.org\n";
const std::string kGood = [] {
  std::string s = kBad;
  s.replace(s.find("[Last Name]"), 11, "Okafor");
  return s;
}();

// Runs a shell command in `dir` with a fixed identity; returns the exit status.
int Sh(const std::filesystem::path& dir, const std::string& cmd, std::string* out = nullptr) {
  TempDir logs;  // outside the repository: hooks must see only the files under test
  std::string log = (logs.path() / "out").string();
  std::string full = "cd " + Quote(dir.string()) +
                     " && env GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@x GIT_COMMITTER_NAME=t "
                     "GIT_COMMITTER_EMAIL=t@x PATH=" +
                     Quote(std::filesystem::path(FULINT_BINARY).parent_path().string()) +
                     ":$PATH XDG_CONFIG_HOME=/nonexistent-fulint-config sh -c " + Quote(cmd) +
                     " >" + Quote(log) + " 2>&1";
  int raw = std::system(full.c_str());
  if (out) *out = test::ReadFile(log);
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

struct Repo {
  TempDir dir;
  Repo() { REQUIRE(Sh(dir.path(), "git init -q && git commit -q --allow-empty -m init") == 0); }
  std::string Write(const std::string& rel, const std::string& text) { return dir.Write(rel, text); }
};

TEST_CASE("git: --staged lints the index, not the working tree", "[git]") {
  Repo repo;
  repo.Write("notes/a b é.txt", kBad);
  REQUIRE(Sh(repo.dir.path(), "git add -A") == 0);
  repo.Write("notes/a b é.txt", kGood);  // fixed in the working tree only: still bad staged
  auto r = RunFulint({"--staged", "--format", "line"}, repo.dir.path().string());
  CHECK(r.status == 1);
  CHECK(r.out.find("notes/a b é.txt:3:10:FollowUp.Placeholder:") != std::string::npos);

  // The other way round: staged good, working tree bad.
  REQUIRE(Sh(repo.dir.path(), "git add -A") == 0);
  repo.Write("notes/a b é.txt", kBad);
  r = RunFulint({"--staged", "--format", "line"}, repo.dir.path().string());
  CHECK(r.status == 0);
  CHECK(r.out.empty());
}

TEST_CASE("git: --staged skips deletions, follows renames, ignores other files", "[git]") {
  Repo repo;
  repo.Write("old.md", "---\nsubject: x\n---\nDear Dr. [Last Name],\n");
  repo.Write("gone.txt", kBad);
  REQUIRE(Sh(repo.dir.path(), "git add -A && git commit -q --no-verify -m add") == 0);
  repo.Write("code.py", "x = '[Last Name]'\n");
  REQUIRE(Sh(repo.dir.path(), "git mv old.md new.md && git rm -q gone.txt && git add code.py") == 0);
  auto r = RunFulint({"--staged", "--format", "line"}, repo.dir.path().string());
  CHECK(r.out.find("new.md:4:10:FollowUp.Placeholder:") != std::string::npos);
  CHECK(r.out.find("gone.txt") == std::string::npos);
  CHECK(r.out.find("code.py") == std::string::npos);
  CHECK(r.out.find("old.md") == std::string::npos);
}

TEST_CASE("hook install: a commit with an error is refused, a clean one passes", "[git]") {
  Repo repo;
  std::string out;
  REQUIRE(Sh(repo.dir.path(), Quote(FULINT_BINARY) + " hook install", &out) == 0);
  repo.Write("draft.txt", kBad);
  CHECK(Sh(repo.dir.path(), "git add -A && git commit -q -m bad", &out) != 0);
  CHECK(out.find("error: Unfilled template slot '[Last Name]'") != std::string::npos);
  repo.Write("draft.txt", kGood);
  CHECK(Sh(repo.dir.path(), "git add -A && git commit -q -m good", &out) == 0);
  CHECK(out.empty());
  // Skipping once.
  repo.Write("draft.txt", kBad);
  CHECK(Sh(repo.dir.path(), "git commit -qam skip --no-verify") == 0);
  // Uninstall removes only our hook.
  CHECK(Sh(repo.dir.path(), Quote(FULINT_BINARY) + " hook uninstall") == 0);
  CHECK_FALSE(std::filesystem::exists(repo.dir.path() / ".git/hooks/pre-commit"));
}

TEST_CASE("hook install respects core.hooksPath and leaves a foreign hook alone", "[git]") {
  Repo repo;
  REQUIRE(Sh(repo.dir.path(), "git config core.hooksPath my-hooks && mkdir my-hooks && "
                              "printf '#!/bin/sh\\nexit 0\\n' > my-hooks/pre-commit") == 0);
  std::string out;
  CHECK(Sh(repo.dir.path(), Quote(FULINT_BINARY) + " hook install", &out) == 2);
  CHECK(out.find("not fulint's") != std::string::npos);
  CHECK(test::ReadFile(repo.dir.path() / "my-hooks/pre-commit") == "#!/bin/sh\nexit 0\n");
  CHECK(Sh(repo.dir.path(), Quote(FULINT_BINARY) + " hook install --force") == 0);
  CHECK(test::ReadFile(repo.dir.path() / "my-hooks/pre-commit").find("fulint --staged") ==
        std::string::npos);  // the hook calls the binary through $FULINT
  CHECK(test::ReadFile(repo.dir.path() / "my-hooks/pre-commit").find("--staged") !=
        std::string::npos);
}

TEST_CASE("hook install works in a linked worktree", "[git]") {
  Repo repo;
  TempDir other;
  std::string wt = (other.path() / "wt").string();
  REQUIRE(Sh(repo.dir.path(), "git worktree add -q " + Quote(wt)) == 0);
  CHECK(Sh(wt, Quote(FULINT_BINARY) + " hook install") == 0);
  test::WriteFile(std::filesystem::path(wt) / "draft.txt", kBad);
  CHECK(Sh(wt, "git add -A && git commit -q -m bad") != 0);
}

TEST_CASE("the pre-commit framework runs the repository's own hook definition", "[git]") {
  std::string out;
  if (Sh(".", "command -v pre-commit") != 0) {
    FAIL("pre-commit is not installed (scripts/install-deps installs Debian's package)");
  }
  Repo repo;
  TempDir home;  // pre-commit's cache, outside the repository
  std::string env = "HOME=" + Quote(home.path().string()) + " ";
  repo.Write("draft.txt", kBad);
  repo.Write("ok.md", "---\nsubject: \"Thank you - Lakeshore IM interview, January 14\"\n---\n" +
                          kGood.substr(kGood.find("Dear")));
  REQUIRE(Sh(repo.dir.path(), "git add -A") == 0);
  // try-repo uses the hook definition in our source tree's .pre-commit-hooks.yaml.
  std::string cmd = env + "pre-commit try-repo " +
                    Quote(FULINT_SOURCE_DIR) + " fulint --files draft.txt ok.md";
  CHECK(Sh(repo.dir.path(), cmd, &out) == 1);
  CHECK(out.find("draft.txt:3:10: error: Unfilled template slot") != std::string::npos);
  cmd = env + "pre-commit try-repo " +
        Quote(FULINT_SOURCE_DIR) + " fulint --files ok.md";
  int status = Sh(repo.dir.path(), cmd, &out);
  INFO(out);
  CHECK(status == 0);
}

}  // namespace
}  // namespace fulint

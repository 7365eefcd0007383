// The file filter: a glob matches the whole path or the file name, with repeated slashes
// counted as one (the path's generic form), as std::filesystem's parsing did before.
#include <fnmatch.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "source/source.h"

using fulint::FileFilter;
using fulint::MatchesFilter;

TEST_CASE("source filter: globs match the path or the file name", "[source]") {
  FileFilter filter;  // *.txt, *.md, *.markdown, *.eml
  CHECK(MatchesFilter(filter, "drafts/a.txt"));
  CHECK(MatchesFilter(filter, "a.md"));
  CHECK_FALSE(MatchesFilter(filter, "drafts/a.pdf"));
  CHECK_FALSE(MatchesFilter(filter, "drafts.txt/a.pdf"));

  filter.excludes = {"old-*.txt", "drafts/private/*"};
  CHECK_FALSE(MatchesFilter(filter, "drafts/old-1.txt"));  // by file name
  CHECK_FALSE(MatchesFilter(filter, "old-2.txt"));         // no folder at all
  CHECK(MatchesFilter(filter, "drafts/new.txt"));
  CHECK_FALSE(MatchesFilter(filter, "drafts/private/a.txt"));  // by whole path
  CHECK(MatchesFilter(filter, "x/drafts/private/a.txt"));      // fnmatch anchors both ends
}

TEST_CASE("source filter: repeated slashes count as one", "[source]") {
  FileFilter filter;
  filter.excludes = {"drafts/private/*"};
  CHECK_FALSE(MatchesFilter(filter, "drafts//private/a.txt"));
  CHECK_FALSE(MatchesFilter(filter, "drafts/private///a.txt"));
  filter.excludes = {"a.txt"};
  CHECK_FALSE(MatchesFilter(filter, "drafts//a.txt"));
  CHECK(MatchesFilter(filter, "drafts//b.txt"));
}

// "*<plain characters>" globs skip fnmatch (source.cc); the answers must be fnmatch's, which
// matches the whole path or the file name, with no flags.
TEST_CASE("source filter: star-suffix globs answer as fnmatch does", "[source]") {
  const std::vector<std::string> globs = {"*.txt", "*.TXT", "*/a.txt", "*t", "*private/b.md",
                                          "*.md", "*-draft.eml", "*.", "**.txt", "*[.]txt",
                                          "*\\.txt", "*?.txt"};
  const std::vector<std::string> paths = {
      "a.txt",  "drafts/a.txt", "drafts/a.TXT", "a.txt.bak", "drafts.txt/a.pdf", ".txt",
      "x/.txt", "private/b.md", "x/private/b.md", "my-draft.eml", "d/e.", "t",
      "a/b/c/d/e.md", "a.md/"};
  for (const auto& g : globs)
    for (const auto& p : paths) {
      FileFilter filter;
      filter.globs = {g};
      const char* name = p.c_str() + (p.rfind('/') + 1);
      bool expected = fnmatch(g.c_str(), p.c_str(), 0) == 0 || fnmatch(g.c_str(), name, 0) == 0;
      INFO(g << " against " << p);
      CHECK(MatchesFilter(filter, p) == expected);
    }
}

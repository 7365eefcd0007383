// The file filter: a glob matches the whole path or the file name, with repeated slashes
// counted as one (the path's generic form), as std::filesystem's parsing did before.
#include <catch2/catch.hpp>

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

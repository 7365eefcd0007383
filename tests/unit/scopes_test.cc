// Tests for ScopeResolver's units: a section's words are a slice of the document's one
// segmentation, found by galloping on from the last answer; they must be the words a
// segmentation of the section alone gives, in any order of asking, with or without words
// shared between threads.
#include "rules/scopes.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "test_util.h"

namespace fulint {
namespace {

std::vector<Range> AsVector(std::span<const Range> s) { return {s.begin(), s.end()}; }

// Every range of `text` that starts and ends at white space or at the text's ends.
std::vector<Range> GapAlignedRanges(const std::string& text) {
  std::vector<uint32_t> gaps = {0};
  for (uint32_t i = 0; i < text.size(); ++i)
    if (text[i] == ' ' || text[i] == '\n') gaps.push_back(i);
  gaps.push_back(static_cast<uint32_t>(text.size()));
  std::vector<Range> out;
  for (size_t a = 0; a < gaps.size(); ++a)
    for (size_t b = a; b < gaps.size(); ++b) out.push_back({gaps[a], gaps[b]});
  return out;
}

TEST_CASE("A section's words are the section's own segmentation, in any order asked", "[scopes]") {
  auto parsed = test::ParseString(
      "Subject: Thank you - Lakeshore IM\n\nDear Dr. Lee,\n\nThank you for the tour of the "
      "anticoagulation clinic. I'm grateful, truly.\n\nThe residents' teaching stood out; "
      "PGY-2s ran rounds.\n\nBest,\nAna Ruiz\n");
  const Document& doc = *parsed.doc;
  Segmenter segmenter;
  std::vector<Range> ranges = GapAlignedRanges(doc.lintable);
  REQUIRE(ranges.size() > 100);
  std::mt19937 rng(5);
  for (int order = 0; order < 3; ++order) {
    if (order == 1) std::shuffle(ranges.begin(), ranges.end(), rng);
    if (order == 2)
      std::sort(ranges.begin(), ranges.end(), [](Range a, Range b) {
        return a.begin != b.begin ? a.begin > b.begin : a.end > b.end;  // backwards
      });
    SharedWords shared;
    ScopeResolver own(doc, segmenter);
    ScopeResolver with_shared(doc, segmenter, &shared);
    for (const Range& r : ranges) {
      INFO("range " << r.begin << "-" << r.end << " order " << order);
      std::vector<Range> want = segmenter.Words(doc.lintable, r);
      CHECK(AsVector(own.Units("word", r)) == want);
      CHECK(AsVector(with_shared.Units("word", r)) == want);
    }
  }
}

TEST_CASE("Units of a range not at white space are segmented on their own", "[scopes]") {
  auto parsed = test::ParseString("Dear Dr. Lee,\n\nThank you for the clinic tour.\n");
  const Document& doc = *parsed.doc;
  Segmenter segmenter;
  ScopeResolver scopes(doc, segmenter);
  uint32_t at = static_cast<uint32_t>(doc.lintable.find("hank"));
  Range inside{at, at + 12};  // "hank you for"
  CHECK(AsVector(scopes.Units("word", inside)) == segmenter.Words(doc.lintable, inside));
  auto paragraphs = scopes.Units("paragraph", {0, static_cast<uint32_t>(doc.lintable.size())});
  CHECK(AsVector(paragraphs) == doc.paragraphs);
}

}  // namespace
}  // namespace fulint

// SortDiagnostics: by position, then rule id, stable; many diagnostics go through an index
// sort and an in-place permutation, which must give the same order as a plain stable sort.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace fulint {
namespace {

TEST_CASE("SortDiagnostics orders by position and rule, stably, at any size", "[diagnostic]") {
  std::mt19937 rng(7);
  for (size_t n : {0u, 1u, 5u, 63u, 64u, 65u, 1000u, 5000u}) {
    std::vector<Diagnostic> d(n);
    for (size_t i = 0; i < n; ++i) {
      uint32_t begin = rng() % 50;
      d[i].raw = {begin, begin + static_cast<uint32_t>(rng() % 3)};
      d[i].rule_id = "Style.Rule" + std::to_string(rng() % 4);
      d[i].message = std::to_string(i);  // the original place, to check stability
    }
    std::vector<Diagnostic> want = d;
    std::stable_sort(want.begin(), want.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.raw.begin, a.raw.end, a.rule_id) <
             std::tie(b.raw.begin, b.raw.end, b.rule_id);
    });
    SortDiagnostics(&d);
    REQUIRE(d.size() == want.size());
    for (size_t i = 0; i < n; ++i) {
      INFO("n " << n << " at " << i);
      CHECK(d[i].message == want[i].message);
    }
  }
}

}  // namespace
}  // namespace fulint

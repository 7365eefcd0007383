// StringMemo: what was stored is found, what was not is not, across growth and the clear at
// its bound.
#include "base/string_memo.h"

#include <catch2/catch.hpp>
#include <string>
#include <unordered_map>

namespace fulint {
namespace {

TEST_CASE("StringMemo finds what it stored, through growth and clearing", "[memo]") {
  StringMemo<int> memo(2, 8);  // 4 slots, growing to 256, then cleared
  std::unordered_map<std::string, int> stored;
  for (int i = 0; i < 1000; ++i) {
    std::string key = "w" + std::to_string(i * 7919 % 1000);
    if (i % 3 == 0) key += std::string(i % 40, 'x');  // some longer keys
    if (memo.Find(key)) continue;
    if (stored.size() + 1 > 128) stored.clear();  // the memo clears itself at its bound
    memo.Insert(key, i);
    stored[key] = i;
    for (const auto& [k, v] : stored) {
      const int* found = memo.Find(k);
      REQUIRE(found);
      CHECK(*found == v);
    }
  }
  CHECK_FALSE(memo.Find("never stored"));
  CHECK_FALSE(memo.Find(""));
  memo.Insert("", 5);
  REQUIRE(memo.Find(""));
  CHECK(*memo.Find("") == 5);
  memo.Clear();
  CHECK_FALSE(memo.Find(""));
}

}  // namespace
}  // namespace fulint

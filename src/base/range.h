#pragma once
// A half-open byte range [begin, end). Which text it indexes (raw file bytes or decoded text)
// is said by the variable's name: `raw` ranges index the original file, others the decoded text.
#include <cstdint>

namespace fulint {

struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(uint32_t off) const { return off >= begin && off < end; }
  friend bool operator==(const Range&, const Range&) = default;
};

}  // namespace fulint

#include "report/position.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>

#include "decode/decode.h"

namespace fulint {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Width of the UTF-8 text `s` in `unit`.
// Length of the character at s[i]: its UTF-8 sequence, or 1 for a byte that is not valid
// UTF-8 (an 8bit .eml in windows-1252 keeps its raw bytes: each is one column).
size_t CharLength(std::string_view s, size_t i) {
  int len = Utf8SequenceLength(s, i);
  return len > 0 ? static_cast<size_t>(len) : 1;
}

// Width of the UTF-8 text `s` in `unit`.
uint32_t CountUnits(std::string_view s, ColumnUnit unit) {
  if (unit == ColumnUnit::kUtf8) return static_cast<uint32_t>(s.size());
  uint32_t n = 0;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII, nearly all: one unit a byte
      ++n;
      ++i;
      continue;
    }
    size_t len = CharLength(s, i);
    // A four-byte sequence is a supplementary code point: a surrogate pair in UTF-16.
    n += (unit == ColumnUnit::kUtf16 && len == 4) ? 2 : 1;
    i += len;
  }
  return n;
}

}  // namespace

LineIndex::LineIndex(const Document& doc) {
  uint32_t first = 0;
  if (doc.decoded.encoding == RawEncoding::kUtf8) {
    base_ = doc.raw;
    if (base_.substr(0, 3) == "\xEF\xBB\xBF") first = 3;
  } else {
    base_ = doc.decoded.text;
    map_ = &doc.decoded.map;
  }
  starts_.push_back(first);
  starts_.reserve(base_.size() / 64 + 2);
  const char* data = base_.data();
  const size_t size = base_.size();
  size_t i = first;
  while (i < size) {
#ifdef __SSE2__
    // Sixteen bytes at a time to the next '\n' or '\r': this index is made on one thread for
    // the printer, and a byte at a time it was a tenth of printing a long file.
    const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    while (i + 16 <= size) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      const int hit = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, cr)));
      if (hit) {
        i += static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(hit)));
        break;
      }
      i += 16;
    }
#endif
    while (i < size && data[i] != '\n' && data[i] != '\r') ++i;
    if (i >= size) break;
    char c = data[i];
    if (c == '\n' || (c == '\r' && (i + 1 == size || data[i + 1] != '\n')))
      starts_.push_back(static_cast<uint32_t>(i + 1));
    ++i;
  }
}

uint32_t LineIndex::ToBase(uint32_t raw_off) const {
  if (map_) return map_->ToText(raw_off);
  return std::min<uint32_t>(raw_off, base_.size());
}

uint32_t LineIndex::ToRaw(uint32_t base_off) const {
  return map_ ? map_->ToRaw(base_off) : base_off;
}

uint32_t LineIndex::LineOfBase(uint32_t base_off) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), base_off);
  if (it == starts_.begin()) return 0;  // inside a leading byte-order mark
  return static_cast<uint32_t>(it - starts_.begin() - 1);
}

uint32_t LineIndex::LineEnd(uint32_t index) const {
  if (index + 1 >= starts_.size()) return static_cast<uint32_t>(base_.size());
  uint32_t end = starts_[index + 1] - 1;  // the '\n' or lone '\r'
  if (base_[end] == '\n' && end > starts_[index] && base_[end - 1] == '\r') --end;
  return end;
}

uint32_t LineIndex::Line(uint32_t raw_off) const { return LineOfBase(ToBase(raw_off)) + 1; }

uint32_t LineIndex::Column(uint32_t raw_off, ColumnUnit unit) const {
  uint32_t off = ToBase(raw_off);
  uint32_t index = LineOfBase(off);
  uint32_t start = starts_[index];
  off = std::clamp(off, start, LineEnd(index));
  while (off > start && IsContinuation(base_[off])) --off;
  return CountUnits(base_.substr(start, off - start), unit);
}

Position LineIndex::Locate(uint32_t raw_off) const {
  return {Line(raw_off), Column(raw_off, ColumnUnit::kCodePoint) + 1};
}

uint32_t LineIndex::RawOffset(uint32_t line, uint32_t column, ColumnUnit unit) const {
  uint32_t index = std::clamp<uint32_t>(line, 1, line_count()) - 1;
  uint32_t off = starts_[index];
  uint32_t end = LineEnd(index);
  if (line > line_count()) return ToRaw(end);
  if (unit == ColumnUnit::kUtf8) {
    off = std::min(off + column, end);
    while (off > starts_[index] && IsContinuation(base_[off])) --off;
    return ToRaw(off);
  }
  uint32_t units = 0;
  while (off < end) {
    uint32_t len = static_cast<uint32_t>(std::min<size_t>(CharLength(base_, off), end - off));
    uint32_t width = (unit == ColumnUnit::kUtf16 && len == 4) ? 2 : 1;
    if (units + width > column) break;  // also stops inside a surrogate pair
    units += width;
    off += len;
  }
  return ToRaw(off);
}

std::string_view LineIndex::LineText(uint32_t line) const {
  if (line == 0 || line > line_count()) return {};
  uint32_t start = starts_[line - 1];
  return base_.substr(start, LineEnd(line - 1) - start);
}

}  // namespace fulint

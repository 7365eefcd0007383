#pragma once
// Line and column of raw byte offsets: the one place that turns a Diagnostic's raw range into
// what a terminal (code points, 1-based), SARIF or an LSP client (UTF-16 / UTF-8, 0-based) shows.
#include <cstdint>
#include <string_view>
#include <vector>

#include "parse/document.h"

namespace fulint {

// What a column counts.
enum class ColumnUnit { kCodePoint, kUtf16, kUtf8 };

// A 1-based line and a 1-based code-point column, as compilers print them.
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
  friend bool operator==(const Position&, const Position&) = default;
};

// Line starts of one Document, built once, for turning raw offsets into lines and columns.
// Lines end at "\n", "\r\n" or a lone "\r" (as the decoder and LSP count them); the line end
// is not part of the line. A UTF-8 byte-order mark is not a column. For UTF-16 files lines
// and columns are counted in the decoded text, reached through the source map.
// Keeps pointers into `doc`, which must outlive the index.
class LineIndex {
 public:
  explicit LineIndex(const Document& doc);

  // 1-based line and 1-based code-point column of `raw_off`.
  Position Locate(uint32_t raw_off) const;
  // 1-based line holding `raw_off` (offsets past the end give the last line).
  uint32_t Line(uint32_t raw_off) const;
  // 0-based column of `raw_off` within its line, in `unit`. An offset inside a line end gives
  // the line's length; one inside a multi-byte character gives that character's column.
  uint32_t Column(uint32_t raw_off, ColumnUnit unit) const;
  // Raw offset of a 1-based line and a 0-based column in `unit` (the inverse of Line/Column,
  // for positions an editor sends). Columns past the line end clamp to it.
  uint32_t RawOffset(uint32_t line, uint32_t column, ColumnUnit unit) const;

  // The text of 1-based `line` without its line end, for display: UTF-8 bytes from the raw file
  // (or from the decoded text for UTF-16 files). Empty for lines that do not exist.
  std::string_view LineText(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }

 private:
  // Offset in base_ of a raw offset, and back.
  uint32_t ToBase(uint32_t raw_off) const;
  uint32_t ToRaw(uint32_t base_off) const;
  // 0-based line index of a base offset.
  uint32_t LineOfBase(uint32_t base_off) const;
  // End of line `index` (0-based) in base_, before its line end.
  uint32_t LineEnd(uint32_t index) const;

  std::string_view base_;           // raw for UTF-8 files, decoded text for UTF-16 files
  const SourceMap* map_ = nullptr;  // set when base_ is the decoded text
  std::vector<uint32_t> starts_;    // base_ offset of each line's first byte
};

}  // namespace fulint

#pragma once
// Maps offsets in decoded text back to byte offsets in the original file (Clang's
// SourceManager in miniature). Built as a list of pieces: a piece whose decoded and raw
// lengths agree maps byte for byte; any other piece (a CRLF folded to LF, a UTF-16 code
// unit pair, later a quoted-printable escape) maps as a whole.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "base/range.h"

namespace fulint {

class SourceMap {
 public:
  // Appends the next piece: `text_len` decoded bytes that came from raw [raw_begin, +raw_len).
  // Adjacent identity pieces are merged.
  void Append(uint32_t raw_begin, uint32_t text_len, uint32_t raw_len);

  // Raw offset of the decoded byte at `text_off` (a start position).
  uint32_t ToRaw(uint32_t text_off) const;
  // Raw offset just past the decoded byte before `text_end` (an end position).
  uint32_t ToRawEnd(uint32_t text_end) const;
  Range ToRaw(Range text) const;
  // Decoded offset of a raw offset (the start of the piece holding it).
  uint32_t ToText(uint32_t raw_off) const;

  size_t piece_count() const { return pieces_.size(); }

 private:
  struct Piece {
    uint32_t text_begin, raw_begin, text_len, raw_len;
  };
  const Piece* Find(uint32_t text_off) const;
  std::vector<Piece> pieces_;
  uint32_t text_size_ = 0;
};

}  // namespace fulint

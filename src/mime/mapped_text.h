#pragma once
// Bytes with, for each byte, the raw byte range of the file it was decoded from. MIME decoding
// runs several steps (transfer encoding, charset, HTML to text); each step maps its input's
// origins onto its output, so the final text still points into the raw .eml file.
#include <string>
#include <vector>

#include "base/range.h"
#include "decode/source_map.h"

namespace fulint {

struct MappedText {
  std::string bytes;
  std::vector<Range> origin;  // one per byte of `bytes`

  void Append(char c, Range from) {
    bytes.push_back(c);
    origin.push_back(from);
  }
  void Append(std::string_view s, Range from) {
    for (char c : s) Append(c, from);
  }
  // Raw bytes copied as they are, each its own origin.
  static MappedText Identity(std::string_view raw, uint32_t raw_begin);
  // Appends the pieces to `map` (merging runs that map byte for byte).
  void AppendTo(SourceMap* map) const;
};

}  // namespace fulint

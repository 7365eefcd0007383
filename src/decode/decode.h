#pragma once
// Stage 2 of the pipeline: raw file bytes -> UTF-8 text with LF line ends, plus the source map
// back to the raw bytes. Handles a UTF-8 or UTF-16 byte-order mark, CRLF and lone CR line ends,
// and rejects invalid UTF-8 with the offset of the first bad byte.
#include <string>
#include <string_view>

#include "decode/source_map.h"

namespace fulint {

enum class RawEncoding { kUtf8, kUtf16LE, kUtf16BE };

struct DecodedText {
  std::string text;   // UTF-8, '\n' line ends
  SourceMap map;      // text offsets -> raw offsets
  RawEncoding encoding = RawEncoding::kUtf8;
  bool had_bom = false;
};

struct DecodeError {
  uint32_t raw_offset = 0;
  std::string message;
};

// Returns false and fills `error` when the bytes are not valid text.
bool Decode(std::string_view raw, DecodedText* out, DecodeError* error);

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
int Utf8SequenceLength(std::string_view s, size_t i);

}  // namespace fulint

#pragma once
// Content-Transfer-Encoding: quoted-printable and base64 decoding that keep each decoded
// byte's origin, and line-end folding (CRLF -> LF) for 7bit/8bit/binary bodies.
#include <string>
#include <vector>

#include "mime/mapped_text.h"

namespace fulint {

// A problem found while decoding, at a raw offset.
struct MimeProblem {
  uint32_t raw_offset;
  std::string message;
};

// CRLF and lone CR become LF.
MappedText FoldLineEnds(const MappedText& in);
// "=XX" escapes decoded, soft line breaks ("=" at a line end) removed, so a word split by one
// is one word again. Malformed escapes are kept as they are, with a problem.
MappedText DecodeQuotedPrintable(const MappedText& in, std::vector<MimeProblem>* problems);
// Base64 with line breaks; each decoded byte maps to its 4-character group. Invalid characters
// are skipped with a problem; a truncated final group is decoded as far as it goes.
MappedText DecodeBase64(const MappedText& in, std::vector<MimeProblem>* problems);

}  // namespace fulint

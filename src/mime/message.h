#pragma once
// Decodes an RFC 5322 / MIME message (.eml) into the text fulint lints: its header lines
// (unfolded, encoded words decoded) then a blank line and the body text, chosen as a mail
// client would (the text/plain part; a text/html part converted to text when there is no plain
// one; attachments skipped), with its transfer encoding and charset decoded. Every byte of the
// result maps back to the raw bytes it came from. Broken input (a missing boundary, bad
// base64, an unknown charset, a truncated message) is a located problem, never a failure.
#include <string_view>
#include <vector>

#include "decode/decode.h"
#include "mime/transfer_encoding.h"

namespace fulint {

struct MimeMessage {
  DecodedText decoded;
  std::vector<MimeProblem> problems;
};

MimeMessage DecodeMessage(std::string_view raw);

}  // namespace fulint

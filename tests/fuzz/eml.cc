// Fuzz target: an e-mail file (.eml): the MIME decoder (headers, multipart, transfer
// encodings, RFC 2047 words, charsets, HTML to text), then the parse of its result.
#include <string_view>

#include "fuzz_util.h"
#include "mime/message.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fulint::MimeMessage m =
      fulint::DecodeMessage(std::string_view(reinterpret_cast<const char*>(data), size));
  // Every decoded byte must map back inside the raw message.
  for (size_t i = 0; i < m.decoded.text.size(); i += 97)
    if (m.decoded.map.ToRaw(static_cast<uint32_t>(i)) > size) __builtin_trap();
  fulint::Document doc;
  fulint::fuzz::ParseAs("message.eml", data, size, &doc);
  return 0;
}

#pragma once
// Charset conversion through ICU (utf-8, iso-8859-1, windows-1252, utf-16 and whatever ICU
// knows), keeping each character's origin. Unknown charsets and invalid bytes are problems,
// never failures: the text is converted as well as it can be.
#include <string>
#include <vector>

#include "mime/mapped_text.h"
#include "mime/transfer_encoding.h"

namespace fulint {

MappedText ToUtf8(const MappedText& in, const std::string& charset, uint32_t where,
                  std::vector<MimeProblem>* problems);

}  // namespace fulint

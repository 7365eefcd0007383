#pragma once
// RFC 2047 encoded words in header values ("=?utf-8?Q?Thank_you?=", "=?iso-8859-1?B?...?=").
#include <string>
#include <vector>

#include "mime/mapped_text.h"
#include "mime/transfer_encoding.h"

namespace fulint {

// Decodes the encoded words of an unfolded header value; each decoded character maps to the
// whole encoded word it came from (so a finding points where the word starts). White space
// between two encoded words is dropped, as the RFC says.
MappedText DecodeHeaderValue(const MappedText& value, std::vector<MimeProblem>* problems);

}  // namespace fulint

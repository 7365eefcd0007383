#include "base/ascii.h"
#include "mime/charset.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

#include "decode/decode.h"

namespace fulint {
namespace {

Range OriginOf(const MappedText& in, size_t first, size_t end) {
  if (in.origin.empty()) return {0, 0};
  first = std::min(first, in.origin.size() - 1);
  end = std::max(first + 1, std::min(end, in.origin.size()));
  return {in.origin[first].begin, in.origin[end - 1].end};
}

// UTF-8 input: kept byte for byte; invalid sequences become U+FFFD.
MappedText ValidateUtf8(const MappedText& in, uint32_t where, std::vector<MimeProblem>* problems) {
  MappedText out;
  bool reported = false;
  for (size_t i = 0; i < in.bytes.size();) {
    int len = Utf8SequenceLength(in.bytes, i);
    if (len == 0) {
      if (!reported)
        problems->push_back({in.origin[i].begin, "invalid UTF-8 in the message; shown as U+FFFD"});
      reported = true;
      out.Append("\xEF\xBF\xBD", in.origin[i]);
      ++i;
      continue;
    }
    for (int k = 0; k < len; ++k) out.Append(in.bytes[i + k], in.origin[i + k]);
    i += len;
  }
  return out;
}

}  // namespace

MappedText ToUtf8(const MappedText& in, const std::string& charset_name, uint32_t where,
                  std::vector<MimeProblem>* problems) {
  std::string charset = LowerAscii(charset_name);
  if (charset.empty() || charset == "utf-8" || charset == "utf8" || charset == "us-ascii" ||
      charset == "ascii")
    return ValidateUtf8(in, where, problems);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status)) {
    problems->push_back({where, "unknown charset '" + charset_name + "'; read as UTF-8"});
    return ValidateUtf8(in, where, problems);
  }
  std::vector<UChar> units(in.bytes.size() * 2 + 16);
  std::vector<int32_t> offsets(units.size());
  UChar* target = units.data();
  const char* source = in.bytes.data();
  ucnv_toUnicode(conv, &target, units.data() + units.size(), &source,
                 in.bytes.data() + in.bytes.size(), offsets.data(), true, &status);
  ucnv_close(conv);
  MappedText out;
  if (U_FAILURE(status)) {
    problems->push_back({where, std::string("cannot convert from '") + charset_name + "': " +
                                    u_errorName(status)});
    return ValidateUtf8(in, where, problems);
  }
  size_t n = static_cast<size_t>(target - units.data());
  for (size_t i = 0; i < n;) {
    UChar32 c;
    size_t start = i;
    U16_NEXT(units.data(), i, n, c);
    size_t src_begin = static_cast<size_t>(std::max(0, offsets[start]));
    size_t src_end = i < n ? static_cast<size_t>(std::max<int32_t>(offsets[i], 0)) : in.bytes.size();
    if (src_end <= src_begin) src_end = src_begin + 1;
    char buf[4];
    int32_t len = 0;
    UBool unused_error = false;
    U8_APPEND(buf, len, 4, c, unused_error);
    (void)unused_error;
    out.Append(std::string_view(buf, static_cast<size_t>(len)), OriginOf(in, src_begin, src_end));
  }
  return out;
}

}  // namespace fulint

#include "decode/decode.h"

#include <cstdint>
#include <cstdio>

#include "base/byte_words.h"
#include "base/prefault.h"

namespace fulint {
namespace {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string Hex(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

bool DecodeUtf16(std::string_view raw, size_t start, bool little, DecodedText* out,
                 DecodeError* error) {
  auto unit = [&](size_t i) -> uint32_t {
    unsigned char a = raw[i], b = raw[i + 1];
    return little ? (a | (b << 8)) : ((a << 8) | b);
  };
  size_t i = start;
  while (i + 1 < raw.size()) {
    uint32_t cp = unit(i);
    uint32_t raw_len = 2;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < raw.size()) {
      uint32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        raw_len = 4;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      error->raw_offset = static_cast<uint32_t>(i);
      error->message = "invalid UTF-16: unpaired surrogate at byte offset " + std::to_string(i);
      return false;
    }
    if (cp == '\r') {
      if (i + 3 < raw.size() && unit(i + 2) == 0x0A) raw_len = 4;
      cp = '\n';
    }
    size_t before = out->text.size();
    AppendUtf8(cp, &out->text);
    out->map.Append(static_cast<uint32_t>(i), static_cast<uint32_t>(out->text.size() - before),
                    raw_len);
    i += raw_len;
  }
  if (i < raw.size()) {
    error->raw_offset = static_cast<uint32_t>(i);
    error->message = "invalid UTF-16: odd number of bytes, last byte at offset " +
                     std::to_string(i);
    return false;
  }
  return true;
}

// True when the eight bytes at p are ASCII and none is '\r'.
bool IsPlainAscii8(const char* p) {
  const uint64_t x = bytes8::Load(p);
  return !bytes8::AnyNonAscii(x) && !bytes8::AnyEqual(x, '\r');
}

}  // namespace

int Utf8SequenceLength(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c < 0x80) return 1;
  int len;
  uint32_t min;
  if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
  else return 0;
  if (i + len > s.size()) return 0;
  uint32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = s[i + k];
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool Decode(std::string_view raw, DecodedText* out, DecodeError* error) {
  *out = DecodedText{};
  if (raw.size() >= 2 && (unsigned char)raw[0] == 0xFF && (unsigned char)raw[1] == 0xFE) {
    out->encoding = RawEncoding::kUtf16LE;
    out->had_bom = true;
    return DecodeUtf16(raw, 2, true, out, error);
  }
  if (raw.size() >= 2 && (unsigned char)raw[0] == 0xFE && (unsigned char)raw[1] == 0xFF) {
    out->encoding = RawEncoding::kUtf16BE;
    out->had_bom = true;
    return DecodeUtf16(raw, 2, false, out, error);
  }
  size_t i = 0;
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") {
    out->had_bom = true;
    i = 3;
  }
  out->text.reserve(raw.size());
  PrefaultCapacity(&out->text);
  size_t run_start = i;  // start of the current run copied byte for byte
  auto flush = [&](size_t upto) {
    out->text.append(raw.data() + run_start, upto - run_start);
    out->map.Append(static_cast<uint32_t>(run_start), static_cast<uint32_t>(upto - run_start),
                    static_cast<uint32_t>(upto - run_start));
  };
  while (i < raw.size()) {
    // Eight bytes at a time while they are ASCII other than '\r', nearly all of a draft
    // (about a third of the instructions a byte at a time took).
    while (i + 8 <= raw.size() && IsPlainAscii8(raw.data() + i)) i += 8;
    if (i >= raw.size()) break;
    unsigned char c = raw[i];
    if (c == '\r') {
      flush(i);
      size_t len = (i + 1 < raw.size() && raw[i + 1] == '\n') ? 2 : 1;
      out->text.push_back('\n');
      out->map.Append(static_cast<uint32_t>(i), 1, static_cast<uint32_t>(len));
      i += len;
      run_start = i;
      continue;
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = Utf8SequenceLength(raw, i);
    if (len == 0) {
      error->raw_offset = static_cast<uint32_t>(i);
      error->message = "invalid UTF-8: byte " + Hex(c) + " at byte offset " + std::to_string(i);
      return false;
    }
    i += len;
  }
  flush(raw.size());
  return true;
}

}  // namespace fulint

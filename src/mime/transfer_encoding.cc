#include "mime/transfer_encoding.h"

#include <cctype>

namespace fulint {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Range Span(const MappedText& in, size_t first, size_t last) {
  return {in.origin[first].begin, in.origin[last].end};
}

}  // namespace

MappedText FoldLineEnds(const MappedText& in) {
  MappedText out;
  for (size_t i = 0; i < in.bytes.size(); ++i) {
    if (in.bytes[i] == '\r') {
      bool crlf = i + 1 < in.bytes.size() && in.bytes[i + 1] == '\n';
      out.Append('\n', Span(in, i, crlf ? i + 1 : i));
      if (crlf) ++i;
    } else {
      out.Append(in.bytes[i], in.origin[i]);
    }
  }
  return out;
}

MappedText DecodeQuotedPrintable(const MappedText& in, std::vector<MimeProblem>* problems) {
  MappedText out;
  const std::string& b = in.bytes;
  for (size_t i = 0; i < b.size(); ++i) {
    if (b[i] != '=') {
      out.Append(b[i], in.origin[i]);
      continue;
    }
    // Soft line break: '=' then optional trailing white space then a line end.
    size_t j = i + 1;
    while (j < b.size() && (b[j] == ' ' || b[j] == '\t')) ++j;
    if (j >= b.size() || b[j] == '\n' || b[j] == '\r') {
      if (j < b.size() && b[j] == '\r' && j + 1 < b.size() && b[j + 1] == '\n') ++j;
      i = j;
      continue;
    }
    int hi = i + 1 < b.size() ? HexValue(b[i + 1]) : -1;
    int lo = i + 2 < b.size() ? HexValue(b[i + 2]) : -1;
    if (hi < 0 || lo < 0) {
      problems->push_back({in.origin[i].begin, "malformed quoted-printable escape; kept as is"});
      out.Append(b[i], in.origin[i]);
      continue;
    }
    out.Append(static_cast<char>(hi * 16 + lo), Span(in, i, i + 2));
    i += 2;
  }
  return out;
}

MappedText DecodeBase64(const MappedText& in, std::vector<MimeProblem>* problems) {
  MappedText out;
  uint32_t acc = 0;
  int bits = 0;
  size_t group_start = 0;
  int in_group = 0;
  bool reported = false;
  for (size_t i = 0; i < in.bytes.size(); ++i) {
    char c = in.bytes[i];
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    if (c == '=') break;  // padding: the end of the data
    int v = Base64Value(c);
    if (v < 0) {
      if (!reported)
        problems->push_back({in.origin[i].begin, "invalid base64 character; skipped"});
      reported = true;
      continue;
    }
    if (in_group == 0) group_start = i;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    ++in_group;
    if (bits >= 8) {
      bits -= 8;
      out.Append(static_cast<char>((acc >> bits) & 0xFF), Span(in, group_start, i));
    }
    if (in_group == 4) in_group = 0;
  }
  return out;
}

}  // namespace fulint

// LineIndex: raw byte offsets -> lines and columns in code points, UTF-16 and UTF-8 units.
#include "report/position.h"

#include <catch2/catch.hpp>
#include <ostream>
#include <random>
#include <string>

#include "decode/decode.h"
#include "parse/document.h"

namespace fulint {

// For Catch2 failure messages.
std::ostream& operator<<(std::ostream& os, const Position& p) {
  return os << p.line << ":" << p.column;
}

namespace {

Document MakeDoc(std::string raw) {
  Document doc;
  doc.path = "draft.txt";
  doc.raw = std::move(raw);
  DecodeError error;
  REQUIRE(Decode(doc.raw, &doc.decoded, &error));
  doc.lintable = doc.decoded.text;
  return doc;
}

// UTF-16LE bytes with a byte-order mark.
std::string Utf16Le(const std::u16string& s) {
  std::string out = "\xFF\xFE";
  for (char16_t u : s) {
    out.push_back(static_cast<char>(u & 0xFF));
    out.push_back(static_cast<char>(u >> 8));
  }
  return out;
}

TEST_CASE("LineIndex: long texts with every kind of line end, against a plain count",
          "[position]") {
  // Lines of all lengths (the index scans sixteen bytes at a time), ended by LF, CRLF or a
  // lone CR, with ASCII and two-byte characters.
  const char* pieces[] = {
      "a", "bc", " ", "\xC3\xA9", "\n", "\r\n", "\r", "\n\n", "0123456789abcdef0123"};
  std::mt19937 rng(11);
  for (int round = 0; round < 30; ++round) {
    std::string raw;
    while (raw.size() < 3000) raw += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    Document doc = MakeDoc(raw);
    LineIndex index(doc);
    uint32_t line = 1, column = 1;
    for (uint32_t i = 0; i < raw.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(raw[i]);
      if ((c & 0xC0) == 0x80) continue;  // inside a character
      INFO("round " << round << " offset " << i);
      REQUIRE(index.Locate(i) == Position{line, column});
      if (c == '\n' || (c == '\r' && (i + 1 == raw.size() || raw[i + 1] != '\n'))) {
        ++line;
        column = 1;
      } else if (c != '\r') {
        ++column;
      }
    }
  }
}

TEST_CASE("LineIndex: ASCII lines, 1-based positions", "[position]") {
  Document doc = MakeDoc("ab\ncd\n");
  LineIndex index(doc);
  CHECK(index.line_count() == 3);
  CHECK(index.Locate(0) == Position{1, 1});
  CHECK(index.Locate(2) == Position{1, 3});  // the '\n' itself
  CHECK(index.Locate(4) == Position{2, 2});
  CHECK(index.Locate(6) == Position{3, 1});  // end of file, after the last '\n'
  CHECK(index.Locate(100) == Position{3, 1});
  CHECK(index.LineText(1) == "ab");
  CHECK(index.LineText(2) == "cd");
  CHECK(index.LineText(3) == "");
  CHECK(index.LineText(0) == "");
  CHECK(index.LineText(4) == "");
}

TEST_CASE("LineIndex: CRLF belongs to the line end", "[position]") {
  Document doc = MakeDoc("ab\r\ncd\r\n\r\nef");
  LineIndex index(doc);
  CHECK(index.line_count() == 4);
  CHECK(index.Locate(2) == Position{1, 3});  // '\r'
  CHECK(index.Locate(3) == Position{1, 3});  // '\n' clamps to the line length
  CHECK(index.Locate(4) == Position{2, 1});
  CHECK(index.Locate(8) == Position{3, 1});
  CHECK(index.Locate(11) == Position{4, 2});
  CHECK(index.LineText(1) == "ab");
  CHECK(index.LineText(2) == "cd");
  CHECK(index.LineText(3) == "");
  CHECK(index.LineText(4) == "ef");
  CHECK(index.RawOffset(3, 0, ColumnUnit::kCodePoint) == 8);
  CHECK(index.RawOffset(1, 9, ColumnUnit::kUtf16) == 2);  // clamps before "\r\n"
}

TEST_CASE("LineIndex: a lone CR ends a line, as the decoder says", "[position]") {
  Document doc = MakeDoc("ab\rcd");
  LineIndex index(doc);
  CHECK(index.line_count() == 2);
  CHECK(index.Locate(3) == Position{2, 1});
  CHECK(index.LineText(1) == "ab");
  CHECK(index.LineText(2) == "cd");
}

TEST_CASE("LineIndex: a UTF-8 BOM is not a column", "[position]") {
  Document doc = MakeDoc(
      "\xEF\xBB\xBF"
      "ab\ncd");
  LineIndex index(doc);
  CHECK(index.Locate(0) == Position{1, 1});
  CHECK(index.Locate(3) == Position{1, 1});
  CHECK(index.Locate(4) == Position{1, 2});
  CHECK(index.Locate(7) == Position{2, 2});
  CHECK(index.Column(4, ColumnUnit::kUtf8) == 1);
  CHECK(index.LineText(1) == "ab");
  CHECK(index.RawOffset(1, 0, ColumnUnit::kUtf16) == 3);
}

TEST_CASE("LineIndex: an emoji is 1 code point, 2 UTF-16 units, 4 UTF-8 bytes", "[position]") {
  Document doc = MakeDoc("x\xF0\x9F\x98\x80y\nz");  // x U+1F600 y
  LineIndex index(doc);
  CHECK(index.Column(5, ColumnUnit::kCodePoint) == 2);
  CHECK(index.Column(5, ColumnUnit::kUtf16) == 3);
  CHECK(index.Column(5, ColumnUnit::kUtf8) == 5);
  CHECK(index.Locate(5) == Position{1, 3});
  // An offset inside the emoji gives the emoji's own column.
  CHECK(index.Column(3, ColumnUnit::kUtf16) == 1);
  CHECK(index.Column(3, ColumnUnit::kUtf8) == 1);
  // And back: columns to raw offsets.
  CHECK(index.RawOffset(1, 3, ColumnUnit::kUtf16) == 5);
  CHECK(index.RawOffset(1, 2, ColumnUnit::kUtf16) == 1);  // inside the surrogate pair
  CHECK(index.RawOffset(1, 2, ColumnUnit::kCodePoint) == 5);
  CHECK(index.RawOffset(1, 5, ColumnUnit::kUtf8) == 5);
  CHECK(index.RawOffset(1, 3, ColumnUnit::kUtf8) == 1);  // inside the emoji
  CHECK(index.RawOffset(1, 99, ColumnUnit::kUtf16) == 6);
  CHECK(index.RawOffset(2, 0, ColumnUnit::kUtf16) == 7);
  CHECK(index.RawOffset(9, 0, ColumnUnit::kUtf16) == 8);  // past the last line: end of file
}

TEST_CASE("LineIndex: CJK counts one unit per character except in UTF-8", "[position]") {
  Document doc = MakeDoc(
      "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"
      "abc");  // 日本語abc
  LineIndex index(doc);
  CHECK(index.Column(9, ColumnUnit::kCodePoint) == 3);
  CHECK(index.Column(9, ColumnUnit::kUtf16) == 3);
  CHECK(index.Column(9, ColumnUnit::kUtf8) == 9);
  CHECK(index.Locate(10) == Position{1, 5});
}

TEST_CASE("LineIndex: UTF-16 files count in the decoded text", "[position]") {
  // BOM 0-1, 'a' 2-3, CR 4-5, LF 6-7, U+1F600 8-11, 'b' 12-13.
  Document doc = MakeDoc(Utf16Le(u"a\r\n\U0001F600b"));
  REQUIRE(doc.decoded.encoding == RawEncoding::kUtf16LE);
  LineIndex index(doc);
  CHECK(index.line_count() == 2);
  CHECK(index.Locate(0) == Position{1, 1});
  CHECK(index.Locate(2) == Position{1, 1});
  CHECK(index.Locate(4) == Position{1, 2});
  CHECK(index.Locate(8) == Position{2, 1});
  CHECK(index.Locate(12) == Position{2, 2});
  CHECK(index.Locate(14) == Position{2, 3});
  CHECK(index.Column(12, ColumnUnit::kUtf16) == 2);
  CHECK(index.Column(12, ColumnUnit::kUtf8) == 4);
  CHECK(index.LineText(1) == "a");
  CHECK(index.LineText(2) ==
        "\xF0\x9F\x98\x80"
        "b");
  CHECK(index.RawOffset(2, 2, ColumnUnit::kUtf16) == 12);
  CHECK(index.RawOffset(2, 0, ColumnUnit::kCodePoint) == 8);
  CHECK(index.RawOffset(1, 1, ColumnUnit::kUtf16) == 4);
}

TEST_CASE("LineIndex: empty file has one empty line", "[position]") {
  Document doc = MakeDoc("");
  LineIndex index(doc);
  CHECK(index.line_count() == 1);
  CHECK(index.Locate(0) == Position{1, 1});
  CHECK(index.LineText(1) == "");
  CHECK(index.RawOffset(1, 5, ColumnUnit::kCodePoint) == 0);
}

}  // namespace
}  // namespace fulint

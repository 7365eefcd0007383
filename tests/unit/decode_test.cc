// Tests for Decode: BOMs, line ends, UTF-8 validation, UTF-16 and the source map it builds.
#include "decode/decode.h"

#include <catch2/catch.hpp>
#include <string>

#include "test_util.h"

namespace fulint {
namespace {

DecodedText DecodeOk(const std::string& raw) {
  DecodedText out;
  DecodeError error;
  bool ok = Decode(raw, &out, &error);
  INFO("decode error: " << error.message);
  REQUIRE(ok);
  return out;
}

DecodeError DecodeFails(const std::string& raw) {
  DecodedText out;
  DecodeError error;
  REQUIRE_FALSE(Decode(raw, &out, &error));
  return error;
}

TEST_CASE("Decode skips a UTF-8 byte-order mark and maps past it", "[decode]") {
  DecodedText d = DecodeOk("\xEF\xBB\xBFHi there\n");
  CHECK(d.text == "Hi there\n");
  CHECK(d.had_bom);
  CHECK(d.encoding == RawEncoding::kUtf8);
  CHECK(d.map.ToRaw(0) == 3);
  CHECK(d.map.ToRaw(3) == 6);
  CHECK(d.map.ToRawEnd(9) == 12);
  CHECK(d.map.ToText(3) == 0);
  CHECK(d.map.ToText(11) == 8);
}

TEST_CASE("Decode without a BOM keeps plain ASCII as is", "[decode]") {
  DecodedText d = DecodeOk("Dear Dr. Lee,\n");
  CHECK(d.text == "Dear Dr. Lee,\n");
  CHECK_FALSE(d.had_bom);
  CHECK(d.map.piece_count() == 1);
  CHECK(d.map.ToRaw(13) == 13);
}

TEST_CASE("Decode folds CRLF to LF and maps back after several of them", "[decode]") {
  // raw:  a \r \n b \r \n c \r \n x  y  z
  //       0 1  2  3 4  5  6 7  8  9  10 11
  // text: a \n b \n c \n x y z
  //       0 1  2 3  4 5  6 7 8
  DecodedText d = DecodeOk("a\r\nb\r\nc\r\nxyz");
  CHECK(d.text == "a\nb\nc\nxyz");
  CHECK(d.map.ToRaw(0) == 0);
  CHECK(d.map.ToRaw(1) == 1);
  CHECK(d.map.ToRaw(2) == 3);
  CHECK(d.map.ToRaw(4) == 6);
  CHECK(d.map.ToRaw(5) == 7);
  CHECK(d.map.ToRaw(6) == 9);
  CHECK(d.map.ToRaw(8) == 11);
  CHECK(d.map.ToRaw(9) == 12);  // the end of the text is the end of the file
  CHECK(d.map.ToRawEnd(2) == 3);  // just past "a\n" is past "a\r\n"
  CHECK(d.map.ToRawEnd(9) == 12);
  CHECK(d.map.ToRaw(Range{6, 9}) == Range{9, 12});
  CHECK(d.map.ToRaw(Range{4, 6}) == Range{6, 9});
  CHECK(d.map.ToText(9) == 6);
  CHECK(d.map.ToText(8) == 5);  // the LF of a CRLF belongs to the one decoded '\n'
  CHECK(d.map.ToText(7) == 5);
}

TEST_CASE("Decode turns a lone CR into LF", "[decode]") {
  DecodedText d = DecodeOk("one\rtwo\r\rthree");
  CHECK(d.text == "one\ntwo\n\nthree");
  CHECK(d.map.ToRaw(4) == 4);
  CHECK(d.map.ToRaw(9) == 9);
  CHECK(d.map.ToRaw(Range{9, 14}) == Range{9, 14});
}

TEST_CASE("Decode mixes CR, LF and CRLF line ends", "[decode]") {
  DecodedText d = DecodeOk("a\rb\nc\r\nd");
  CHECK(d.text == "a\nb\nc\nd");
  CHECK(d.map.ToRaw(6) == 7);
  CHECK(d.map.ToText(7) == 6);
}

TEST_CASE("Decode rejects a lone 0xFF byte with its offset", "[decode]") {
  DecodeError e = DecodeFails("ab\xFF\n");
  CHECK(e.raw_offset == 2);
  CHECK(e.message == "invalid UTF-8: byte 0xFF at byte offset 2");
}

TEST_CASE("Decode reports the raw offset of a bad byte after a BOM and CRLFs", "[decode]") {
  DecodeError e = DecodeFails("\xEF\xBB\xBFHi\r\nyo\r\n\xFEx");
  CHECK(e.raw_offset == 11);
  CHECK(e.message.find("byte 0xFE") != std::string::npos);
  CHECK(e.message.find("byte offset 11") != std::string::npos);
}

TEST_CASE("Decode rejects a truncated multi-byte sequence", "[decode]") {
  SECTION("at the end of the input") {
    DecodeError e = DecodeFails("abc\xE2\x82");
    CHECK(e.raw_offset == 3);
    CHECK(e.message == "invalid UTF-8: byte 0xE2 at byte offset 3");
  }
  SECTION("followed by ASCII") {
    DecodeError e = DecodeFails("\xC3\xA9t\xC3 ok");
    CHECK(e.raw_offset == 3);
    CHECK(e.message.find("byte offset 3") != std::string::npos);
  }
}

TEST_CASE("Decode rejects an overlong encoding", "[decode]") {
  DecodeError e = DecodeFails("x\xC0\xAFy");
  CHECK(e.raw_offset == 1);
  CHECK(e.message == "invalid UTF-8: byte 0xC0 at byte offset 1");
  CHECK(DecodeFails("\xE0\x80\xAF").raw_offset == 0);  // overlong 3-byte '/'
}

TEST_CASE("Decode rejects an encoded surrogate", "[decode]") {
  DecodeError e = DecodeFails("xy\xED\xA0\x80z");
  CHECK(e.raw_offset == 2);
  CHECK(e.message == "invalid UTF-8: byte 0xED at byte offset 2");
}

TEST_CASE("Decode rejects a stray continuation byte and code points past U+10FFFF",
          "[decode]") {
  CHECK(DecodeFails("ok \x80").raw_offset == 3);
  CHECK(DecodeFails("\xF4\x90\x80\x80").raw_offset == 0);
}

TEST_CASE("Utf8SequenceLength gives the length of valid sequences and 0 otherwise",
          "[decode]") {
  std::string s = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";
  CHECK(Utf8SequenceLength(s, 0) == 1);
  CHECK(Utf8SequenceLength(s, 1) == 2);
  CHECK(Utf8SequenceLength(s, 3) == 3);
  CHECK(Utf8SequenceLength(s, 6) == 4);
  CHECK(Utf8SequenceLength(s, 2) == 0);  // a continuation byte
  CHECK(Utf8SequenceLength("\xC0\xAF", 0) == 0);
  CHECK(Utf8SequenceLength("\xED\xA0\x80", 0) == 0);
}

// "H", U+1F600 (surrogate pair D83D DE00), CRLF, "x", each as UTF-16 code units.
const char kUtf16LE[] = "\xFF\xFE" "H\0" "\x3D\xD8\x00\xDE" "\r\0\n\0" "x\0";
const char kUtf16BE[] = "\xFE\xFF" "\0H" "\xD8\x3D\xDE\x00" "\0\r\0\n" "\0x";

void CheckUtf16Map(const DecodedText& d) {
  // text: H 😀(4 bytes) \n x      raw: BOM(0-1) H(2-3) 😀(4-7) CRLF(8-11) x(12-13)
  CHECK(d.text == "H\xF0\x9F\x98\x80\nx");
  CHECK(d.had_bom);
  CHECK(d.map.ToRaw(0) == 2);
  CHECK(d.map.ToRaw(1) == 4);
  CHECK(d.map.ToRaw(5) == 8);
  CHECK(d.map.ToRaw(6) == 12);
  CHECK(d.map.ToRawEnd(1) == 4);
  CHECK(d.map.ToRawEnd(5) == 8);
  CHECK(d.map.ToRawEnd(7) == 14);
  CHECK(d.map.ToRaw(Range{1, 5}) == Range{4, 8});
  CHECK(d.map.ToRaw(Range{0, 7}) == Range{2, 14});
  CHECK(d.map.ToText(4) == 1);
  CHECK(d.map.ToText(12) == 6);
}

TEST_CASE("Decode reads UTF-16LE with a BOM, a surrogate pair and CRLF", "[decode]") {
  DecodedText d = DecodeOk(std::string(kUtf16LE, sizeof kUtf16LE - 1));
  CHECK(d.encoding == RawEncoding::kUtf16LE);
  CheckUtf16Map(d);
}

TEST_CASE("Decode reads UTF-16BE with a BOM, a surrogate pair and CRLF", "[decode]") {
  DecodedText d = DecodeOk(std::string(kUtf16BE, sizeof kUtf16BE - 1));
  CHECK(d.encoding == RawEncoding::kUtf16BE);
  CheckUtf16Map(d);
}

TEST_CASE("Decode maps UTF-16 BMP characters that grow in UTF-8", "[decode]") {
  // U+4E2D is 2 bytes in UTF-16 and 3 in UTF-8; "a" follows it.
  DecodedText d = DecodeOk(std::string("\xFF\xFE\x2D\x4E" "a\0", 6));
  CHECK(d.text == "\xE4\xB8\xAD" "a");
  CHECK(d.map.ToRaw(0) == 2);
  CHECK(d.map.ToRaw(3) == 4);
  CHECK(d.map.ToRawEnd(3) == 4);
  CHECK(d.map.ToText(4) == 3);
}

TEST_CASE("Decode rejects broken UTF-16", "[decode]") {
  SECTION("an unpaired high surrogate") {
    DecodeError e = DecodeFails(std::string("\xFF\xFE" "a\0" "\x3D\xD8" "b\0", 8));
    CHECK(e.raw_offset == 4);
    CHECK(e.message.find("byte offset 4") != std::string::npos);
  }
  SECTION("an odd number of bytes") {
    DecodeError e = DecodeFails(std::string("\xFE\xFF\0a\0", 5));
    CHECK(e.raw_offset == 4);
  }
}

TEST_CASE("Decode keeps emoji, CJK and combining marks byte for byte", "[decode]") {
  // e + combining acute, CJK, emoji with skin tone, ZWJ family, tab.
  std::string raw =
      "Cafe\xCC\x81 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\t"
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\n";
  DecodedText d = DecodeOk(raw);
  CHECK(d.text == raw);
  CHECK(d.map.piece_count() == 1);
  for (uint32_t i = 0; i <= raw.size(); ++i) {
    CHECK(d.map.ToRaw(i) == i);
    CHECK(d.map.ToText(i) == i);
  }
  CHECK(d.map.ToRawEnd(static_cast<uint32_t>(raw.size())) == raw.size());
}

TEST_CASE("Decode finds a CR, a bad byte or a multi-byte character at every offset",
          "[decode]") {
  // Plain ASCII is skipped eight bytes at a time: whatever the alignment, the one byte that
  // is not plain ASCII must still be seen.
  for (size_t length : {1, 7, 8, 9, 15, 16, 17, 31, 40}) {
    for (size_t at = 0; at < length; ++at) {
      std::string plain(length, 'a');
      for (size_t k = 0; k < length; ++k) plain[k] = static_cast<char>('a' + k % 26);
      INFO("length " << length << ", at " << at);
      std::string cr = plain;
      cr[at] = '\r';
      std::string want = cr;
      want[at] = '\n';
      DecodedText d = DecodeOk(cr);
      CHECK(d.text == want);
      CHECK(d.map.ToRaw(static_cast<uint32_t>(at)) == at);
      std::string crlf = plain.substr(0, at) + "\r\n" + plain.substr(at);
      d = DecodeOk(crlf);
      CHECK(d.text == plain.substr(0, at) + "\n" + plain.substr(at));
      CHECK(d.map.ToRaw(static_cast<uint32_t>(at + 1)) == at + 2);
      std::string bad = plain;
      bad[at] = static_cast<char>(0xFF);
      CHECK(DecodeFails(bad).raw_offset == at);
      std::string accent = plain.substr(0, at) + "\xC3\xA9" + plain.substr(at);
      CHECK(DecodeOk(accent).text == accent);
      std::string cut = plain.substr(0, at) + "\xC3";  // a truncated sequence at the end
      CHECK(DecodeFails(cut).raw_offset == at);
    }
  }
}

TEST_CASE("Decode of empty input gives empty text", "[decode]") {
  CHECK(DecodeOk("").text.empty());
  CHECK(DecodeOk("\xEF\xBB\xBF").text.empty());
}

}  // namespace
}  // namespace fulint

// Tests for SourceMap: identity and non-identity pieces, start and end positions, and the way
// back from raw offsets.
#include "decode/source_map.h"

#include <catch2/catch.hpp>

#include "test_util.h"

namespace fulint {
namespace {

// Pieces (text_begin, raw_begin, text_len, raw_len):
//   P0 ( 0,  0, 5, 5)  "Hello"            identity
//   P1 ( 5,  5, 1, 2)  CRLF -> '\n'
//   P2 ( 6,  7, 3, 3)  "abc"              identity
//   P3 ( 9, 10, 3, 2)  a UTF-16 unit -> 3 UTF-8 bytes
//   P4 (12, 12, 1, 2)  CRLF -> '\n'
// Text size 13, raw size 14.
SourceMap Mixed() {
  SourceMap m;
  m.Append(0, 5, 5);
  m.Append(5, 1, 2);
  m.Append(7, 3, 3);
  m.Append(10, 3, 2);
  m.Append(12, 1, 2);
  return m;
}

TEST_CASE("SourceMap keeps one piece per run", "[source_map]") {
  CHECK(Mixed().piece_count() == 5);
}

TEST_CASE("SourceMap merges adjacent identity pieces only", "[source_map]") {
  SourceMap m;
  m.Append(0, 2, 2);
  m.Append(2, 3, 3);
  CHECK(m.piece_count() == 1);
  m.Append(7, 2, 2);  // a gap in raw (bytes dropped): a new piece
  CHECK(m.piece_count() == 2);
  m.Append(9, 1, 2);  // not identity
  m.Append(11, 1, 2);  // never merged with the previous non-identity piece
  CHECK(m.piece_count() == 4);
  m.Append(13, 0, 0);  // empty pieces are ignored
  CHECK(m.piece_count() == 4);
  CHECK(m.ToRaw(5) == 7);
  CHECK(m.ToRaw(6) == 8);
  CHECK(m.ToRaw(7) == 9);
  CHECK(m.ToRaw(8) == 11);
}

TEST_CASE("SourceMap::ToRaw maps start positions", "[source_map]") {
  SourceMap m = Mixed();
  CHECK(m.ToRaw(0) == 0);
  CHECK(m.ToRaw(4) == 4);
  CHECK(m.ToRaw(5) == 5);   // the CRLF piece starts at its CR
  CHECK(m.ToRaw(6) == 7);
  CHECK(m.ToRaw(8) == 9);
  CHECK(m.ToRaw(9) == 10);
  CHECK(m.ToRaw(10) == 10);  // inside a non-identity piece: its start
  CHECK(m.ToRaw(11) == 10);
  CHECK(m.ToRaw(12) == 12);
  CHECK(m.ToRaw(13) == 14);  // the end of the text
}

TEST_CASE("SourceMap::ToRawEnd maps end positions", "[source_map]") {
  SourceMap m = Mixed();
  CHECK(m.ToRawEnd(0) == 0);
  CHECK(m.ToRawEnd(3) == 3);
  CHECK(m.ToRawEnd(5) == 5);   // just after "Hello", before the CR
  CHECK(m.ToRawEnd(6) == 7);   // after the folded CRLF: past its LF
  CHECK(m.ToRawEnd(7) == 8);
  CHECK(m.ToRawEnd(9) == 10);
  CHECK(m.ToRawEnd(10) == 12);  // ending inside a non-identity piece covers all of it
  CHECK(m.ToRawEnd(12) == 12);
  CHECK(m.ToRawEnd(13) == 14);
}

TEST_CASE("SourceMap::ToRaw(Range) maps both ends", "[source_map]") {
  SourceMap m = Mixed();
  CHECK(m.ToRaw(Range{0, 5}) == Range{0, 5});
  CHECK(m.ToRaw(Range{4, 6}) == Range{4, 7});
  CHECK(m.ToRaw(Range{6, 9}) == Range{7, 10});
  CHECK(m.ToRaw(Range{9, 12}) == Range{10, 12});
  CHECK(m.ToRaw(Range{10, 11}) == Range{10, 12});
  CHECK(m.ToRaw(Range{0, 13}) == Range{0, 14});
  CHECK(m.ToRaw(Range{3, 3}) == Range{3, 3});   // empty stays empty
  CHECK(m.ToRaw(Range{6, 6}) == Range{7, 7});
}

TEST_CASE("SourceMap::ToText maps raw offsets back", "[source_map]") {
  SourceMap m = Mixed();
  CHECK(m.ToText(0) == 0);
  CHECK(m.ToText(4) == 4);
  CHECK(m.ToText(5) == 5);
  CHECK(m.ToText(6) == 5);   // the LF of the CRLF
  CHECK(m.ToText(7) == 6);
  CHECK(m.ToText(9) == 8);
  CHECK(m.ToText(10) == 9);
  CHECK(m.ToText(11) == 9);
  CHECK(m.ToText(12) == 12);
  CHECK(m.ToText(13) == 12);
  CHECK(m.ToText(14) == 13);  // the end of the file
}

TEST_CASE("SourceMap round-trips start offsets of every piece", "[source_map]") {
  SourceMap m = Mixed();
  for (uint32_t t : {0u, 1u, 4u, 5u, 6u, 7u, 8u, 9u, 12u, 13u}) {
    INFO("text offset " << t);
    CHECK(m.ToText(m.ToRaw(t)) == t);
  }
}

TEST_CASE("SourceMap with a first piece that skips a BOM", "[source_map]") {
  SourceMap m;
  m.Append(3, 4, 4);
  CHECK(m.ToRaw(0) == 3);
  CHECK(m.ToRaw(2) == 5);
  CHECK(m.ToRawEnd(4) == 7);
  CHECK(m.ToRaw(Range{1, 3}) == Range{4, 6});
  CHECK(m.ToText(3) == 0);
  CHECK(m.ToText(6) == 3);
  CHECK(m.ToText(7) == 4);
}

TEST_CASE("SourceMap with only non-identity pieces (UTF-16 text)", "[source_map]") {
  // BOM at 0-1, then "ab" as two 2-byte units and a 4-byte pair that becomes 4 UTF-8 bytes.
  SourceMap m;
  m.Append(2, 1, 2);
  m.Append(4, 1, 2);
  m.Append(6, 4, 4);  // same length, but one unit of meaning: merged only if identity-adjacent
  CHECK(m.ToRaw(0) == 2);
  CHECK(m.ToRaw(1) == 4);
  CHECK(m.ToRaw(2) == 6);
  CHECK(m.ToRawEnd(1) == 4);
  CHECK(m.ToRawEnd(2) == 6);
  CHECK(m.ToRawEnd(6) == 10);
  CHECK(m.ToText(5) == 1);
  CHECK(m.ToText(10) == 6);
}

}  // namespace
}  // namespace fulint

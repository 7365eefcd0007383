// The eight-bytes-at-a-time tests (base/byte_words.h) against a byte-at-a-time reference: one
// odd byte at each position among plain letters, and random words.
#include "base/byte_words.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>

namespace fulint {
namespace {

struct Reference {
  bool non_ascii = false, zero = false, equal = false, below = false;
};

Reference ByteAtATime(const unsigned char* b, unsigned char want, unsigned char below) {
  Reference r;
  for (int k = 0; k < 8; ++k) {
    r.non_ascii |= b[k] >= 0x80;
    r.zero |= b[k] == 0;
    r.equal |= b[k] == want;
    r.below |= b[k] < below;
  }
  return r;
}

void CheckWord(const unsigned char* b, unsigned char want, unsigned char below) {
  const uint64_t x = bytes8::Load(b);
  const Reference r = ByteAtATime(b, want, below);
  CHECK(bytes8::AnyNonAscii(x) == r.non_ascii);
  CHECK(bytes8::AnyZero(x) == r.zero);
  CHECK(bytes8::AnyEqual(x, want) == r.equal);
  if (!r.non_ascii) CHECK(bytes8::AnyBelow(x, below) == r.below);  // its stated condition
}

TEST_CASE("byte words: each test agrees with a byte-at-a-time look", "[bytes8]") {
  for (int at = 0; at < 8; ++at)
    for (int value = 0; value < 256; ++value) {
      unsigned char b[8] = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'};
      b[at] = static_cast<unsigned char>(value);
      INFO("byte " << value << " at " << at);
      for (int want : {0x0D, 0x40, 0x5F, 0x7F, 0x00})  // CR, '@', '_', DEL, NUL
        for (int below : {0x20, 0x01, 0x80})
          CheckWord(b, static_cast<unsigned char>(want), static_cast<unsigned char>(below));
    }
  std::mt19937 rng(8);
  for (int round = 0; round < 20000; ++round) {
    unsigned char b[8];
    for (auto& c : b) c = static_cast<unsigned char>(rng() % (round % 2 ? 128 : 256));
    CheckWord(b, static_cast<unsigned char>(rng() % 128),
              static_cast<unsigned char>(1 + rng() % 128));
  }
}

}  // namespace
}  // namespace fulint

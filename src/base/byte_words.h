#pragma once
// Eight bytes at a time: tests on a 64-bit word read from text, for the loops that pass over
// long stretches of plain ASCII looking for the one byte that needs attention (decoding,
// segmenting words, printing source lines). Each test is exact for the question "does any
// byte...?"; none says which byte, so a caller that gets "yes" goes on a byte at a time.
#include <cstdint>
#include <cstring>

namespace fulint::bytes8 {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// The eight bytes at p (any alignment).
inline uint64_t Load(const void* p) {
  uint64_t x;
  std::memcpy(&x, p, sizeof x);
  return x;
}

// True when some byte has its high bit set (is not ASCII).
inline bool AnyNonAscii(uint64_t x) { return (x & kHighBits) != 0; }

// True when some byte is zero. A byte's borrow can only set high bits above a zero byte, so
// the answer for the word as a whole is exact.
inline bool AnyZero(uint64_t x) { return ((x - kOnes) & ~x & kHighBits) != 0; }

// True when some byte equals `b`.
inline bool AnyEqual(uint64_t x, unsigned char b) { return AnyZero(x ^ (kOnes * b)); }

// True when some byte is below `n` (n <= 0x80). Exact when no byte has its high bit set
// (check AnyNonAscii first): then no byte at or above n borrows.
inline bool AnyBelow(uint64_t x, unsigned char n) { return ((x - kOnes * n) & kHighBits) != 0; }

}  // namespace fulint::bytes8
